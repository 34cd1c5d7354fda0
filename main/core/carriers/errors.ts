import type { CarrierError, CarrierErrorCode, DeviceOutcome, DeviceRef } from './types';

const TRANSIENT: ReadonlySet<CarrierErrorCode> = new Set([
  'throttled',
  'timeout',
  'network',
  'server_error',
  'malformed_response',
]);

// A carrier's raw error body is kept only this long in messages and the audit log.
const CARRIER_TEXT_MAX = 300;

/** A carrier's text cut to a message's length, never through the middle of an emoji. */
export function carrierText(text: string): string {
  const cut = text.slice(0, CARRIER_TEXT_MAX);
  // A high surrogate left last has lost its pair; stored, it would read back as U+FFFD.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Builds a CarrierError whose transience follows from its code. */
export function carrierError(
  code: CarrierErrorCode,
  message: string,
  extra: Partial<CarrierError> = {},
): CarrierError {
  return { code, transient: TRANSIENT.has(code), message, ...extra };
}

/** The answer for an operation the carrier does not offer: a clear refusal, not a crash. */
export function unsupported(
  devices: DeviceRef[],
  what: string,
  carrierName: string,
): DeviceOutcome[] {
  const error = carrierError('unsupported', `${carrierName} does not support ${what}.`);
  return devices.map((device) => ({ kind: 'failed', device, error }));
}

/** The same failure for every device of a request that failed as a whole. */
export const failAll = (devices: DeviceRef[], error: CarrierError): DeviceOutcome[] =>
  devices.map((device) => ({ kind: 'failed', device, error }));

import type { CarrierError, CarrierErrorCode, DeviceOutcome, DeviceRef } from './types';

const TRANSIENT: ReadonlySet<CarrierErrorCode> = new Set([
  'throttled',
  'timeout',
  'network',
  'server_error',
  'malformed_response',
]);

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

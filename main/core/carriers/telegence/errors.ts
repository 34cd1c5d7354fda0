import { carrierLabels } from '../../../../shared/domain/carriers';
import { carrierError, carrierText } from '../errors';
import type { CarrierError } from '../types';

export const CARRIER_NAME = carrierLabels.telegence;

/** The carrier's own words from an error body (`responseMessage`, `errorDescription`, `Description`). */
export function reasonOf(body: unknown): string | undefined {
  if (typeof body === 'string') return carrierText(body.trim()) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const fields = body as Record<string, unknown>;
  const parts = [
    fields.responseMessage,
    fields.errorDescription,
    fields.Description,
    fields.message,
  ]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim());
  return parts.length > 0 ? [...new Set(parts)].join(' — ') : undefined;
}

/** Text of an activation result's `service.error`, whatever shape it comes in. */
export function errorText(error: unknown): string | undefined {
  if (error === null || error === undefined || error === '') return undefined;
  if (typeof error === 'string') return error;
  return reasonOf(error) ?? JSON.stringify(error);
}

/** Rewords a carrier refusal (4xx) for the desk, keeping AT&T's reason; other errors pass through. */
export function refusal(error: CarrierError, what: string): CarrierError {
  const status = error.httpStatus;
  if (error.transient || status === undefined || status < 400 || status >= 500) return error;
  if (error.code !== 'validation' && error.code !== 'business_rule') return error;
  const reason = error.carrierReason ? `: ${error.carrierReason}` : '';
  return { ...error, message: `${CARRIER_NAME} refused to ${what}${reason}.` };
}

/** The "/service/" answer: a physical SIM that needs an eSIM profile, or an ICCID AT&T won't take. */
export const esimRequired = (iccid: string, what: string): CarrierError =>
  carrierError(
    'business_rule',
    `${CARRIER_NAME} could not ${what} SIM ${iccid}: the ICCID is not valid for activation, and the ` +
      'device needs an eSIM profile. Provision the eSIM profile (or use a SIM AT&T issued for this ' +
      'line) and try again.',
    { carrierReason: 'service.name "/service/" (eSIM profile required; ICCID not valid)' },
  );

/**
 * Production gives up after the last check but AT&T may still finish later, so this failure is
 * final rather than retried: resending an activation could open a second line.
 */
export const stillPending = (requestId: string, polls: number, intervalMs: number): CarrierError =>
  carrierError(
    'timeout',
    `${CARRIER_NAME} still reports activation request ${requestId} as pending after ${polls} checks ` +
      `(about ${Math.round((polls * intervalMs) / 60_000)} minutes). Check the SIM in AT&T before ` +
      'activating it again, so it does not get a second line.',
    {
      transient: false,
      carrierReason: `still pending after ${polls} checks`,
      leftState: 'pending',
    },
  );

/** Telegence finds lines by subscriber number only; without one there is nothing to address. */
export const noSubscriberNumber = (iccid: string, forRead: boolean): CarrierError =>
  forRead
    ? carrierError(
        'not_found',
        `${CARRIER_NAME} finds lines by subscriber number (MDN), and none is known for SIM ${iccid}, ` +
          'so it has no line the console can read. If the SIM is in service, add its MDN to the device.',
      )
    : carrierError(
        'validation',
        `${CARRIER_NAME} changes lines by subscriber number (MDN), and none is known for SIM ${iccid}. ` +
          'Add the MDN to the device and try again.',
      );

/** A 2xx answer that is JSON but not the shape we expect. */
export const unexpectedAnswer = (what: string, transient: boolean): CarrierError =>
  carrierError(
    'malformed_response',
    transient
      ? `${CARRIER_NAME} sent an answer to ${what} that could not be read; it will be retried.`
      : `${CARRIER_NAME} accepted ${what} but its answer could not be read. Check the SIMs in AT&T ` +
          'before sending it again.',
    { transient },
  );

import { z } from 'zod';
import { carrierError } from '../errors';
import type { CarrierError, CarrierErrorCode } from '../types';

export const CARRIER_NAME = 'Cisco Control Center';

/** Control Center's error envelope (reference §2.7); pre-auth failures may lack `errorCode`. */
const Envelope = z.object({
  errorMessage: z.string(),
  errorCode: z.union([z.string(), z.number()]).transform(String).optional(),
});
type Envelope = z.infer<typeof Envelope>;

const envelopeOf = (body: unknown): Envelope | undefined => {
  const parsed = Envelope.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

/** The carrier's reason from an error body, for the shared classifier. */
export const reasonOf = (body: unknown): string | undefined => envelopeOf(body)?.errorMessage;

/** Whether a body is Control Center's JSON error envelope (and so came from its REST API). */
export const isEnvelope = (body: unknown): boolean => envelopeOf(body) !== undefined;

/** What a 400's errorCode means and what the desk can do about it. */
interface Meaning {
  code: Extract<CarrierErrorCode, 'validation' | 'business_rule'>;
  hint?: string;
}

/**
 * Only 10000001 is a verified Control Center code (reference §2.7). These are the simulator's
 * placeholders; re-point them with the simulator's settings once Cisco's per-function error
 * lists are obtained. An unknown code is a business rule: the carrier refused, in its own words.
 */
const meanings: Record<string, Meaning> = {
  '10000010': { code: 'validation', hint: 'Control Center could not read the request.' },
  '10000012': { code: 'validation' },
  '10000013': { code: 'validation' },
  '10000018': { code: 'validation', hint: 'Control Center does not know that status.' },
  '10000019': {
    code: 'validation',
    hint: 'Check the rate plan name exactly as Control Center shows it.',
  },
  '10000020': {
    code: 'validation',
    hint: 'Check the communication plan name exactly as Control Center shows it.',
  },
  '10000022': {
    code: 'business_rule',
    hint: 'Control Center allows only some status moves: a RETIRED or PURGED SIM cannot be changed back.',
  },
  '10000024': { code: 'validation', hint: 'The request named nothing to change.' },
  '10000030': { code: 'validation', hint: 'Effective dates are ISO 8601 dates.' },
  '10000031': { code: 'validation', hint: 'Effective dates may be at most 180 days ahead.' },
  '10000040': { code: 'validation', hint: 'A fixed IPv4 address also needs an APN and a PDP id.' },
  '10000041': {
    code: 'business_rule',
    hint: 'Move the SIM to a communication plan that allows fixed IPs first.',
  },
  '10000042': { code: 'validation' },
};

export interface Doing {
  /** What we asked for, in plain words that finish "refused to …": "suspend SIM 8901…". */
  what: string;
  iccid?: string;
}

// The carrier's sentence inside ours, without a doubled full stop.
const clause = (text: string) => text.trim().replace(/\.+$/, '');

const withCode = (envelope: Envelope) =>
  envelope.errorCode === undefined
    ? envelope.errorMessage
    : `${envelope.errorMessage} (errorCode ${envelope.errorCode})`;

/**
 * Turns a failed call into the desk's words. The shared classifier has already sorted transport
 * faults, 429s and 5xx; this adds what Control Center's own answers mean.
 */
export function refineError(
  failure: { error: CarrierError; status?: number; data?: unknown },
  doing: Doing,
): CarrierError {
  const { status, error } = failure;
  const envelope = envelopeOf(failure.data);
  const sim = doing.iccid ? ` ${doing.iccid}` : '';
  const reason = envelope ? clause(envelope.errorMessage) : undefined;
  if (status === 401) {
    return carrierError(
      'auth_failed',
      `${CARRIER_NAME} refused the API username and key (${reason ?? 'no reason given'}). ` +
        'Check them in Settings; the console will not use them again until they are changed.',
      { httpStatus: status, carrierReason: envelope ? withCode(envelope) : error.carrierReason },
    );
  }
  if (status === 404 && !envelope) {
    // Reference §2.1: the tenant's console host answers REST paths with an HTML page.
    return carrierError(
      'validation',
      `The ${CARRIER_NAME} address in Settings answered with a web page, not the REST API. ` +
        'Use the account’s REST API host (for example https://restapi1.jasper.com), not the Control Center console address.',
      {
        httpStatus: status,
        carrierReason: typeof failure.data === 'string' ? 'HTML page' : undefined,
      },
    );
  }
  if (!envelope) return error;
  if (status === 404) {
    return carrierError(
      'not_found',
      `${CARRIER_NAME} has no SIM${sim} on this account (${reason}).`,
      { httpStatus: status, carrierReason: withCode(envelope) },
    );
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const meaning = meanings[envelope.errorCode ?? ''] ?? { code: 'business_rule' };
    const hint = meaning.hint ? ` ${meaning.hint}` : '';
    return carrierError(
      meaning.code,
      `${CARRIER_NAME} refused to ${doing.what}: ${reason}.${hint}`,
      { httpStatus: status, carrierReason: withCode(envelope) },
    );
  }
  return { ...error, carrierReason: withCode(envelope) };
}

/** A 2xx answer without what Control Center always sends: we can't tell what happened, so retry. */
export const malformed = (what: string, status: number): CarrierError =>
  carrierError(
    'malformed_response',
    `${CARRIER_NAME} answered the request to ${what} without the fields it always sends; it will be retried.`,
    { httpStatus: status },
  );

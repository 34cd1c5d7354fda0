import { carrierError, carrierText } from '../errors';
import type { CarrierError } from '../types';
import { PondErrorBody } from './schemas';

export const POND = 'POND IoT';

const parseBody = (body: unknown) => {
  const parsed = PondErrorBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

/** POND's own words from an error body, e.g. "No package 12 [PACKAGE_NOT_FOUND]". */
export function pondReason(body: unknown): string | undefined {
  if (typeof body === 'string') return carrierText(body.trim()) || undefined;
  const parsed = parseBody(body);
  if (!parsed) return undefined;
  const message = parsed.Message?.trim().replace(/\.$/, '');
  if (message && parsed.ErrorCode) return `${message} [${parsed.ErrorCode}]`;
  return message || parsed.ErrorCode;
}

/** POND error codes [assumed] that mean "this change breaks a rule", not "the request was malformed". */
const businessRules: Record<string, (reason: string) => string> = {
  REQUEST_REJECTED: (reason) => `${POND} refused the change for this SIM: ${reason}.`,
  DEVICE_TERMINATED: (reason) =>
    `${POND} refused: the SIM is terminated, so nothing can change on it (${reason}).`,
  DEVICE_NOT_ACTIVATED: (reason) =>
    `${POND} refused: the SIM was never activated, so it can't be suspended (${reason}). Activate it instead.`,
  ACTIVE_PACKAGE_EXISTS: (reason) =>
    `${POND} allows only one active package on this SIM (${reason}).`,
  PACKAGE_STATUS_TRANSITION_NOT_ALLOWED: (reason) =>
    `${POND} refused to move the package (${reason}).`,
};

/**
 * Refines the framework's reading of a POND failure with POND's error code: rule breaches
 * become business_rule, an unknown package type and a refused key get words the desk can act on.
 */
export function refinePondError(error: CarrierError, body: unknown): CarrierError {
  const code = parseBody(body)?.ErrorCode;
  const reason = error.carrierReason ?? code ?? 'no reason given';
  const extra = { httpStatus: error.httpStatus, carrierReason: error.carrierReason };
  if (error.code === 'auth_failed')
    return carrierError(
      'auth_failed',
      `${POND} refused the API key for this distributor (${reason}). Check the distributor ID and API key in Settings.`,
      extra,
    );
  if (error.code !== 'validation' || !code) return error;
  const rule = businessRules[code];
  if (rule) return carrierError('business_rule', rule(reason), extra);
  if (code === 'PACKAGE_TYPE_NOT_FOUND')
    return carrierError(
      'validation',
      `${POND} has no package type with this plan code (${reason}). Refresh the carrier rate plans and pick one POND offers.`,
      extra,
    );
  return error;
}

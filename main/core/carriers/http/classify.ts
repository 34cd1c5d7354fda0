import { AxiosError } from 'axios';
import { carrierError } from '../errors';
import type { CarrierError } from '../types';

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), capped so a carrier can't stall us for hours. */
export function retryAfterMs(header: unknown, capMs = 5 * 60_000): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), capMs) : undefined;
}

/** A request that never got an HTTP answer: timeouts and network faults are worth retrying. */
export function classifyTransportError(error: unknown, carrierName: string): CarrierError {
  const code = error instanceof AxiosError ? error.code : undefined;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return carrierError(
      'timeout',
      `${carrierName} did not answer in time; the change will be retried.`,
      { carrierReason: String((error as Error).message) },
    );
  }
  return carrierError(
    'network',
    `${carrierName} could not be reached (${code ?? 'network error'}); the change will be retried.`,
    {
      carrierReason: String((error as Error).message),
    },
  );
}

/** The default meaning of an HTTP status; adapters refine it with the carrier's own error codes. */
export function classifyStatus(
  status: number,
  carrierName: string,
  carrierReason: string | undefined,
  retryAfter?: unknown,
): CarrierError {
  const reason = carrierReason ? `: ${carrierReason}` : '';
  if (status === 401 || status === 403)
    return carrierError(
      'auth_failed',
      `${carrierName} refused the credentials${reason}. Check them in Settings.`,
      { httpStatus: status, carrierReason },
    );
  if (status === 404)
    return carrierError('not_found', `${carrierName} does not know this device${reason}.`, {
      httpStatus: status,
      carrierReason,
    });
  if (status === 408)
    return carrierError(
      'timeout',
      `${carrierName} timed out${reason}; the change will be retried.`,
      { httpStatus: status, carrierReason },
    );
  if (status === 429) {
    return carrierError(
      'throttled',
      `${carrierName} asked us to slow down; the change will be retried.`,
      { httpStatus: status, carrierReason, retryAfterMs: retryAfterMs(retryAfter) },
    );
  }
  if (status >= 500)
    return carrierError(
      'server_error',
      `${carrierName} had a server error (${status})${reason}; the change will be retried.`,
      { httpStatus: status, carrierReason, retryAfterMs: retryAfterMs(retryAfter) },
    );
  return carrierError('validation', `${carrierName} rejected the request${reason}.`, {
    httpStatus: status,
    carrierReason,
  });
}

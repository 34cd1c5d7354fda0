import type { SimRequest, SimResponse } from '../common/router';

/**
 * A Telegence error body. The fields are those of the error model partner code reads
 * (`responseMessage`, `errorDescription`); the exact shape is [assumed] (carrier-apis.md §7.3).
 */
export const telegenceError = (
  status: number,
  responseMessage: string,
  errorDescription?: string,
): SimResponse => ({
  status,
  body: errorDescription ? { responseMessage, errorDescription } : { responseMessage },
});

/** Injected failures and unknown paths, in Telegence's shape. */
export const telegenceShapes = {
  throttled: (retryAfterSeconds: number): SimResponse => ({
    ...telegenceError(429, 'Too many requests', 'Rate limit exceeded; retry later'),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
  serverError: (): SimResponse =>
    telegenceError(503, 'Service temporarily unavailable', 'Backend system did not respond'),
  notFound: (request: SimRequest): SimResponse =>
    telegenceError(404, `Resource not found: ${request.method} ${request.path}`),
};

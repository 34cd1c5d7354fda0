import type { SimRequest, SimResponse } from '../common/router';
import type { JasperSettings } from './settings';

/** Control Center's error envelope (reference §2.7); `errorCode` is absent on some auth failures. */
export const jasperError = (
  status: number,
  errorMessage: string,
  errorCode?: string,
): SimResponse => ({
  status,
  body: errorCode === undefined ? { errorMessage } : { errorMessage, errorCode },
});

/** Reference §2.1: the console host serves a web page, not JSON, for REST paths. */
export const consoleHostPage = (): SimResponse => ({
  status: 404,
  text: '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>',
  headers: { 'Content-Type': 'text/html' },
});

/** The host a request was addressed to, without its port. */
export const hostOf = (request: SimRequest): string =>
  (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();

/** Control Center's shapes for the failures the common server injects. */
export function jasperShapes(settings: JasperSettings) {
  return {
    throttled: (retryAfterSeconds: number): SimResponse => ({
      ...jasperError(429, 'Rate limit exceeded', settings.codes.rateLimited),
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
    serverError: (): SimResponse => jasperError(503, 'Service temporarily unavailable'),
    notFound: (request: SimRequest): SimResponse =>
      hostOf(request) === settings.consoleHost.toLowerCase()
        ? consoleHostPage()
        : jasperError(404, 'Resource not found'),
  };
}

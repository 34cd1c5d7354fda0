import { CoreError } from '../errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A carrier API address the console will send credentials to: HTTPS, or plain HTTP only on
 * this machine (simulators). Parsed, never pattern-matched.
 */
export function checkBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new CoreError(
      'invalid_request',
      `"${input}" is not a web address. Enter the carrier's API address, e.g. https://thingspace.verizon.com/api.`,
    );
  }
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new CoreError(
      'invalid_request',
      `The API address must start with https:// so credentials are never sent in the clear (got ${url.protocol}//${url.host}).`,
    );
  }
  if (url.username || url.password) {
    throw new CoreError(
      'invalid_request',
      'Put credentials in the credential fields, not in the API address.',
    );
  }
  return url.toString().replace(/\/$/, '');
}

import type { JasperCredentials } from '../../../../shared/domain/credentials';
import type { SimRequest, SimResponse } from '../common/router';
import { jasperError } from './responses';

// Reference §2.1: the challenge Control Center sends with its 401s.
const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Jasper"' };

/**
 * Checks HTTP Basic `username:apiKey`, which Control Center wants on every call. Returns the
 * 401 to send, or undefined when the caller is who it says it is.
 */
export function checkBasicAuth(
  request: SimRequest,
  credentials: JasperCredentials,
): SimResponse | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) {
    return {
      ...jasperError(401, 'Full authentication is required to access this resource'),
      headers: CHALLENGE,
    };
  }
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const apiKey = colon < 0 ? '' : decoded.slice(colon + 1);
  if (username === credentials.username && apiKey === credentials.apiKey) return undefined;
  return { ...jasperError(401, 'Invalid credentials', '10000001'), headers: CHALLENGE };
}

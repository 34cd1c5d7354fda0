import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the loopback bridge. A page on another origin, or a DNS-rebinding page that
 * resolves its own name to 127.0.0.1, fails the Origin or Host check; anything without the
 * per-run token fails the token check.
 */
export interface BridgeIdentity {
  port: number;
  token: string;
}

const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

/** The Host header must name our loopback address and port, nothing else. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** Browsers send Origin on cross-origin and on POST requests: it must be our own page. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(originHeader);
  } catch {
    return false;
  }
  return (
    origin.protocol === 'http:' &&
    allowedHosts(port).includes(origin.host) &&
    origin.origin === originHeader
  );
}

/** Compares `Authorization: Bearer <token>` in constant time. */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

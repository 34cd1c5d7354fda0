import type { ThingSpaceCredentials } from '../../../../shared/domain/credentials';
import type { SimClock } from '../common/clock';
import type { SimRequest, SimResponse } from '../common/router';
import { LOCKOUT_AFTER_FAILED_LOGINS, OAUTH_TOKEN_LIFE_MS, SESSION_IDLE_MS } from './rules';
import type { ThingSpaceSimSettings } from './settings';

/** The WSO2 gateway's fault envelope ([doc] §1.2). */
export const gatewayFault = (status: number, code: string, message: string): SimResponse => ({
  status,
  body: { fault: { code, message, description: `${message}. Make sure your request is valid.` } },
});

const header = (request: SimRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * ThingSpace's two credentials: the OAuth client-credentials token (same token for its whole
 * hour) and the UWS session (20 minutes idle), with the 5-bad-passwords lockout.
 */
export class SimAuth {
  tokenRequests = 0;
  loginAttempts = 0;
  /** Every token and session handed out, so tests can prove none was logged. */
  readonly issued: string[] = [];
  private access: { token: string; issuedAt: number; revoked: boolean } | undefined;
  private readonly sessions = new Map<string, number>();
  private readonly failedLogins = new Map<string, number>();
  private readonly locked = new Set<string>();

  constructor(
    private readonly credentials: ThingSpaceCredentials,
    private readonly settings: () => ThingSpaceSimSettings,
    private readonly clock: SimClock,
    private readonly newId: () => string,
  ) {}

  /** `POST /api/ts/v1/oauth2/token`: Basic client credentials, form body. */
  token(request: SimRequest): SimResponse {
    this.tokenRequests += 1;
    const basic = /^Basic\s+(.+)$/i.exec(header(request, 'authorization') ?? '');
    if (!basic) return gatewayFault(401, '900902', 'Missing Credentials');
    const [id, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    if (id !== this.credentials.clientId || rest.join(':') !== this.credentials.clientSecret)
      return this.settings().oauthWrongClient;
    const form = (header(request, 'content-type') ?? '').includes(
      'application/x-www-form-urlencoded',
    );
    if (!form || new URLSearchParams(request.rawBody).get('grant_type') !== 'client_credentials')
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'Missing grant_type parameter value' },
      };
    const now = this.clock.now();
    if (!this.access || this.access.revoked || now >= this.access.issuedAt + OAUTH_TOKEN_LIFE_MS) {
      this.access = { token: this.newId().replaceAll('-', ''), issuedAt: now, revoked: false };
      this.issued.push(this.access.token);
    }
    return {
      status: 200,
      body: {
        access_token: this.access.token,
        token_type: 'Bearer',
        expires_in: Math.ceil((this.access.issuedAt + OAUTH_TOKEN_LIFE_MS - now) / 1000),
        scope: 'ts.m2m',
      },
    };
  }

  /** The gateway's bearer check on every M2M path; undefined when it passes. */
  checkBearer(request: SimRequest): SimResponse | undefined {
    const bearer = /^Bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '');
    if (!bearer) return gatewayFault(401, '900902', 'Missing Credentials');
    const access = this.access;
    const live =
      access !== undefined &&
      !access.revoked &&
      access.token === bearer[1] &&
      this.clock.now() < access.issuedAt + OAUTH_TOKEN_LIFE_MS;
    return live ? undefined : gatewayFault(401, '900901', 'Invalid Credentials');
  }

  /** `POST /api/m2m/v1/session/login` with the UWS username and password. */
  login(request: SimRequest): SimResponse {
    this.loginAttempts += 1;
    const body = (request.body ?? {}) as { username?: unknown; password?: unknown };
    const username = typeof body.username === 'string' ? body.username : '';
    if (this.locked.has(username)) return this.settings().lockedLogin;
    if (username !== this.credentials.username || body.password !== this.credentials.password) {
      if (username === this.credentials.username) {
        const failures = (this.failedLogins.get(username) ?? 0) + 1;
        this.failedLogins.set(username, failures);
        if (failures >= LOCKOUT_AFTER_FAILED_LOGINS) this.locked.add(username);
      }
      return this.settings().badLogin;
    }
    this.failedLogins.delete(username);
    const sessionToken = this.newId();
    this.sessions.set(sessionToken, this.clock.now());
    this.issued.push(sessionToken);
    return { status: 200, body: { sessionToken } };
  }

  /** The VZ-M2M-Token check; a live session's idle clock restarts with every call. */
  checkSession(request: SimRequest): SimResponse | undefined {
    const token = header(request, 'vz-m2m-token') ?? '';
    const lastUsed = this.sessions.get(token);
    const now = this.clock.now();
    if (lastUsed === undefined || now - lastUsed >= SESSION_IDLE_MS) {
      this.sessions.delete(token);
      return this.settings().sessionExpired;
    }
    this.sessions.set(token, now);
    return undefined;
  }

  /** `POST /api/m2m/v1/session/logout`: the session ends now. */
  logout(request: SimRequest): SimResponse {
    this.sessions.delete(header(request, 'vz-m2m-token') ?? '');
    return { status: 200, body: {} };
  }

  /** Test hook: the OAuth token is revoked and every session ends. */
  expireAll(): void {
    if (this.access) this.access.revoked = true;
    this.sessions.clear();
  }

  /** Admin hook: what Verizon Support does for a locked contact. */
  unlock(username: string): void {
    this.locked.delete(username);
    this.failedLogins.delete(username);
  }

  isLocked(username: string): boolean {
    return this.locked.has(username);
  }

  failedLoginsOf(username: string): number {
    return this.failedLogins.get(username) ?? 0;
  }
}

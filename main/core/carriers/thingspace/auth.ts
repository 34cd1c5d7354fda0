import type { ThingSpaceCredentials } from '../../../../shared/domain/credentials';
import { carrierError } from '../errors';
import type { CarrierHttp } from '../http/client';
import type { CarrierError } from '../types';
import { LoginResponse, TokenResponse, isBearerRejected } from './wire';

type Got<T> = { ok: true; value: T } | { ok: false; error: CarrierError };

export interface AuthHeaders {
  headers: Record<string, string>;
  access: string;
  session: string;
}

/** ThingSpace's session ends after 20 idle minutes; we renew a minute early. */
const SESSION_IDLE_MS = 20 * 60_000;
const EARLY_MS = 60_000;
/** The most refused logins we ever risk: ThingSpace locks the user at five in a row. */
export const MAX_LOGIN_FAILURES_CAP = 3;

const unreadable = (what: string) =>
  carrierError(
    'malformed_response',
    `ThingSpace sent a ${what} answer that could not be read; it will be tried again.`,
  );

/**
 * The two ThingSpace credentials (carrier-apis.md §1.2): the OAuth token (one hour) and the
 * UWS session (20 minutes idle). Both are cached; parallel callers share one request for
 * each; and a refused login is final, so the console can never walk the user into the
 * five-failure lockout that only Verizon Support can lift.
 */
export class ThingSpaceAuth {
  private access: { token: string; expiresAt: number } | undefined;
  private session: { token: string; lastUsed: number } | undefined;
  private accessInFlight: Promise<Got<string>> | undefined;
  private sessionInFlight: Promise<Got<string>> | undefined;
  private refusal: CarrierError | undefined;
  private failedLogins = 0;

  constructor(
    private readonly http: CarrierHttp,
    private readonly credentials: ThingSpaceCredentials,
    private readonly options: {
      now: () => number;
      maxLoginFailures: number;
      /** Every token this adapter has held, so it is cut from every logged exchange. */
      issued: Set<string>;
    },
  ) {}

  /** Both credentials as request headers, obtained or renewed as needed. */
  async headers(): Promise<{ ok: true; value: AuthHeaders } | { ok: false; error: CarrierError }> {
    const session = await this.sessionToken();
    if (!session.ok) return session;
    const access = await this.accessToken();
    if (!access.ok) return access;
    return {
      ok: true,
      value: {
        access: access.value,
        session: session.value,
        headers: { Authorization: `Bearer ${access.value}`, 'VZ-M2M-Token': session.value },
      },
    };
  }

  /** The carrier refused this bearer token: the next call asks for a new one. */
  dropAccess(token: string): void {
    if (this.access?.token === token) this.access = undefined;
  }

  /** The carrier says this session expired: the next call logs in again. */
  dropSession(token: string): void {
    if (this.session?.token === token) this.session = undefined;
  }

  /** A call with this session succeeded, which restarts ThingSpace's idle clock. */
  touch(token: string): void {
    if (this.session?.token === token) this.session.lastUsed = this.options.now();
  }

  private accessToken(): Promise<Got<string>> {
    if (this.refusal) return Promise.resolve({ ok: false, error: this.refusal });
    if (this.access && this.options.now() < this.access.expiresAt)
      return Promise.resolve({ ok: true, value: this.access.token });
    this.accessInFlight ??= this.requestAccess().finally(() => {
      this.accessInFlight = undefined;
    });
    return this.accessInFlight;
  }

  private sessionToken(): Promise<Got<string>> {
    if (this.refusal) return Promise.resolve({ ok: false, error: this.refusal });
    const idle = this.session ? this.options.now() - this.session.lastUsed : Infinity;
    if (this.session && idle < SESSION_IDLE_MS - EARLY_MS)
      return Promise.resolve({ ok: true, value: this.session.token });
    this.sessionInFlight ??= this.login().finally(() => {
      this.sessionInFlight = undefined;
    });
    return this.sessionInFlight;
  }

  private async requestAccess(): Promise<Got<string>> {
    const { clientId, clientSecret } = this.credentials;
    const result = await this.http.request<unknown>({
      method: 'POST',
      url: '/api/ts/v1/oauth2/token',
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      data: 'grant_type=client_credentials',
    });
    if (!result.ok) {
      if (result.error.transient) return { ok: false, error: result.error };
      // A refused key and secret will be refused again: stop until the credentials change.
      this.refusal = carrierError(
        'auth_failed',
        'ThingSpace refused the app key and secret. Check them in Settings.',
        { httpStatus: result.error.httpStatus, carrierReason: result.error.carrierReason },
      );
      return { ok: false, error: this.refusal };
    }
    const parsed = TokenResponse.safeParse(result.data);
    if (!parsed.success) return { ok: false, error: unreadable('token') };
    const token = parsed.data.access_token;
    this.options.issued.add(token);
    // ThingSpace returns the same token for its whole hour, with the seconds it has left.
    const lifeMs = (parsed.data.expires_in ?? 3600) * 1000;
    this.access = { token, expiresAt: this.options.now() + Math.max(0, lifeMs - EARLY_MS) };
    return { ok: true, value: token };
  }

  private async login(): Promise<Got<string>> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const access = await this.accessToken();
      if (!access.ok) return access;
      const result = await this.http.request<unknown>({
        method: 'POST',
        url: '/api/m2m/v1/session/login',
        headers: { Authorization: `Bearer ${access.value}`, 'Content-Type': 'application/json' },
        data: { username: this.credentials.username, password: this.credentials.password },
      });
      if (result.ok) {
        const parsed = LoginResponse.safeParse(result.data);
        if (!parsed.success) return { ok: false, error: unreadable('login') };
        const token = parsed.data.sessionToken;
        this.options.issued.add(token);
        this.failedLogins = 0;
        this.session = { token, lastUsed: this.options.now() };
        return { ok: true, value: token };
      }
      // The bearer token went stale, not the password: renew it once and log in again.
      if (attempt === 0 && isBearerRejected(result.status, result.data)) {
        this.dropAccess(access.value);
        continue;
      }
      if (result.error.transient) return { ok: false, error: result.error };
      return { ok: false, error: this.refused(result.error) };
    }
    return {
      ok: false,
      error: carrierError('auth_failed', 'ThingSpace refused the access token.'),
    };
  }

  /** A refused login: counted, and final once the (small) allowance is used. */
  private refused(error: CarrierError): CarrierError {
    this.failedLogins += 1;
    const extra = { httpStatus: error.httpStatus, carrierReason: error.carrierReason };
    if (/lock/i.test(error.carrierReason ?? '')) {
      this.refusal = carrierError(
        'locked_out',
        'ThingSpace has locked this user after too many failed logins. Only Verizon Support can unlock it; then check the password in Settings.',
        extra,
      );
      return this.refusal;
    }
    const refused = carrierError(
      'auth_failed',
      'ThingSpace refused the username or password. Check them in Settings; the console will not try them again, so the user is never locked out.',
      extra,
    );
    if (this.failedLogins >= this.options.maxLoginFailures) this.refusal = refused;
    return refused;
  }
}

import type { JasperCredentials } from '../../../../shared/domain/credentials';
import type { HttpResult } from '../http/client';
import { isEnvelope } from './errors';

/** The HTTP Basic value Control Center wants on every call: base64 of `username:apiKey`. */
export const basicAuthorization = ({ username, apiKey }: JasperCredentials): string =>
  `Basic ${Buffer.from(`${username}:${apiKey}`, 'utf8').toString('base64')}`;

type Failure = Extract<HttpResult<unknown>, { ok: false }>;

/**
 * Control Center checks the username and API key on every call, so a wrong key queued behind a
 * thousand devices would be refused a thousand times. Until one answer has proven the key, calls
 * go one at a time; once a 401 refuses it, the gate answers for the carrier and nothing more is
 * sent until a new adapter is built with new credentials.
 */
export class CredentialGate {
  private state: 'unproven' | 'proven' | 'refused' = 'unproven';
  private refusal: Failure | undefined;
  private queue: Promise<void> = Promise.resolve();

  async run<T>(call: () => Promise<HttpResult<T>>): Promise<HttpResult<T>> {
    if (this.state === 'proven') return this.settle(await call());
    const previous = this.queue;
    let release = () => {};
    this.queue = new Promise((resolve) => (release = resolve));
    try {
      await previous;
      if (this.refusal) return this.refusal;
      // Proven while we waited: no need to hold the others back.
      if (this.isProven()) release();
      return this.settle(await call());
    } finally {
      release();
    }
  }

  private isProven(): boolean {
    return this.state === 'proven';
  }

  private settle<T>(result: HttpResult<T>): HttpResult<T> {
    if (result.ok) {
      this.state = 'proven';
    } else if (result.status === 401) {
      this.state = 'refused';
      this.refusal = { ok: false, status: result.status, data: result.data, error: result.error };
    } else if ((result.status === 400 || result.status === 404) && isEnvelope(result.data)) {
      // A JSON refusal about the request itself means the key got through.
      this.state = 'proven';
    }
    return result;
  }
}

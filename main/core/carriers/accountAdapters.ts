import type { ConnectionCheck } from '../../../shared/contract/carriers';
import { getAccount, loadCredentials } from '../credentials/accountCredentials';
import type { Keychain } from '../credentials/keychain';
import { CoreError } from '../errors';
import { sandboxCredentials, type SandboxCarriers } from '../simulators/sandbox';
import type { Db } from '../store/open';
import type { Exchange } from './http/client';
import { Limiter } from './limiter';
import { createAdapter } from './registry';
import type { CarrierAdapter } from './types';

/**
 * One adapter per carrier account, kept so its tokens and lane are shared by every job on that
 * account. Sandbox accounts get their simulator; live accounts their keychain credentials.
 */
export class AccountAdapters {
  private readonly adapters = new Map<number, Promise<CarrierAdapter>>();

  constructor(
    private readonly db: Db,
    private readonly keychain: Keychain,
    private readonly sandbox: SandboxCarriers,
    private readonly onExchange?: (accountId: number, exchange: Exchange) => void,
  ) {}

  forAccount(accountId: number): Promise<CarrierAdapter> {
    let adapter = this.adapters.get(accountId);
    if (!adapter) {
      adapter = this.build(accountId);
      this.adapters.set(accountId, adapter);
      adapter.catch(() => this.adapters.delete(accountId));
    }
    return adapter;
  }

  /** Drops the cached adapter, e.g. after its credentials changed. */
  async forget(accountId: number): Promise<void> {
    const adapter = this.adapters.get(accountId);
    this.adapters.delete(accountId);
    await adapter?.then(
      (a) => a.close(),
      () => undefined,
    );
  }

  /** Signs in with the account's credentials; a refusal is an answer, not an error. */
  async testConnection(accountId: number): Promise<ConnectionCheck> {
    const checkedAt = new Date().toISOString();
    let adapter: CarrierAdapter;
    try {
      adapter = await this.forAccount(accountId);
    } catch (error) {
      if (error instanceof CoreError)
        return { ok: false, checkedAt, code: error.code, message: error.message };
      throw error;
    }
    // A refused adapter keeps refusing without calling the carrier, so pressing "Test" again
    // can't walk into a lockout (ThingSpace locks after 5 bad logins). Saving credentials resets it.
    const result = await adapter.testConnection();
    return result.ok
      ? { ok: true, checkedAt }
      : {
          ok: false,
          checkedAt,
          code: result.error.code,
          // A test retries nothing: the words meant for a queued change would mislead here.
          message: result.error.message.replace(/; (the change|it) will be retried\.$/, '.'),
        };
  }

  async close(): Promise<void> {
    await Promise.all([...this.adapters.keys()].map((id) => this.forget(id)));
  }

  private async build(accountId: number): Promise<CarrierAdapter> {
    const account = getAccount(this.db, accountId);
    const limiter = new Limiter({
      ratePerSecond: account.rateLimitPerSecond,
      concurrency: account.maxConcurrency,
    });
    const onExchange = this.onExchange
      ? (exchange: Exchange) => this.onExchange?.(accountId, exchange)
      : undefined;
    if (account.mode === 'sandbox') {
      // A sandbox account may point at a simulator running elsewhere (a shared training one).
      if (/^https?:\/\//.test(account.baseUrl)) {
        return createAdapter(sandboxCredentials(account.carrier), {
          baseUrl: account.baseUrl,
          limiter,
          onExchange,
        });
      }
      const carrier = await this.sandbox.forAccount(accountId, account.carrier);
      return createAdapter(carrier.credentials, { baseUrl: carrier.url, limiter, onExchange });
    }
    return createAdapter(loadCredentials(this.keychain, account), {
      baseUrl: account.baseUrl,
      limiter,
      onExchange,
    });
  }
}

import { create } from 'zustand';
import type { AppError, RequestOf, Result } from '../../../shared/contract';
import type { ConnectionCheck } from '../../../shared/contract/carriers';
import type { CarrierAccount } from '../../../shared/domain/carriers';
import type { CarrierCredentials } from '../../../shared/domain/credentials';
import { api } from '../../api/client';

/** A connection test under way, or its answer: the carrier's, or core's when it could not ask. */
export type CheckState = ConnectionCheck | 'testing';

interface AccountsState {
  accounts: CarrierAccount[] | null;
  error: AppError | null;
  checks: Readonly<Record<number, CheckState>>;
  load(): Promise<void>;
  add(account: RequestOf<'carriers:addAccount'>): Promise<Result<CarrierAccount>>;
  update(changes: RequestOf<'carriers:updateAccount'>): Promise<Result<CarrierAccount>>;
  saveCredentials(accountId: number, credentials: CarrierCredentials): Promise<AppError | null>;
  clearCredentials(accountId: number): Promise<AppError | null>;
  test(accountId: number): Promise<void>;
}

/** The workspace's carrier accounts as core sees them (never a secret), and the last test of each. */
export const useAccountsStore = create<AccountsState>()((set, get) => {
  /** Takes core's answer for one account; an earlier connection test no longer says anything. */
  const adopt = (account: CarrierAccount) =>
    set(({ accounts, checks }) => {
      const { [account.id]: _stale, ...others } = checks;
      const list = accounts ?? [];
      const known = list.some((a) => a.id === account.id);
      return {
        accounts: known ? list.map((a) => (a.id === account.id ? account : a)) : [...list, account],
        checks: others,
      };
    });
  const answer = (result: Result<CarrierAccount>) => {
    if (result.ok) adopt(result.value);
    return result;
  };
  return {
    accounts: null,
    error: null,
    checks: {},
    async load() {
      const result = await api.invoke('carriers:accounts', {});
      set(result.ok ? { accounts: result.value, error: null } : { error: result.error });
    },
    add: async (account) => answer(await api.invoke('carriers:addAccount', account)),
    update: async (changes) => answer(await api.invoke('carriers:updateAccount', changes)),
    async saveCredentials(accountId, credentials) {
      const result = answer(
        await api.invoke('carriers:saveCredentials', { accountId, credentials }),
      );
      return result.ok ? null : result.error;
    },
    async clearCredentials(accountId) {
      const result = answer(await api.invoke('carriers:clearCredentials', { accountId }));
      return result.ok ? null : result.error;
    },
    async test(accountId) {
      if (get().checks[accountId] === 'testing') return;
      set(({ checks }) => ({ checks: { ...checks, [accountId]: 'testing' } }));
      const result = await api.invoke('carriers:testConnection', { accountId });
      const check: ConnectionCheck = result.ok
        ? result.value
        : { ok: false, checkedAt: new Date().toISOString(), ...result.error };
      set(({ checks }) => ({ checks: { ...checks, [accountId]: check } }));
    },
  };
});

import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { CatalogOptions } from '../../../shared/contract/imports';
import { api } from '../../api/client';

interface CatalogState {
  options: CatalogOptions | null;
  /** The carrier accounts the options were loaded for; null for all of them. */
  accountIds: readonly number[] | null;
  error: AppError | null;
  /** Loads the pickers' options, carrier plans only of `accountIds` (all accounts when null). */
  load(accountIds: readonly number[] | null): Promise<void>;
}

/** `catalog:options` takes at most this many accounts; beyond it every account's plans are listed. */
const MAX_ACCOUNTS = 100;

const sameAccounts = (a: readonly number[] | null, b: readonly number[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((id, i) => id === b[i]));

/** The catalogs behind the change forms' pickers: tenants, customers, sites, plans and pools. */
export const useCatalogStore = create<CatalogState>()((set, get) => ({
  options: null,
  accountIds: null,
  error: null,
  async load(accountIds) {
    set({ accountIds, error: null });
    const result = await api.invoke(
      'catalog:options',
      accountIds === null || accountIds.length > MAX_ACCOUNTS
        ? {}
        : { accountIds: [...accountIds] },
    );
    // A later call for other accounts has taken over.
    if (!sameAccounts(get().accountIds, accountIds)) return;
    set(result.ok ? { options: result.value } : { error: result.error });
  },
}));

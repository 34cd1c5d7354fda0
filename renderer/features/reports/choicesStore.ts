import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { BulkHistoryEntry } from '../../../shared/contract/bulkView';
import { api } from '../../api/client';

/** The newest bulk changes offered in the pickers; an older one is typed by its number. */
const LISTED = 500;

interface ChoicesState {
  bulkChanges: readonly BulkHistoryEntry[] | null;
  tenants: readonly { id: number; name: string }[];
  /** Everyone who created one of the listed bulk changes. */
  users: readonly string[];
  error: AppError | null;
  load(): Promise<void>;
}

/** What the report forms offer to pick from: bulk changes, tenants and users. */
export const useChoicesStore = create<ChoicesState>()((set) => ({
  bulkChanges: null,
  tenants: [],
  users: [],
  error: null,
  async load() {
    const [history, catalog] = await Promise.all([
      api.invoke('bulk:history', { offset: 0, limit: LISTED }),
      api.invoke('catalog:options', {}),
    ]);
    if (!history.ok) return set({ error: history.error });
    if (!catalog.ok) return set({ error: catalog.error });
    const entries = history.value.entries;
    set({
      bulkChanges: entries,
      tenants: catalog.value.tenants,
      users: [...new Set(entries.map((entry) => entry.createdBy))].sort(),
      error: null,
    });
  },
}));

import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { ReconciliationSummary } from '../../../shared/contract/reports';
import { api } from '../../api/client';

interface RunsState {
  bulkChangeId: number | null;
  /** The bulk change's reconciliation runs, newest first; null while being read. */
  runs: readonly ReconciliationSummary[] | null;
  error: AppError | null;
  load(bulkChangeId: number): Promise<void>;
  /** Reads the same bulk change's runs again, keeping the list on screen meanwhile. */
  refresh(): Promise<void>;
}

let asked = 0;

/** The reconciliation runs of the bulk change picked on the Reconciliation form. */
export const useRunsStore = create<RunsState>()((set, get) => ({
  bulkChangeId: null,
  runs: null,
  error: null,
  async load(bulkChangeId) {
    const mine = ++asked;
    set({ bulkChangeId, runs: null, error: null });
    const result = await api.invoke('reports:reconciliations', { bulkChangeId });
    if (mine !== asked) return;
    set(result.ok ? { runs: result.value.runs } : { error: result.error });
  },
  async refresh() {
    const { bulkChangeId } = get();
    if (bulkChangeId === null) return;
    const mine = ++asked;
    const result = await api.invoke('reports:reconciliations', { bulkChangeId });
    if (mine !== asked) return;
    set(result.ok ? { runs: result.value.runs, error: null } : { error: result.error });
  },
}));

import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { BulkHistoryEntry } from '../../../shared/contract/bulkView';
import type { Carrier } from '../../../shared/domain/carriers';
import type { BulkStatus, ChangeType } from '../../../shared/domain/changes';
import { api } from '../../api/client';

/** Bulk changes per `bulk:history` call, and per "Show more". */
export const HISTORY_PAGE = 100;
/** A bulk change the list doesn't show yet reported: the list is read again at most this often. */
const RELOAD_MS = 1_000;

export interface HistoryFilters {
  status: BulkStatus | null;
  changeType: ChangeType | null;
  carrier: Carrier | null;
  createdBy: string;
  /** Days on the desk's calendar, YYYY-MM-DD, or empty. */
  from: string;
  to: string;
}

export const noHistoryFilters: HistoryFilters = {
  status: null,
  changeType: null,
  carrier: null,
  createdBy: '',
  from: '',
  to: '',
};

interface HistoryState {
  filters: HistoryFilters;
  entries: readonly BulkHistoryEntry[] | null;
  total: number;
  error: AppError | null;
  loadingMore: boolean;
  /** True while the history is on screen: only then does progress of unlisted changes reload it. */
  watching: boolean;
  watch(watching: boolean): void;
  setFilters(patch: Partial<HistoryFilters>): void;
  clearFilters(): void;
  load(): Promise<void>;
  more(): Promise<void>;
  /** A progress report: a shown entry takes its counts at once, a new bulk change reloads the list. */
  progressed(event: BulkProgress): void;
}

const one = <T>(value: T | null): T[] | undefined => (value === null ? undefined : [value]);

/** The filters as core takes them; a "to" day before "from" is swapped rather than refused. */
export function toHistoryQuery(filters: HistoryFilters) {
  const [from, to] =
    filters.from && filters.to && filters.to < filters.from
      ? [filters.to, filters.from]
      : [filters.from, filters.to];
  return {
    statuses: one(filters.status),
    changeTypes: one(filters.changeType),
    carriers: one(filters.carrier),
    createdBy: filters.createdBy.trim() || undefined,
    from: from || undefined,
    to: to || undefined,
  };
}

let generation = 0;
let reloadTimer: ReturnType<typeof setTimeout> | null = null;
/** The status each unlisted change had when the list was last read for it: reported again only on a change. */
const readFor = new Map<number, BulkProgress['status']>();

/** Bulk changes, newest first, filtered; the open list follows progress as it comes. */
export const useHistoryStore = create<HistoryState>()((set, get) => ({
  filters: noHistoryFilters,
  entries: null,
  total: 0,
  error: null,
  loadingMore: false,
  watching: false,
  watch: (watching) => set({ watching }),
  setFilters(patch) {
    set((state) => ({ filters: { ...state.filters, ...patch } }));
    void get().load();
  },
  clearFilters() {
    set({ filters: noHistoryFilters });
    void get().load();
  },
  async load() {
    const asked = ++generation;
    // However far the desk had scrolled, the same number of entries is read again.
    const limit = Math.min(500, Math.max(HISTORY_PAGE, get().entries?.length ?? 0));
    const result = await api.invoke('bulk:history', {
      ...toHistoryQuery(get().filters),
      offset: 0,
      limit,
    });
    if (asked !== generation) return;
    if (!result.ok) return set({ error: result.error });
    set({ entries: result.value.entries, total: result.value.total, error: null });
  },
  async more() {
    const { entries, loadingMore } = get();
    if (!entries || loadingMore) return;
    const asked = generation;
    set({ loadingMore: true });
    const result = await api.invoke('bulk:history', {
      ...toHistoryQuery(get().filters),
      offset: entries.length,
      limit: HISTORY_PAGE,
    });
    set({ loadingMore: false });
    if (asked !== generation) return;
    if (!result.ok) return set({ error: result.error });
    set((state) => ({
      entries: [...(state.entries ?? []), ...result.value.entries],
      total: result.value.total,
      error: null,
    }));
  },
  progressed(event) {
    const { entries, watching } = get();
    if (!entries) return;
    const at = entries.findIndex((entry) => entry.id === event.bulkChangeId);
    if (at >= 0) {
      const { status, paused, counts, total } = event;
      const next = [...entries];
      next[at] = { ...entries[at]!, status, paused, counts, total };
      set({ entries: next });
    }
    // A new change, or one that just ended (for its end time), is read with the list; one the
    // filters leave out is looked for again only when its status moves.
    const ended = at >= 0 && entries[at]!.status !== event.status;
    const unlisted = at < 0 && readFor.get(event.bulkChangeId) !== event.status;
    if (unlisted) readFor.set(event.bulkChangeId, event.status);
    if (watching && (unlisted || ended) && reloadTimer === null)
      reloadTimer = setTimeout(() => {
        reloadTimer = null;
        void get().load();
      }, RELOAD_MS);
  },
}));

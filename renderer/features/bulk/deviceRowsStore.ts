import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { BulkRow } from '../../../shared/contract/bulkView';
import type { DeviceChangeStatus } from '../../../shared/domain/changes';
import { api } from '../../api/client';
import { withPage, type Pages } from '../../ui/pageCache';

/** Rows per `bulk:rows` call. */
export const ROWS_PAGE = 100;
/** However far the desk scrolls through 100k devices, at most 3,000 rows stay in memory. */
const MAX_PAGES = 30;
/** Progress arrives a few times a second; the rows on screen are read again at most this often. */
export const REFRESH_MS = 400;

export type RowsTab = 'all' | 'open' | 'SUCCEEDED' | 'FAILED' | 'NEEDS_REVIEW' | 'CANCELLED';

/** The grid's status tabs, and the statuses each shows. */
export const rowsTabs: { tab: RowsTab; label: string; statuses: DeviceChangeStatus[] }[] = [
  { tab: 'all', label: 'All', statuses: [] },
  { tab: 'open', label: 'In progress', statuses: ['PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER'] },
  { tab: 'SUCCEEDED', label: 'Done', statuses: ['SUCCEEDED'] },
  { tab: 'FAILED', label: 'Failed', statuses: ['FAILED'] },
  { tab: 'NEEDS_REVIEW', label: 'Needs review', statuses: ['NEEDS_REVIEW'] },
  { tab: 'CANCELLED', label: 'Cancelled', statuses: ['CANCELLED'] },
];

interface DeviceRowsState {
  bulkChangeId: number | null;
  tab: RowsTab;
  /** What is typed in the search box; it becomes `search` after a pause or on Enter. */
  searchDraft: string;
  search: string;
  /** Rows matching the tab and search; null until core has answered. */
  total: number | null;
  pages: Pages<BulkRow>;
  /** Bumped whenever the rows are for another change, tab or search; late answers are dropped. */
  generation: number;
  error: AppError | null;
  /** The device change whose history is open beside the grid, as last read. */
  selected: BulkRow | null;
  open(bulkChangeId: number): void;
  /** Forgets the rows: nothing is read again until a change is opened. */
  close(): void;
  setTab(tab: RowsTab): void;
  setSearchDraft(text: string): void;
  applySearch(): void;
  /** Loads pages `first` to `last` (inclusive) unless they are loaded or loading already. */
  ensurePages(first: number, last: number): void;
  /** The pages on screen now: the ones a progress report reads again. */
  showing(first: number, last: number): void;
  /** A progress report for `bulkChangeId` came: the rows on screen are read again soon. */
  progressed(bulkChangeId: number): void;
  select(row: BulkRow | null): void;
  reload(): void;
}

/** Pages asked of core and not yet answered, as `generation:page`. */
const loading = new Set<string>();
/** Loaded pages a progress report came after; read again once they are on screen. */
const stale = new Set<number>();
let onScreen: [number, number] = [0, 0];
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let lastRefresh = 0;
let refreshing = false;
let refreshAgain = false;

/** One bulk change's device rows, pulled a page at a time and kept fresh where the desk looks. */
export const useDeviceRowsStore = create<DeviceRowsState>()((set, get) => {
  async function fetchPage(page: number) {
    const { bulkChangeId, tab, search } = get();
    if (bulkChangeId === null) return null;
    const statuses = rowsTabs.find((t) => t.tab === tab)!.statuses;
    return api.invoke('bulk:rows', {
      bulkChangeId,
      ...(statuses.length > 0 ? { statuses } : {}),
      ...(search ? { search } : {}),
      offset: page * ROWS_PAGE,
      limit: ROWS_PAGE,
    });
  }

  /** Reads a page (again, with `force`) and files it, unless the rows changed meanwhile. */
  async function loadPage(page: number, force = false): Promise<void> {
    const { generation, pages } = get();
    const key = `${generation}:${page}`;
    if ((!force && pages.has(page)) || loading.has(key)) return;
    loading.add(key);
    const result = await fetchPage(page);
    loading.delete(key);
    if (!result || get().generation !== generation) return;
    if (!result.ok) return set({ error: result.error });
    stale.delete(page);
    const selected = get().selected;
    const fresher =
      selected && result.value.rows.find((r) => r.deviceChangeId === selected.deviceChangeId);
    set((state) => ({
      total: result.value.total,
      pages: withPage(state.pages, page, result.value.rows, MAX_PAGES),
      error: null,
      ...(fresher ? { selected: fresher } : {}),
    }));
  }

  async function refresh(): Promise<void> {
    refreshTimer = null;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    lastRefresh = Date.now();
    const [first, last] = onScreen;
    // Pages off screen keep their rows until they are on screen again, and are read then.
    for (const page of get().pages.keys()) if (page < first || page > last) stale.add(page);
    const reads: Promise<void>[] = [];
    for (let page = first; page <= last; page++) reads.push(loadPage(page, true));
    await Promise.all(reads);
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      schedule();
    }
  }

  function schedule(): void {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(
      () => void refresh(),
      Math.max(0, lastRefresh + REFRESH_MS - Date.now()),
    );
  }

  function restart(patch: Partial<DeviceRowsState>): void {
    loading.clear();
    stale.clear();
    set((state) => ({
      ...patch,
      total: null,
      pages: new Map(),
      generation: state.generation + 1,
      error: null,
    }));
    void loadPage(0);
  }

  return {
    bulkChangeId: null,
    tab: 'all',
    searchDraft: '',
    search: '',
    total: null,
    pages: new Map(),
    generation: 0,
    error: null,
    selected: null,
    open(bulkChangeId) {
      if (bulkChangeId === get().bulkChangeId) return;
      restart({ bulkChangeId, tab: 'all', search: '', searchDraft: '', selected: null });
    },
    close() {
      loading.clear();
      stale.clear();
      set((state) => ({
        bulkChangeId: null,
        total: null,
        pages: new Map(),
        selected: null,
        generation: state.generation + 1,
      }));
    },
    setTab(tab) {
      if (tab !== get().tab) restart({ tab });
    },
    setSearchDraft: (searchDraft) => set({ searchDraft }),
    applySearch() {
      const search = get().searchDraft.trim();
      if (search !== get().search) restart({ search });
    },
    ensurePages(first, last) {
      for (let page = first; page <= last; page++) void loadPage(page);
    },
    showing(first, last) {
      onScreen = [first, last];
      for (let page = first; page <= last; page++) if (stale.has(page)) void loadPage(page, true);
    },
    progressed(bulkChangeId) {
      if (bulkChangeId === get().bulkChangeId) schedule();
    },
    select: (selected) => set({ selected }),
    reload: () => restart({}),
  };
});

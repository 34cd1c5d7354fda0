import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type {
  DeviceFacets,
  DeviceFilterOptions,
  DeviceQuery,
  DeviceSort,
} from '../../../shared/contract/devices';
import type { Carrier } from '../../../shared/domain/carriers';
import type { DeviceStatus } from '../../../shared/domain/devices';
import { api } from '../../api/client';
import { PAGE_SIZE, pageOf, withPage, type Pages } from './pageCache';
import { useSelectionStore } from './selectionStore';

export interface DeviceFilters {
  carriers: Carrier[];
  statuses: DeviceStatus[];
  search: string;
  customer: number | null;
  site: number | null;
  carrierRatePlan: number | null;
  customerRatePlan: number | null;
  /** A pasted list core holds, and how many devices it found. */
  list: { id: string; devices: number } | null;
}

export type PickerFilter = 'customer' | 'site' | 'carrierRatePlan' | 'customerRatePlan';

interface DevicesState {
  filters: DeviceFilters;
  /** Null: in the order devices were added. */
  sort: DeviceSort | null;
  /** What is typed in the search box; it becomes `filters.search` after a pause or on Enter. */
  searchDraft: string;
  facets: DeviceFacets | null;
  filterOptions: DeviceFilterOptions | null;
  /** Devices matching the filters; null until core has answered once. */
  total: number | null;
  /** True while `total` still counts for filters the desk has since changed. */
  totalIsStale: boolean;
  /** Loaded rows of the current filters, by page number. */
  pages: Pages;
  /** Bumped whenever the filters or sort change, so late answers for old ones are dropped. */
  generation: number;
  /** The last call that failed, until another succeeds. */
  error: AppError | null;
  toggleCarrier(carrier: Carrier): void;
  toggleStatus(status: DeviceStatus): void;
  /** Sets one picker; a customer change drops a site that isn't the new customer's. */
  pick(filter: PickerFilter, id: number | null): void;
  setSearchDraft(text: string): void;
  applySearch(): void;
  /** Shows exactly a pasted list's devices: every other filter is cleared. */
  showList(list: { id: string; devices: number }): void;
  /** Puts back filters from before (the selection bar's Undo). */
  setFilters(filters: DeviceFilters): void;
  setSort(sort: DeviceSort | null): void;
  clearFilters(): void;
  loadFacets(): Promise<void>;
  loadFilterOptions(): Promise<void>;
  /** Loads pages `first` to `last` (inclusive) unless they are loaded or loading already. */
  ensurePages(first: number, last: number): void;
  /** ICCIDs of rows `first` to `last` (inclusive), loading what is missing; null if the filters changed meanwhile. */
  iccidsBetween(first: number, last: number): Promise<string[] | null>;
  /** Forgets everything loaded and asks core again. */
  reload(): void;
}

export const noFilters: DeviceFilters = {
  carriers: [],
  statuses: [],
  search: '',
  customer: null,
  site: null,
  carrierRatePlan: null,
  customerRatePlan: null,
  list: null,
};

const toggled = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((other) => other !== item) : [...list, item];

const one = (id: number | null): number[] | undefined => (id === null ? undefined : [id]);

/** The filters as core takes them. */
export const toQuery = (filters: DeviceFilters): DeviceQuery => ({
  carriers: filters.carriers.length > 0 ? filters.carriers : undefined,
  statuses: filters.statuses.length > 0 ? filters.statuses : undefined,
  search: filters.search || undefined,
  customers: one(filters.customer),
  sites: one(filters.site),
  carrierRatePlans: one(filters.carrierRatePlan),
  customerRatePlans: one(filters.customerRatePlan),
  listId: filters.list?.id,
});

export const hasFilters = (filters: DeviceFilters): boolean =>
  Object.values(toQuery(filters)).some((value) => value !== undefined);

/** Pages asked of core and not yet answered, as `generation:page`. */
const loading = new Set<string>();

export const useDevicesStore = create<DevicesState>()((set, get) => {
  const request = (page: number) => ({
    ...toQuery(get().filters),
    sort: get().sort ?? undefined,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  });

  async function loadPage(page: number): Promise<void> {
    const { generation, pages } = get();
    const key = `${generation}:${page}`;
    if (pages.has(page) || loading.has(key)) return;
    loading.add(key);
    const result = await api.invoke('devices:list', request(page));
    loading.delete(key);
    if (get().generation !== generation) return;
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set((state) => ({
      total: result.value.total,
      totalIsStale: false,
      pages: withPage(state.pages, page, result.value.rows),
      error: null,
    }));
  }

  /** Starts over from the first page; a real change of filters also tells the selection. */
  function refilter(filters: DeviceFilters, sort = get().sort): void {
    const previous = get().filters;
    loading.clear();
    set((state) => ({
      filters,
      sort,
      generation: state.generation + 1,
      pages: new Map(),
      totalIsStale: state.total !== null,
      error: null,
    }));
    // Row numbers now point at other devices, so a shift-click range can't start from before.
    useSelectionStore.setState({ anchor: null });
    if (JSON.stringify(toQuery(previous)) !== JSON.stringify(toQuery(filters)))
      useSelectionStore.getState().filtersChanged(previous);
    void loadPage(0);
  }

  return {
    filters: noFilters,
    sort: null,
    searchDraft: '',
    facets: null,
    filterOptions: null,
    total: null,
    totalIsStale: false,
    pages: new Map(),
    generation: 0,
    error: null,
    toggleCarrier: (carrier) =>
      refilter({ ...get().filters, carriers: toggled(get().filters.carriers, carrier) }),
    toggleStatus: (status) =>
      refilter({ ...get().filters, statuses: toggled(get().filters.statuses, status) }),
    pick(filter, id) {
      const filters = { ...get().filters, [filter]: id };
      const site = get().filterOptions?.sites.find((s) => s.id === filters.site);
      if (filter === 'customer' && id !== null && site && site.customerId !== id)
        filters.site = null;
      refilter(filters);
    },
    setSearchDraft: (searchDraft) => set({ searchDraft }),
    applySearch() {
      const search = get().searchDraft.trim();
      if (search !== get().filters.search) refilter({ ...get().filters, search });
    },
    showList(list) {
      set({ searchDraft: '' });
      refilter({ ...noFilters, list });
    },
    setFilters(filters) {
      set({ searchDraft: filters.search });
      refilter(filters);
    },
    setSort: (sort) => refilter(get().filters, sort),
    clearFilters() {
      set({ searchDraft: '' });
      refilter(noFilters);
    },
    async loadFacets() {
      const result = await api.invoke('devices:facets', {});
      set(result.ok ? { facets: result.value, error: null } : { error: result.error });
    },
    async loadFilterOptions() {
      const result = await api.invoke('devices:filterOptions', {});
      set(result.ok ? { filterOptions: result.value, error: null } : { error: result.error });
    },
    ensurePages(first, last) {
      for (let page = first; page <= last; page++) void loadPage(page);
    },
    async iccidsBetween(first, last) {
      const { generation } = get();
      const iccids: string[] = [];
      for (let page = pageOf(first); page <= pageOf(last); page++) {
        let rows = get().pages.get(page);
        if (!rows) {
          const result = await api.invoke('devices:list', request(page));
          if (!result.ok) {
            set({ error: result.error });
            return null;
          }
          rows = result.value.rows;
        }
        if (get().generation !== generation) return null;
        const start = page * PAGE_SIZE;
        rows.forEach((row, i) => {
          if (start + i >= first && start + i <= last) iccids.push(row.iccid);
        });
      }
      return iccids;
    },
    reload() {
      refilter(get().filters);
      void get().loadFacets();
      void get().loadFilterOptions();
    },
  };
});

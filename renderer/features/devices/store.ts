import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { DeviceFacets, DeviceQuery } from '../../../shared/contract/devices';
import type { Carrier } from '../../../shared/domain/carriers';
import type { DeviceStatus } from '../../../shared/domain/devices';
import { api } from '../../api/client';
import { PAGE_SIZE, withPage, type Pages } from './pageCache';

export interface DeviceFilters {
  carriers: Carrier[];
  statuses: DeviceStatus[];
  search: string;
}

interface DevicesState {
  filters: DeviceFilters;
  /** What is typed in the search box; it becomes `filters.search` after a pause or on Enter. */
  searchDraft: string;
  facets: DeviceFacets | null;
  /** Devices matching the filters; null until core has answered once. */
  total: number | null;
  /** True while `total` still counts for filters the desk has since changed. */
  totalIsStale: boolean;
  /** Loaded rows of the current filters, by page number. */
  pages: Pages;
  /** Bumped whenever the filters change, so late answers for old filters are dropped. */
  generation: number;
  /** The last call that failed, until another succeeds. */
  error: AppError | null;
  toggleCarrier(carrier: Carrier): void;
  toggleStatus(status: DeviceStatus): void;
  setSearchDraft(text: string): void;
  applySearch(): void;
  clearFilters(): void;
  loadFacets(): Promise<void>;
  /** Loads pages `first` to `last` (inclusive) unless they are loaded or loading already. */
  ensurePages(first: number, last: number): void;
  /** Forgets everything loaded and asks core again. */
  reload(): void;
}

const noFilters: DeviceFilters = { carriers: [], statuses: [], search: '' };

const toggled = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((other) => other !== item) : [...list, item];

const toQuery = ({ carriers, statuses, search }: DeviceFilters): DeviceQuery => ({
  carriers: carriers.length > 0 ? carriers : undefined,
  statuses: statuses.length > 0 ? statuses : undefined,
  search: search || undefined,
});

export const hasFilters = ({ carriers, statuses, search }: DeviceFilters): boolean =>
  carriers.length > 0 || statuses.length > 0 || search !== '';

/** Pages asked of core and not yet answered, as `generation:page`. */
const loading = new Set<string>();

export const useDevicesStore = create<DevicesState>()((set, get) => {
  async function loadPage(page: number): Promise<void> {
    const { generation, filters, pages } = get();
    const key = `${generation}:${page}`;
    if (pages.has(page) || loading.has(key)) return;
    loading.add(key);
    const result = await api.invoke('devices:list', {
      ...toQuery(filters),
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
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

  function refilter(filters: DeviceFilters): void {
    loading.clear();
    set((state) => ({
      filters,
      generation: state.generation + 1,
      pages: new Map(),
      totalIsStale: state.total !== null,
      error: null,
    }));
    void loadPage(0);
  }

  return {
    filters: noFilters,
    searchDraft: '',
    facets: null,
    total: null,
    totalIsStale: false,
    pages: new Map(),
    generation: 0,
    error: null,
    toggleCarrier: (carrier) =>
      refilter({ ...get().filters, carriers: toggled(get().filters.carriers, carrier) }),
    toggleStatus: (status) =>
      refilter({ ...get().filters, statuses: toggled(get().filters.statuses, status) }),
    setSearchDraft: (searchDraft) => set({ searchDraft }),
    applySearch() {
      const search = get().searchDraft.trim();
      if (search !== get().filters.search) refilter({ ...get().filters, search });
    },
    clearFilters() {
      set({ searchDraft: '' });
      refilter(noFilters);
    },
    async loadFacets() {
      const result = await api.invoke('devices:facets', {});
      set(result.ok ? { facets: result.value, error: null } : { error: result.error });
    },
    ensurePages(first, last) {
      for (let page = first; page <= last; page++) void loadPage(page);
    },
    reload() {
      refilter(get().filters);
      void get().loadFacets();
    },
  };
});

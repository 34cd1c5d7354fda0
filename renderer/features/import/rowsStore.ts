import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { RowResult } from '../../../shared/contract/imports';
import { api } from '../../api/client';
import { withPage, type Pages } from '../../ui/pageCache';

/** Rows per `import:rows` call. */
export const ROWS_PAGE = 100;
/** However far the desk scrolls through a 100k-row file, at most 3,000 rows stay in memory. */
const MAX_PAGES = 30;

export type Show = 'all' | 'errors' | 'warnings' | 'ok';

/** The problem being corrected in place: its row number and its place in the row's problems. */
export interface Editing {
  row: number;
  problem: number;
}

interface RowsState {
  importId: string | null;
  show: Show;
  /** Rows matching `show`; null until core has answered. */
  total: number | null;
  pages: Pages<RowResult>;
  /** Bumped whenever the rows are for another check or filter; late answers are dropped. */
  generation: number;
  error: AppError | null;
  editing: Editing | null;
  /** After every check: the rows are read again, with the same filter. */
  showCheck(importId: string): void;
  setShow(show: Show): void;
  ensurePages(first: number, last: number): void;
  edit(editing: Editing | null): void;
}

const loading = new Set<string>();

/** The dry run's rows, pulled from core a page at a time as the grid scrolls. */
export const useRowsStore = create<RowsState>()((set, get) => {
  async function loadPage(page: number): Promise<void> {
    const { importId, show, generation, pages } = get();
    const key = `${generation}:${page}`;
    if (importId === null || pages.has(page) || loading.has(key)) return;
    loading.add(key);
    const result = await api.invoke('import:rows', {
      importId,
      show,
      offset: page * ROWS_PAGE,
      limit: ROWS_PAGE,
    });
    loading.delete(key);
    if (get().generation !== generation) return;
    if (!result.ok) return set({ error: result.error });
    set((state) => ({
      total: result.value.total,
      pages: withPage(state.pages, page, result.value.rows, MAX_PAGES),
      error: null,
    }));
  }

  function restart(patch: Partial<RowsState>): void {
    loading.clear();
    set((state) => ({
      ...patch,
      total: null,
      pages: new Map(),
      generation: state.generation + 1,
      error: null,
      editing: null,
    }));
    void loadPage(0);
  }

  return {
    importId: null,
    show: 'all',
    total: null,
    pages: new Map(),
    generation: 0,
    error: null,
    editing: null,
    showCheck: (importId) =>
      restart(importId === get().importId ? { importId } : { importId, show: 'all' }),
    setShow: (show) => {
      if (show !== get().show) restart({ show });
    },
    ensurePages(first, last) {
      for (let page = first; page <= last; page++) void loadPage(page);
    },
    edit: (editing) => set({ editing }),
  };
});

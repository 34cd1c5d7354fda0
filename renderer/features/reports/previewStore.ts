import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { ReportPage, ReportSpec } from '../../../shared/contract/reports';
import { withPage, type Pages } from '../../ui/pageCache';
import { readReportPage } from './reportQuery';

/** Rows per preview call. */
export const PREVIEW_PAGE = 100;
/** However far the desk scrolls through a long report, at most 3,000 rows stay in memory. */
const MAX_PAGES = 30;

type Header = Pick<ReportPage, 'title' | 'summary' | 'columns'>;

interface PreviewState {
  /** The report on screen, with its filters and zone; null before one is asked for. */
  spec: ReportSpec | null;
  header: Header | null;
  /** Rows of the whole report; null until core has answered. */
  total: number | null;
  pages: Pages<readonly string[]>;
  /** Bumped for every other report; answers for an earlier one are dropped. */
  generation: number;
  error: AppError | null;
  /** Reads the report afresh, even the one on screen: the desk asked for it again. */
  show(spec: ReportSpec): void;
  /** Shows the same report again, for instance after a fix or in another zone. */
  reload(): void;
  clear(): void;
  ensurePages(first: number, last: number): void;
}

const loading = new Set<string>();

/** The report being previewed: its header once, its rows a page at a time as the grid scrolls. */
export const usePreviewStore = create<PreviewState>()((set, get) => {
  async function loadPage(page: number): Promise<void> {
    const { spec, generation, pages } = get();
    const key = `${generation}:${page}`;
    if (spec === null || pages.has(page) || loading.has(key)) return;
    loading.add(key);
    const result = await readReportPage(spec, page * PREVIEW_PAGE, PREVIEW_PAGE);
    loading.delete(key);
    if (get().generation !== generation) return;
    if (!result.ok) return set({ error: result.error });
    const { title, summary, columns, rows, total } = result.value;
    set((state) => ({
      header: { title, summary, columns },
      total,
      pages: withPage(state.pages, page, rows, MAX_PAGES),
      error: null,
    }));
  }

  function restart(spec: ReportSpec | null): void {
    loading.clear();
    set((state) => ({
      spec,
      header: null,
      total: null,
      pages: new Map(),
      generation: state.generation + 1,
      error: null,
    }));
    void loadPage(0);
  }

  return {
    spec: null,
    header: null,
    total: null,
    pages: new Map(),
    generation: 0,
    error: null,
    show: (spec) => restart(spec),
    reload: () => restart(get().spec),
    clear: () => restart(null),
    ensurePages(first, last) {
      for (let page = first; page <= last; page++) void loadPage(page);
    },
  };
});

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { pageOf } from './pageCache';

export interface PagedRowsOptions {
  /** Rows in the list; null until core has counted them. */
  total: number | null;
  pageSize: number;
  /** A row's height, or its first guess when rows grow to fit their content. */
  rowHeight: number;
  /** The sticky header above the first row. */
  headerHeight: number;
  /** Placeholder rows shown before the count is known. */
  rowsBeforeCount: number;
  /** Pages are asked for this far beyond the visible rows, so a steady scroll rarely waits. */
  lookahead: number;
  overscan: number;
  /** Bumped when the list changes (filters, order), which starts it from the top. */
  generation: number;
  /** Loads pages `first` to `last` unless they are loaded or loading. */
  ensurePages: (first: number, last: number) => void;
}

/** A page is asked for once scrolling pauses this long, so pages flown past are skipped. */
const SETTLE_MS = 50;

/**
 * A long list pulled from core a page at a time: only the visible rows exist in the page, and
 * the pages around them are asked for once scrolling settles.
 */
export function usePagedRows(options: PagedRowsOptions) {
  const { total, pageSize, lookahead, generation, ensurePages } = options;
  const scroller = useRef<HTMLDivElement>(null);
  const rowCount = total ?? options.rowsBeforeCount;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build; the virtualizer re-renders the grid itself
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => options.rowHeight,
    scrollMargin: options.headerHeight,
    overscan: options.overscan,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = pageOf(Math.max(0, (items[0]?.index ?? 0) - lookahead), pageSize);
  const lastPage = pageOf(
    Math.max(0, Math.min(rowCount - 1, (items.at(-1)?.index ?? 0) + lookahead)),
    pageSize,
  );

  useEffect(() => {
    const timer = setTimeout(() => ensurePages(firstPage, lastPage), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage, generation, ensurePages]);

  useEffect(() => virtualizer.scrollToOffset(0), [generation, virtualizer]);

  return { scroller, virtualizer, items };
}

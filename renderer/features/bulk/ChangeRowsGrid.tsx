import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pageOf, rowAt } from '../../ui/pageCache';
import {
  ChangeRowsGridRow,
  GRID_MIN_WIDTH,
  gridColumns,
  gridTracks,
  PlaceholderRow,
} from './ChangeRowsGridRow';
import { ROWS_PAGE, useDeviceRowsStore } from './deviceRowsStore';
import '../../ui/grid.css';
import './ChangeRowsGrid.css';

const ROW_HEIGHT = 30;
/** The sticky header row and its bottom border (ChangeRowsGrid.css), above the first row. */
const HEADER_HEIGHT = 31;
const ROWS_BEFORE_COUNT = 12;
/** Pages are asked for this far beyond the visible rows, so a steady scroll rarely waits. */
const LOOKAHEAD_ROWS = 60;
/** A page is asked for once scrolling pauses this long, so pages flown past are skipped. */
const SETTLE_MS = 50;

/**
 * Every device of the bulk change as one scrolling list: only the visible rows exist in the
 * page, pulled a page at a time; progress re-reads only the pages on screen.
 */
export function ChangeRowsGrid({ label, id }: { label: string; id: string }) {
  const { total, pages, generation, selected, ensurePages, showing, select } = useDeviceRowsStore(
    useShallow((state) => ({
      total: state.total,
      pages: state.pages,
      generation: state.generation,
      selected: state.selected?.deviceChangeId ?? null,
      ensurePages: state.ensurePages,
      showing: state.showing,
      select: state.select,
    })),
  );
  const scroller = useRef<HTMLDivElement>(null);
  const rowCount = total ?? ROWS_BEFORE_COUNT;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build; the virtualizer re-renders the grid itself
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: HEADER_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = pageOf(Math.max(0, (items[0]?.index ?? 0) - LOOKAHEAD_ROWS), ROWS_PAGE);
  const lastPage = pageOf(
    Math.max(0, Math.min(rowCount - 1, (items.at(-1)?.index ?? 0) + LOOKAHEAD_ROWS)),
    ROWS_PAGE,
  );
  const range = virtualizer.range;
  const firstShown = pageOf(range?.startIndex ?? 0, ROWS_PAGE);
  const lastShown = pageOf(range?.endIndex ?? 0, ROWS_PAGE);

  useEffect(() => {
    const timer = setTimeout(() => ensurePages(firstPage, lastPage), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage, generation, ensurePages]);

  useEffect(() => showing(firstShown, lastShown), [firstShown, lastShown, showing]);

  // Another tab or search starts from the top.
  useEffect(() => virtualizer.scrollToOffset(0), [generation, virtualizer]);

  return (
    <div
      ref={scroller}
      id={id}
      className="grid change-grid"
      role="table"
      aria-label={label}
      aria-rowcount={total === null ? -1 : total + 1}
      tabIndex={0}
    >
      <div
        className="grid__head change-grid__head"
        role="rowgroup"
        style={{ minWidth: GRID_MIN_WIDTH }}
      >
        <div
          className="change-grid__row"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: gridTracks }}
        >
          {gridColumns.map((header) => (
            <div key={header} className="change-grid__cell" role="columnheader">
              {header}
            </div>
          ))}
        </div>
      </div>
      <div
        className="grid__body change-grid__body"
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), minWidth: GRID_MIN_WIDTH }}
      >
        {items.map((item) => {
          const row = total === null ? undefined : rowAt(pages, item.index, ROWS_PAGE);
          const props = { index: item.index, top: item.start - HEADER_HEIGHT, height: item.size };
          return row ? (
            <ChangeRowsGridRow
              key={item.key}
              row={row}
              selected={row.deviceChangeId === selected}
              onSelect={select}
              {...props}
            />
          ) : (
            <PlaceholderRow key={item.key} {...props} />
          );
        })}
      </div>
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { columns, gridMinWidth } from './columns';
import { DeviceGridRow, PlaceholderRow } from './DeviceGridRow';
import { GridHeader } from './GridHeader';
import { pageOf, rowAt } from './pageCache';
import { useDevicesStore } from './store';
import { tickRows } from './tickRows';
import './DeviceGrid.css';

const ROW_HEIGHT = 28;
/** The sticky header row and its bottom border (DeviceGrid.css), above the first row. */
const HEADER_HEIGHT = 31;
/** Rows shown as placeholders before core has said how many devices match. */
const ROWS_BEFORE_COUNT = 12;
/** Pages are asked for this far beyond the visible rows, so a steady scroll rarely waits. */
const LOOKAHEAD_ROWS = 60;
/** A page is asked for once scrolling pauses this long, so pages flown past are skipped. */
const SETTLE_MS = 50;

const tick = (iccid: string, index: number, selected: boolean, range: boolean) =>
  void tickRows(iccid, index, selected, range);

/**
 * The whole filtered inventory as one scrolling list: only the visible rows exist in the page,
 * and their rows are pulled from core a page at a time as they come into view.
 */
export function DeviceGrid() {
  const { total, pages, generation, ensurePages } = useDevicesStore(
    useShallow((state) => ({
      total: state.total,
      pages: state.pages,
      generation: state.generation,
      ensurePages: state.ensurePages,
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
  const firstPage = pageOf(Math.max(0, (items[0]?.index ?? 0) - LOOKAHEAD_ROWS));
  const lastPage = pageOf(Math.min(rowCount - 1, (items.at(-1)?.index ?? 0) + LOOKAHEAD_ROWS));
  // The rows in view (without the overscan), for the header's "select the devices shown".
  const range = virtualizer.range;
  const shown: string[] = [];
  if (range && total !== null)
    for (let index = range.startIndex; index <= range.endIndex; index++) {
      const row = rowAt(pages, index);
      if (row) shown.push(row.iccid);
    }

  useEffect(() => {
    const timer = setTimeout(() => ensurePages(firstPage, lastPage), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage, generation, ensurePages]);

  // New filters or a new order start from the top.
  useEffect(() => virtualizer.scrollToOffset(0), [generation, virtualizer]);

  return (
    <div
      ref={scroller}
      className="device-grid"
      role="table"
      aria-label="Devices"
      aria-rowcount={total === null ? -1 : total + 1}
      aria-colcount={columns.length}
      tabIndex={0}
    >
      <GridHeader shown={shown} />
      <div
        className="device-grid__body"
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), minWidth: gridMinWidth }}
      >
        {items.map((item) => {
          const row = total === null ? undefined : rowAt(pages, item.index);
          const props = { index: item.index, top: item.start - HEADER_HEIGHT, height: item.size };
          return row ? (
            <DeviceGridRow key={item.key} row={row} onTick={tick} {...props} />
          ) : (
            <PlaceholderRow key={item.key} {...props} />
          );
        })}
      </div>
    </div>
  );
}

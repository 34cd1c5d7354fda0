import { useShallow } from 'zustand/react/shallow';
import { columns, gridMinWidth } from './columns';
import { DeviceGridRow, PlaceholderRow } from './DeviceGridRow';
import { GridHeader } from './GridHeader';
import { usePagedRows } from '../../ui/usePagedRows';
import { PAGE_SIZE, rowAt } from './pageCache';
import { useDevicesStore } from './store';
import { tickRows } from './tickRows';
import '../../ui/grid.css';
import './DeviceGrid.css';

const ROW_HEIGHT = 28;
/** The sticky header row and its bottom border (DeviceGrid.css), above the first row. */
const HEADER_HEIGHT = 31;
/** Rows shown as placeholders before core has said how many devices match. */
const ROWS_BEFORE_COUNT = 12;
/** Pages are asked for this far beyond the visible rows, so a steady scroll rarely waits. */
const LOOKAHEAD_ROWS = 60;

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
  const { scroller, virtualizer, items } = usePagedRows({
    total,
    pageSize: PAGE_SIZE,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    rowsBeforeCount: ROWS_BEFORE_COUNT,
    lookahead: LOOKAHEAD_ROWS,
    overscan: 10,
    generation,
    ensurePages,
  });
  // The rows in view (without the overscan), for the header's "select the devices shown".
  const range = virtualizer.range;
  const shown: string[] = [];
  if (range && total !== null)
    for (let index = range.startIndex; index <= range.endIndex; index++) {
      const row = rowAt(pages, index);
      if (row) shown.push(row.iccid);
    }

  return (
    <div
      ref={scroller}
      className="grid device-grid"
      role="table"
      aria-label="Devices"
      aria-rowcount={total === null ? -1 : total + 1}
      aria-colcount={columns.length}
      tabIndex={0}
    >
      <GridHeader shown={shown} />
      <div
        className="grid__body device-grid__body"
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

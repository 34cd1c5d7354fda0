import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeviceSort, DeviceSortKey } from '../../../shared/contract/devices';
import { columnTracks, columns, gridMinWidth } from './columns';
import { isSelected, useSelectionStore } from './selectionStore';
import { useDevicesStore } from './store';

/** Newest first is what "Updated" is for; identifiers and statuses read A to Z first. */
const firstDirection: Record<DeviceSortKey, DeviceSort['direction']> = {
  iccid: 'asc',
  status: 'asc',
  updated: 'desc',
};

/** First click sorts, second reverses, third goes back to the order devices were added. */
function nextSort(current: DeviceSort | null, by: DeviceSortKey): DeviceSort | null {
  const first = firstDirection[by];
  if (current?.by !== by) return { by, direction: first };
  return current.direction === first ? { by, direction: first === 'asc' ? 'desc' : 'asc' } : null;
}

/** Ticks every row in view, or unticks them when they all are; mixed when some are. */
function ShownRowsBox({ shown }: { shown: readonly string[] }) {
  const { selection, setMany } = useSelectionStore(
    useShallow((state) => ({ selection: state.selection, setMany: state.setMany })),
  );
  const ticked = shown.filter((iccid) => isSelected(selection, iccid)).length;
  const all = shown.length > 0 && ticked === shown.length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = ticked > 0 && !all;
  }, [ticked, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="device-grid__tick"
      aria-label="Select the devices shown"
      checked={all}
      disabled={shown.length === 0}
      onChange={() => setMany(shown, !all)}
    />
  );
}

/** The column headings: a box for the rows in view, and sort buttons on the columns that sort. */
export function GridHeader({ shown }: { shown: readonly string[] }) {
  const { sort, setSort } = useDevicesStore(
    useShallow((state) => ({ sort: state.sort, setSort: state.setSort })),
  );
  return (
    <div
      className="grid__head device-grid__head"
      role="rowgroup"
      style={{ minWidth: gridMinWidth }}
    >
      <div
        className="device-grid__row"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: columnTracks }}
      >
        {columns.map((column, index) => {
          const by = column.sort;
          const direction = by && sort?.by === by ? sort.direction : null;
          return (
            <div
              key={column.header}
              className="device-grid__cell"
              role="columnheader"
              aria-sort={
                by === undefined
                  ? undefined
                  : direction === null
                    ? 'none'
                    : direction === 'asc'
                      ? 'ascending'
                      : 'descending'
              }
            >
              {index === 0 && <ShownRowsBox shown={shown} />}
              {by === undefined ? (
                column.header
              ) : (
                <button
                  type="button"
                  className="device-grid__sort"
                  onClick={() => setSort(nextSort(sort, by))}
                >
                  {column.header}
                  <span className="device-grid__arrow" aria-hidden>
                    {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                  </span>
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

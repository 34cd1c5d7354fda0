import type { ChangeEvent, CSSProperties } from 'react';
import type { DeviceRow } from '../../../shared/domain/devices';
import { columnTracks, columns } from './columns';
import { isSelected, useSelectionStore } from './selectionStore';

interface Placement {
  /** Position in the filtered inventory, from 0. */
  index: number;
  top: number;
  height: number;
}

const placed = ({ top, height }: Placement): CSSProperties => ({
  transform: `translateY(${top}px)`,
  height,
  gridTemplateColumns: columnTracks,
});

/** Whether shift was held: React reports a checkbox's change from its click (or Space's). */
const withShift = (event: ChangeEvent<HTMLInputElement>): boolean =>
  'shiftKey' in event.nativeEvent && event.nativeEvent.shiftKey === true;

interface RowProps extends Placement {
  row: DeviceRow;
  /** The desk ticked or unticked the row's box; `range` when shift was held. */
  onTick: (iccid: string, index: number, selected: boolean, range: boolean) => void;
}

/** One device, with the box that selects it beside its ICCID. */
export function DeviceGridRow({ row, onTick, ...placement }: RowProps) {
  const selected = useSelectionStore((state) => isSelected(state.selection, row.iccid));
  return (
    <div
      className="device-grid__row"
      role="row"
      aria-rowindex={placement.index + 2}
      data-selected={selected}
      style={placed(placement)}
    >
      {columns.map((column, columnIndex) => {
        const text = column.text(row);
        const className = `device-grid__cell${column.mono ? ' mono' : ''}`;
        return (
          <div key={column.header} className={className} role="cell" title={text ?? undefined}>
            {columnIndex === 0 && (
              <input
                type="checkbox"
                className="device-grid__tick"
                aria-label={`Select ICCID ${row.iccid}`}
                checked={selected}
                onChange={(event) =>
                  onTick(row.iccid, placement.index, event.target.checked, withShift(event))
                }
              />
            )}
            {text === null ? (
              <span className="device-grid__none">—</span>
            ) : (
              (column.render?.(row) ?? text)
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A row whose page is still on its way from core. */
export function PlaceholderRow(placement: Placement) {
  return (
    <div
      className="device-grid__row device-grid__row--loading"
      role="row"
      aria-rowindex={placement.index + 2}
      aria-busy
      style={placed(placement)}
    >
      {columns.map((column) => (
        <div key={column.header} className="device-grid__cell" role="cell">
          <span className="device-grid__placeholder" />
        </div>
      ))}
    </div>
  );
}

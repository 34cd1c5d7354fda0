import type { CSSProperties } from 'react';
import type { DeviceRow } from '../../../shared/domain/devices';
import { columnTracks, columns } from './columns';

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

/** One device. */
export function DeviceGridRow({ row, ...placement }: Placement & { row: DeviceRow }) {
  return (
    <div
      className="device-grid__row"
      role="row"
      aria-rowindex={placement.index + 2}
      style={placed(placement)}
    >
      {columns.map((column) => {
        const text = column.text(row);
        const className = `device-grid__cell${column.mono ? ' mono' : ''}`;
        return (
          <div key={column.header} className={className} role="cell" title={text ?? undefined}>
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

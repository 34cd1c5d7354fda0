import { memo, type CSSProperties } from 'react';
import type { BulkRow } from '../../../shared/contract/bulkView';
import { carrierLabels } from '../../../shared/domain/carriers';
import { formatDateTime } from '../../ui/dateTime';
import { fieldName } from '../import/fieldNames';
import { rowStatusLabels, rowStatusPart } from './labels';

export const gridColumns = [
  'Device',
  'Carrier',
  'Before → after',
  'Status',
  'Attempts',
  'Last error or note',
  'Updated',
];
/** One track per column, shared by the header and the rows so they line up. */
export const gridTracks =
  '200px minmax(150px, 0.9fr) minmax(220px, 1.4fr) 124px 84px minmax(240px, 2fr) 120px';
export const GRID_MIN_WIDTH = 1180;

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** `14:05:09` for today (rows move seconds apart), else `12/03/2026, 14:05`. */
function updatedText(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return when.toDateString() === new Date().toDateString()
    ? timeOfDay.format(when)
    : dayAndTime.format(when);
}

/** `Status active → suspended; IMEI 3534… → 3590…`. */
export const changesText = (row: BulkRow): string =>
  row.changes
    .map((c) => `${fieldName(c.field)} ${c.from ?? 'none'} → ${c.to ?? 'none'}`)
    .join('; ');

/** What the desk should know about the row beyond its status, or null. */
export function noteOf(row: BulkRow): string | null {
  if (row.resolution)
    return `Resolved as ${row.resolution.outcome === 'SUCCEEDED' ? 'done' : 'failed'} by ${row.resolution.by}: ${row.resolution.reason}`;
  if (row.lastError) return row.lastError;
  if (row.dueAt && row.status === 'PENDING') return `Due ${formatDateTime(row.dueAt)}`;
  return null;
}

interface Placement {
  /** Position in the filtered rows, from 0. */
  index: number;
  top: number;
  height: number;
}

const placed = ({ top, height }: Placement): CSSProperties => ({
  transform: `translateY(${top}px)`,
  height,
  gridTemplateColumns: gridTracks,
});

const none = <span className="change-grid__none">—</span>;

interface Props extends Placement {
  row: BulkRow;
  selected: boolean;
  onSelect: (row: BulkRow) => void;
}

/**
 * One device of the bulk change: which, where, what changes, how it went. Memoised: while the
 * grid scrolls, rows already on screen keep their props and are not rendered again.
 */
export const ChangeRowsGridRow = memo(function ChangeRowsGridRow({
  row,
  selected,
  onSelect,
  ...placement
}: Props) {
  const device = row.iccid ?? row.imei ?? `#${row.deviceChangeId}`;
  const changes = changesText(row);
  const note = noteOf(row);
  return (
    <div
      className="change-grid__row"
      role="row"
      aria-rowindex={placement.index + 2}
      data-selected={selected}
      data-status={row.status}
      style={placed(placement)}
      onClick={() => onSelect(row)}
    >
      <div
        className="change-grid__cell mono"
        role="cell"
        title={row.imei ? `IMEI ${row.imei}` : undefined}
      >
        <button
          type="button"
          className="change-grid__open"
          aria-label={`History of ${row.iccid ? `ICCID ${row.iccid}` : device}`}
          aria-expanded={selected}
        >
          {device}
        </button>
      </div>
      <div className="change-grid__cell" role="cell" title={row.accountName ?? undefined}>
        {row.carrier ? carrierLabels[row.carrier] : 'In the console'}
      </div>
      <div className="change-grid__cell" role="cell" title={changes}>
        {changes || none}
      </div>
      <div className="change-grid__cell" role="cell">
        <span className="change-grid__status">
          <span className="status-dot" data-part={rowStatusPart[row.status]} aria-hidden />
          {rowStatusLabels[row.status]}
        </span>
      </div>
      <div className="change-grid__cell change-grid__num" role="cell">
        {row.attempts}
      </div>
      <div className="change-grid__cell change-grid__note" role="cell" title={note ?? undefined}>
        {note ?? none}
      </div>
      <div
        className="change-grid__cell change-grid__muted"
        role="cell"
        title={formatDateTime(row.updatedAt)}
      >
        {updatedText(row.updatedAt)}
      </div>
    </div>
  );
});

/** A row whose page is still on its way from core. */
export function PlaceholderRow(placement: Placement) {
  return (
    <div
      className="change-grid__row change-grid__row--loading"
      role="row"
      aria-rowindex={placement.index + 2}
      aria-busy
      style={placed(placement)}
    >
      {gridColumns.map((header) => (
        <div key={header} className="change-grid__cell" role="cell">
          <span className="change-grid__placeholder" />
        </div>
      ))}
    </div>
  );
}

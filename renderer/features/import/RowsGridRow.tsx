import type { RowResult } from '../../../shared/contract/imports';
import { carrierLabels } from '../../../shared/domain/carriers';
import { fieldName } from './fieldNames';
import { RowProblems } from './RowProblems';

export const rowsColumns = [
  'Row',
  'Device',
  'Carrier',
  'Result',
  'Problems',
  'Before → after',
  'Carrier call',
];
/** One track per column, shared by the header and the rows so they line up. */
export const rowsTracks =
  '64px 190px minmax(140px, 0.8fr) 96px minmax(280px, 2.2fr) minmax(200px, 1.2fr) minmax(160px, 1fr)';

const severityLabels: Record<RowResult['severity'], string> = {
  ok: 'Ready',
  warning: 'Warning',
  error: 'Error',
};

interface Props {
  /** Position in the filtered rows, from 0. */
  index: number;
  top: number;
  /** Undefined while its page is on its way. */
  row: RowResult | undefined;
  measure: (element: Element | null) => void;
  editable: boolean;
}

/** One row of the dry run: where it is in the file, the device, and what happens to it. */
export function RowsGridRow({ index, top, row, measure, editable }: Props) {
  const placement = {
    ref: measure,
    'data-index': index,
    role: 'row',
    'aria-rowindex': index + 2,
    style: { transform: `translateY(${top}px)`, gridTemplateColumns: rowsTracks },
  };
  if (!row)
    return (
      <div className="rows-grid__row rows-grid__row--loading" aria-busy {...placement}>
        {rowsColumns.map((header) => (
          <div key={header} className="rows-grid__cell" role="cell">
            <span className="rows-grid__placeholder" />
          </div>
        ))}
      </div>
    );
  return (
    <div className="rows-grid__row" data-severity={row.severity} {...placement}>
      <div className="rows-grid__cell mono" role="cell">
        {row.row}
      </div>
      <div className="rows-grid__cell mono" role="cell">
        {row.identifier}
        {row.iccid && row.iccid !== row.identifier && (
          <span className="rows-grid__sub">ICCID {row.iccid}</span>
        )}
      </div>
      <div className="rows-grid__cell" role="cell">
        {row.carrier ? carrierLabels[row.carrier] : <span className="rows-grid__none">—</span>}
        {row.accountName && <span className="rows-grid__sub">{row.accountName}</span>}
      </div>
      <div className="rows-grid__cell" role="cell">
        <span className="severity" data-severity={row.severity}>
          <span className="severity__dot" aria-hidden />
          {severityLabels[row.severity]}
        </span>
      </div>
      <div className="rows-grid__cell" role="cell">
        <RowProblems row={row} editable={editable} />
      </div>
      <div className="rows-grid__cell" role="cell">
        {row.changes.length === 0 ? (
          <span className="rows-grid__none">—</span>
        ) : (
          <ul className="rows-grid__changes">
            {row.changes.map((change) => (
              <li key={change.field}>
                <span className="rows-grid__field">{fieldName(change.field)}</span>{' '}
                <span className="rows-grid__from">{change.from ?? 'none'}</span> →{' '}
                <span className="rows-grid__to">{change.to ?? 'none'}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="rows-grid__cell rows-grid__call" role="cell">
        {row.call ?? <span className="rows-grid__none">—</span>}
      </div>
    </div>
  );
}

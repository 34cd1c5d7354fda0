import { useShallow } from 'zustand/react/shallow';
import type { ImportSheet } from '../../../shared/contract/imports';
import { formatCount } from '../../ui/format';
import { ColumnMapper } from './ColumnMapper';
import { HeaderRowForm } from './HeaderRowForm';
import { configure } from './importCalls';
import { goTo, setColumnField, useImportStore } from './importStore';
import { hasIdentifier } from './mapping';

const delimiters: Record<string, string> = {
  ',': 'comma-separated',
  ';': 'semicolon-separated',
  '\t': 'tab-separated',
  '|': 'separated by |',
};

/** How core read the file, in words: `CSV, UTF-8, semicolon-separated`. */
export function formatOf(sheet: ImportSheet): string {
  switch (sheet.format) {
    case 'xlsx':
      return 'Excel workbook (.xlsx)';
    case 'xls':
      return 'Excel 97–2003 workbook (.xls)';
    case 'draft':
      return 'Exported draft';
    case 'selection':
      return 'Devices picked in the grid';
    case 'csv':
      return [
        'CSV',
        sheet.encoding,
        sheet.delimiter === null
          ? null
          : (delimiters[sheet.delimiter] ?? `separated by ${sheet.delimiter}`),
      ]
        .filter(Boolean)
        .join(', ');
  }
}

/** Step 2: which sheet, where the header is, and what each column holds. */
export function ColumnsStep({ sheet }: { sheet: ImportSheet }) {
  const { mapping, busy } = useImportStore(
    useShallow((state) => ({ mapping: state.mapping, busy: state.busy })),
  );
  const identified = hasIdentifier(mapping);
  return (
    <section className="import-step" aria-labelledby="step-title">
      <h2 id="step-title" className="section-title">
        Columns
      </h2>
      <dl className="import-facts">
        <div>
          <dt>File</dt>
          <dd>{sheet.fileName}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{formatOf(sheet)}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd className="mono">{formatCount(sheet.dataRows)}</dd>
        </div>
      </dl>
      <div className="import-step__controls">
        {sheet.sheets.length > 1 && (
          <label className="field">
            <span className="field__label">Sheet</span>
            <select
              className="control"
              value={sheet.sheet}
              disabled={busy !== null}
              onChange={(event) => void configure({ sheet: event.target.value })}
            >
              {sheet.sheets.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name} ({formatCount(option.rows)} rows)
                </option>
              ))}
            </select>
          </label>
        )}
        <HeaderRowForm
          key={`${sheet.sheet}:${sheet.headerRow}`}
          headerRow={sheet.headerRow}
          disabled={busy !== null}
        />
      </div>
      {sheet.notes.length > 0 && (
        <ul className="import-notes">
          {sheet.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="import-step__subhead">
        <h3 className="section-title">What each column holds</h3>
        {sheet.mappingSource === 'remembered' && (
          <span
            className="badge"
            title="The columns are laid out like a file checked before, so its choices are used again."
          >
            Remembered from an earlier file
          </span>
        )}
        {sheet.mappingSource === 'draft' && <span className="badge">As saved in the draft</span>}
      </div>
      {!identified && (
        <p className="import-warning" role="alert">
          No column is read as ICCID, IMEI, MSISDN or EID, so no row can be matched to a device.
          Pick the column that holds them below.
        </p>
      )}
      <ColumnMapper
        columns={sheet.columns}
        mapping={mapping}
        disabled={busy !== null}
        onChange={setColumnField}
      />
      <div className="import-step__footer">
        <button type="button" className="button button--primary" onClick={() => goTo('change')}>
          Next: the change
        </button>
      </div>
    </section>
  );
}

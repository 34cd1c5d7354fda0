import {
  identifierFields,
  importFieldLabels,
  type ColumnMapping,
  type ImportField,
} from '../../../shared/contract/imports';
import { columnLetter, columnName, fieldOf, type SheetColumn } from './mapping';
import './ColumnMapper.css';

const fieldGroups: { label: string; fields: ImportField[] }[] = [
  { label: 'Finds the device', fields: [...identifierFields] },
  {
    label: 'Gives a value of the change',
    fields: [
      'targetStatus',
      'carrierRatePlan',
      'customerRatePlan',
      'customer',
      'site',
      'effectiveDate',
    ],
  },
  { label: 'New identifier (ICCID/IMEI change)', fields: ['newIccid', 'newImei'] },
];

interface Props {
  columns: readonly SheetColumn[];
  mapping: ColumnMapping;
  disabled: boolean;
  onChange: (column: number, field: ImportField | null) => void;
}

/** Every column of the sheet with a few of its values and what the desk says it holds. */
export function ColumnMapper({ columns, mapping, disabled, onChange }: Props) {
  return (
    <table className="table column-mapper" aria-label="Columns of the file">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Header</th>
          <th scope="col">Examples</th>
          <th scope="col">Read as</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => {
          const field = fieldOf(mapping, column.index);
          const name = columnName(column);
          return (
            <tr key={column.index} data-mapped={field !== null || undefined}>
              <td className="column-mapper__letter mono">{columnLetter(column.index)}</td>
              <th scope="row" className="column-mapper__header">
                {column.header.trim() === '' ? (
                  <span className="column-mapper__none">(no header)</span>
                ) : (
                  column.header
                )}
              </th>
              <td className="column-mapper__samples">
                {column.samples.length === 0 ? (
                  <span className="column-mapper__none">empty</span>
                ) : (
                  column.samples.slice(0, 3).map((sample, i) => (
                    <span key={i} className="column-mapper__sample mono" title={sample}>
                      {sample}
                    </span>
                  ))
                )}
              </td>
              <td>
                <select
                  className="control column-mapper__select"
                  aria-label={`Read ${name} as`}
                  value={field ?? ''}
                  disabled={disabled}
                  onChange={(event) =>
                    onChange(column.index, (event.target.value || null) as ImportField | null)
                  }
                >
                  <option value="">Ignore</option>
                  {fieldGroups.map((group) => (
                    <optgroup key={group.label} label={group.label}>
                      {group.fields.map((option) => (
                        <option key={option} value={option}>
                          {importFieldLabels[option]}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

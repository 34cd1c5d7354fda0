import {
  identifierFields,
  type ColumnMapping,
  type ImportField,
  type ImportSheet,
} from '../../../shared/contract/imports';
import type { MappedColumns } from '../changes/values';
import { columnLetter } from '../../../shared/domain/columns';

/** One column of the sheet as core read it: its position, header and a few values. */
export type SheetColumn = ImportSheet['columns'][number];

type Column = Pick<SheetColumn, 'index' | 'header'>;

export { columnLetter };

/** The column's header, or its letter when the file has no header there. */
export const columnName = ({ index, header }: Column): string =>
  header.trim() === '' ? `Column ${columnLetter(index)}` : header;

export const fieldOf = (mapping: ColumnMapping, column: number): ImportField | null =>
  mapping.find((entry) => entry.column === column)?.field ?? null;

/**
 * The mapping with `column` read as `field` (null: ignored). A field comes from one column
 * only, so a column that had it before lets it go.
 */
export function withField(
  mapping: ColumnMapping,
  column: number,
  field: ImportField | null,
): ColumnMapping {
  const others = mapping.filter((entry) => entry.column !== column && entry.field !== field);
  const next = field === null ? others : [...others, { column, field }];
  return next.sort((a, b) => a.column - b.column);
}

/** Each mapped field with the name of the column it comes from. */
export function mappedColumns(columns: readonly Column[], mapping: ColumnMapping): MappedColumns {
  const byIndex = new Map(columns.map((column) => [column.index, column]));
  const mapped: MappedColumns = {};
  for (const { column, field } of mapping) {
    const info = byIndex.get(column);
    mapped[field] = info ? columnName(info) : `Column ${columnLetter(column)}`;
  }
  return mapped;
}

export const hasIdentifier = (mapping: ColumnMapping): boolean =>
  mapping.some(({ field }) => (identifierFields as readonly string[]).includes(field));

import type { Cell } from './index';
import { excelDateText } from './excelDate';

/** A SheetJS cell as read with `cellNF` (number format in `z`) and without `cellDates`. */
interface SheetJsCell {
  t?: unknown;
  v?: unknown;
  z?: unknown;
}

/**
 * Turns SheetJS cells into ours: text as is, booleans, numbers (dates by their number format,
 * as ISO text), and null for errors, stubs and formulas without a cached value.
 */
export function cellReader(
  date1904: boolean,
  isDateFormat: (format: string) => boolean,
): (cell: unknown) => Cell {
  const dateFormats = new Map<string, boolean>();
  const isDate = (format: string) => {
    let known = dateFormats.get(format);
    if (known === undefined) dateFormats.set(format, (known = isDateFormat(format)));
    return known;
  };
  return (cell) => {
    if (typeof cell !== 'object' || cell === null) return null;
    const { t, v, z } = cell as SheetJsCell;
    switch (t) {
      case 's':
        return typeof v === 'string' ? v : null;
      case 'b':
        return typeof v === 'boolean' ? v : null;
      case 'n':
        if (typeof v !== 'number' || !Number.isFinite(v)) return null;
        return typeof z === 'string' && isDate(z) ? (excelDateText(v, date1904) ?? v) : v;
      default:
        return null;
    }
  };
}

export interface GridLimits {
  rowLimit: number;
  maxColumns: number;
}

/**
 * A SheetJS dense sheet: rows by index, cells by column. Rows and cells may be missing, and a
 * crafted file can leave an index far past the grid, so lengths are never trusted for loops.
 */
type DenseSheet = unknown[];

/** The rows of a sheet; a chart sheet or anything unexpected has none. */
export const denseRows = (sheet: unknown): DenseSheet => (Array.isArray(sheet) ? sheet : []);

/** Whether a row has a value at or past `from`, looking only at the indexes it really holds. */
function hasValueFrom(row: unknown[], from: number, read: (cell: unknown) => Cell): boolean {
  if (row.length <= from) return false;
  return Object.keys(row).some((key) => Number(key) >= from && read(row[Number(key)]) !== null);
}

function rowHasValue(row: unknown, limits: GridLimits, read: (cell: unknown) => Cell): boolean {
  if (!Array.isArray(row)) return false;
  const end = Math.min(row.length, limits.maxColumns);
  for (let c = 0; c < end; c++) if (read(row[c]) !== null) return true;
  return hasValueFrom(row, limits.maxColumns, read);
}

/**
 * How many rows a sheet has once trailing empty rows are trimmed, or 'tooMany' when a value
 * lies past the row limit. SheetJS was told to stop one row past the limit (`sheetRows`), so
 * only a comment can leave anything further, and that is no value.
 */
export function sheetHeight(
  sheet: unknown,
  limits: GridLimits,
  read: (cell: unknown) => Cell,
): number | 'tooMany' {
  const rows = denseRows(sheet);
  for (let r = Math.min(rows.length - 1, limits.rowLimit); r >= 0; r--) {
    if (rowHasValue(rows[r], limits, read)) return r >= limits.rowLimit ? 'tooMany' : r + 1;
  }
  return 0;
}

/** One row as our cells, trailing empties trimmed; 'tooWide' when a value lies past the limit. */
export function gridRow(
  row: unknown,
  limits: GridLimits,
  read: (cell: unknown) => Cell,
): Cell[] | 'tooWide' {
  if (!Array.isArray(row)) return [];
  if (hasValueFrom(row, limits.maxColumns, read)) return 'tooWide';
  const end = Math.min(row.length, limits.maxColumns);
  const cells: Cell[] = [];
  let width = 0;
  for (let c = 0; c < end; c++) {
    const cell = read(row[c]);
    cells.push(cell);
    if (cell !== null) width = c + 1;
  }
  cells.length = width;
  return cells;
}

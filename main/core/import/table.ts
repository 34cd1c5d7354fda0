import { columnLetter } from '../../../shared/domain/columns';
import type { Cell, SheetGrid } from './read';
import { cellText, headerScore, looksLikeData } from './fields';

/** Rows searched for the header: customers' title blocks are a few lines, never dozens. */
const HEADER_SEARCH_ROWS = 30;
const SAMPLE_ROWS = 200;

/** A sheet read as a table: one header row, data rows below it numbered as the spreadsheet shows them. */
export interface Table {
  headers: string[];
  /** 1-based row of the header; 0 when the sheet has none. */
  headerRow: number;
  /** Each data row with its spreadsheet row number; blank rows are left out. */
  rows: { row: number; cells: Cell[] }[];
}

const isBlank = (row: Cell[] | undefined) => !row || row.every((cell) => cellText(cell) === '');

/**
 * Where the header is: the row among the first few that names the most fields. Failing that,
 * the row just above the first one holding an identifier (title rows above are skipped).
 */
export function findHeaderRow(grid: Cell[][]): number {
  let best = { row: 0, score: 0 };
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const score = headerScore(grid[i] ?? []);
    if (score > best.score) best = { row: i + 1, score };
  }
  if (best.score > 0) return best.row;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    if (looksLikeData(grid[i] ?? [])) {
      // The row above the data is the header unless it is blank or there is none.
      return i > 0 && !isBlank(grid[i - 1]) ? i : 0;
    }
  }
  return grid.findIndex((row) => !isBlank(row)) + 1;
}

/** Reads a sheet as a table with its header on `headerRow` (0: no header; columns get letters). */
export function toTable(sheet: SheetGrid, headerRow: number): Table {
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const headerCells = headerRow > 0 ? (sheet.rows[headerRow - 1] ?? []) : [];
  const headers = Array.from({ length: width }, (_, i) => {
    const text = cellText(headerCells[i]);
    return text !== '' ? text : `Column ${columnLetter(i)}`;
  });
  const rows: Table['rows'] = [];
  for (let i = headerRow; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    if (!isBlank(cells)) rows.push({ row: i + 1, cells });
  }
  return { headers, headerRow, rows };
}

/** The first data rows, for guessing columns by their content. */
export const sampleRows = (table: Table): Cell[][] =>
  table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells);

/** A few non-empty values of a column, as text, for the mapping screen. */
export function columnSamples(table: Table, column: number, count = 3): string[] {
  const samples: string[] = [];
  for (const { cells } of table.rows) {
    const text = cellText(cells[column]);
    if (text !== '') samples.push(text);
    if (samples.length === count) break;
  }
  return samples;
}

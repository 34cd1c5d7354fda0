import * as XLSX from 'xlsx';
import type { FileDownload } from '../../../shared/contract/imports';

// OWASP CSV injection: a cell starting with one of these can run as a formula when opened
// (ASVS adds NUL). Carrier error text is exactly the kind of text that might. Any leading
// control character counts: a writer or reader that drops it would expose what follows.
// eslint-disable-next-line no-control-regex
const RISKY_START = /^[=+\-@\x00-\x1F]/;

/** A cell's text with a leading ' where a spreadsheet would otherwise read it as a formula. */
export const safeCell = (text: string): string => (RISKY_START.test(text) ? `'${text}` : text);

const csvField = (text: string) => `"${safeCell(text).replace(/"/g, '""')}"`;

export interface SheetContent {
  fileStem: string;
  /** Header row first; every cell is text. */
  rows: string[][];
  widths: number[];
  /** Lines for a second sheet telling the desk what to do with the file. */
  help: string[];
}

/** The rows as CSV: every field quoted and formula-safe, UTF-8 with a BOM so Excel reads accents. */
export function csvFile({ fileStem, rows }: SheetContent): FileDownload {
  const text = `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
  return {
    fileName: `${fileStem}.csv`,
    mimeType: 'text/csv',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}

/** The rows as a workbook of text cells (identifiers keep every digit), formula-safe, with a help sheet. */
export function xlsxFile({ fileStem, rows, widths, help }: SheetContent): FileDownload {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map(safeCell)));
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (let r = range.s.r + 1; r <= range.e.r; r++)
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell) cell.z = '@';
    }
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Devices');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet(help.map((line) => [safeCell(line)])),
    'How to use this file',
  );
  // Compressed is smaller and, for big sheets, quicker to write (less to checksum and copy).
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return {
    fileName: `${fileStem}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
  };
}

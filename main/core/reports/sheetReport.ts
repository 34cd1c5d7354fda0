import type { FileHandle } from 'node:fs/promises';
import { safeCell } from '../bulkView/sheetFile';

export interface Column {
  label: string;
  /** In characters, for the workbook. */
  width: number;
}

/** A report ready to write: header lines, columns, and its rows read a page at a time. */
export interface SheetReport {
  title: string;
  /** The workbook's rows sheet: "Devices", "Changes". */
  sheetName: string;
  fileStem: string;
  summary: { label: string; value: string }[];
  columns: Column[];
  /**
   * The columns a landscape pdf page shows, by label, in points or as shares of the width left;
   * the others are listed as left out. Reports without one get the change reports' columns.
   */
  pdfColumns?: ReadonlyMap<string, number | { share: number }>;
  total: number;
  pages: () => Iterable<string[][]> | AsyncIterable<string[][]>;
}

const csvField = (text: string) => `"${safeCell(text).replace(/"/g, '""')}"`;
const csvLine = (cells: string[]) => `${cells.map(csvField).join(',')}\r\n`;

/**
 * Writes a report as CSV, a page at a time: its summary as label/value lines, an empty line,
 * then the table. Every field quoted and formula-safe, UTF-8 with a BOM so Excel reads accents.
 */
export async function writeCsv(
  file: FileHandle,
  report: SheetReport,
  onRows: (written: number) => void,
): Promise<number> {
  const head = [
    ['Report', report.title],
    ...report.summary.map((line) => [line.label, line.value]),
    [],
    report.columns.map((c) => c.label),
  ];
  await file.write(`\uFEFF${head.map(csvLine).join('')}`);
  let written = 0;
  for await (const page of report.pages()) {
    await file.write(page.map(csvLine).join(''));
    written += page.length;
    onRows(written);
  }
  return written;
}

import type { FileHandle } from 'node:fs/promises';
import { streamInto } from './outputFile';
import { writePdfReport } from './pdf/writePdfReport';
import type { SheetReport } from './sheetReport';

/**
 * The columns of a change report (bulk change, compliance, device history) a landscape page can
 * show legibly, by the workbook's labels; the pdf says which were left out.
 */
const CHANGE_COLUMNS = new Map<string, number | { share: number }>([
  ['When', 150],
  ['Bulk change', 50],
  ['Submitted by', { share: 1 }],
  ['ICCID', 112],
  ['Carrier', { share: 1.2 }],
  ['Before → after', { share: 2 }],
  ['Attempts', 42],
  ['Outcome', 72],
  ['Error reason', { share: 2.4 }],
  ['Completed', 150],
]);

/** Helvetica's WinAnsi set has no arrow: the pdf writes it as ASCII. */
const pageText = (text: string) => text.replace(/→/g, '->');

/** Rows one at a time from the report's pages, only the kept columns, counted as they go. */
async function* rowsOf(report: SheetReport, keep: number[], onRows: (written: number) => void) {
  let written = 0;
  for await (const page of report.pages()) {
    for (const row of page) yield keep.map((i) => pageText(row[i] ?? ''));
    written += page.length;
    onRows(written);
  }
}

/**
 * Writes a report as a PDF: title and summary on page 1, then the table with its header on
 * every page; column widths follow the workbook's, as shares of the page.
 */
export async function writePdf(
  file: FileHandle,
  report: SheetReport,
  onRows: (written: number) => void,
): Promise<number> {
  let rows = 0;
  const onPage = report.pdfColumns ?? CHANGE_COLUMNS;
  const keep = report.columns.flatMap((c, i) => (onPage.has(c.label) ? [i] : []));
  const left = report.columns.filter((c) => !onPage.has(c.label)).map((c) => c.label);
  await streamInto(file, (out) =>
    writePdfReport(out, {
      title: report.title,
      // Said of the report, not of files beside it: a pack may hold its xlsx only, a lone pdf none.
      filters:
        left.length > 0
          ? [
              [
                'Not in this pdf',
                `${left.join(', ')} (an xlsx or csv of this report has every column)`,
              ],
            ]
          : [],
      summary: report.summary.map((line) => [pageText(line.label), pageText(line.value)]),
      columns: keep.map((i) => ({
        header: pageText(report.columns[i]!.label),
        width: onPage.get(report.columns[i]!.label)!,
      })),
      rows: rowsOf(report, keep, (written) => {
        rows = written;
        onRows(written);
      }),
    }),
  );
  return rows;
}

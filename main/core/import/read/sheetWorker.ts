/**
 * The throwaway worker SheetJS runs in: one workbook, then it is terminated. Nothing SheetJS
 * builds leaves this isolate except arrays of primitives, posted in batches so the reader's
 * thread never has to take in a whole sheet in one go.
 */
import { parentPort, workerData } from 'node:worker_threads';
import XLSX from 'xlsx';
import type { Cell } from './index';
import { cellReader, denseRows, gridRow, sheetHeight } from './sheetGrid';
import type { FromSheetWorker, SheetWorkerInput } from './workerProtocol';

const BATCH_CELLS = 50_000;

const input = workerData as SheetWorkerInput;
const post = (message: FromSheetWorker) => parentPort!.postMessage(message);
const limits = { rowLimit: input.rowLimit, maxColumns: input.maxColumns };

function open(): XLSX.WorkBook {
  return XLSX.read(
    Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
    {
      type: 'buffer',
      // Dense sheets (rows of cells) are smaller and quicker to walk than "A1"-keyed objects.
      dense: true,
      // Number formats tell dates from numbers; the dates themselves we compute (see excelDate).
      cellNF: true,
      cellDates: false,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      // One row past the limit, so that a sheet over it is noticed without reading all of it.
      sheetRows: input.rowLimit + 1,
    },
  );
}

const isDate1904 = (flag: unknown) =>
  flag === true || flag === 1 || flag === 'true' || flag === '1';

function run(): FromSheetWorker {
  let workbook: XLSX.WorkBook;
  try {
    workbook = open();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return /password/i.test(detail)
      ? { type: 'passwordProtected' }
      : { type: 'unreadable', detail };
  }
  const isDateFormat: (format: string) => boolean = XLSX.SSF.is_date;
  const read = cellReader(isDate1904(workbook.Workbook?.WBProps?.date1904), isDateFormat);
  const names = workbook.SheetNames;
  const sheets = names.map((name) => workbook.Sheets[name]);
  const heights: number[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const height = sheetHeight(sheet, limits, read);
    if (height === 'tooMany') return { type: 'tooManyRows', sheet: names[i]! };
    heights.push(height);
  }
  post({ type: 'opened', sheets: names.map((name, i) => ({ name, rows: heights[i]! })) });

  for (const [index, sheet] of sheets.entries()) {
    const rows = denseRows(sheet);
    let batch: Cell[][] = [];
    let cells = 0;
    for (let r = 0; r < heights[index]!; r++) {
      const row = gridRow(rows[r], limits, read);
      if (row === 'tooWide') return { type: 'tooManyColumns', sheet: names[index]!, row: r + 1 };
      // Let SheetJS's copy of the row go as soon as ours exists.
      rows[r] = undefined;
      batch.push(row);
      cells += row.length + 1;
      if (cells >= BATCH_CELLS) {
        post({ type: 'rows', sheet: index, rows: batch });
        batch = [];
        cells = 0;
      }
    }
    if (batch.length > 0) post({ type: 'rows', sheet: index, rows: batch });
  }
  return { type: 'done' };
}

try {
  post(run());
} catch (error) {
  post({ type: 'unreadable', detail: error instanceof Error ? error.message : String(error) });
}

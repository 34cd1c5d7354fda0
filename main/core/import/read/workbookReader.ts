import { Worker } from 'node:worker_threads';
import { CoreError } from '../../errors';
import type { SheetGrid, Workbook } from './index';
import type { ReadContext } from './readContext';
import { detailOf, refusal } from './refusals';
import { sheetWorkerEntry } from './sheetWorkerEntry';
import type { FromSheetWorker, SheetWorkerInput } from './workerProtocol';

/** Excel's grid: no workbook has more rows than this, whatever the limits allow for CSV. */
const EXCEL_ROWS = 1_048_576;

/**
 * Reads an xlsx or xls in a fresh worker that is terminated when the read ends, however it ends:
 * done, refused, timed out, over its heap cap, or cancelled.
 */
export function readWorkbookInWorker(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  context: ReadContext,
): Promise<Workbook> {
  const { name, limits, signal, onProgress } = context;
  const entry = sheetWorkerEntry();
  // A copy with a buffer of its own (a Buffer's slice() would share the caller's, pool and all),
  // handed over whole: the caller keeps its bytes.
  const copy = new Uint8Array(bytes);
  const input: SheetWorkerInput = {
    bytes: copy,
    rowLimit: Math.min(limits.maxRows, EXCEL_ROWS),
    maxColumns: limits.maxColumns,
  };
  const worker = new Worker(entry.url, {
    workerData: input,
    transferList: [copy.buffer],
    execArgv: entry.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
    // SheetJS writes warnings about odd files to the console; they are not for our logs.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();

  return new Promise<Workbook>((resolve, reject) => {
    const sheets: SheetGrid[] = [];
    let rowsRead = 0;
    let rowsTotal = 0;
    let settled = false;
    const finish = (outcome: Workbook | CoreError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker
        .terminate()
        .then(() => (outcome instanceof CoreError ? reject(outcome) : resolve(outcome)));
    };
    const onAbort = () => finish(refusal.cancelled(name));
    const timer = setTimeout(
      () => finish(refusal.tooSlow(name, limits.timeoutMs)),
      limits.timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();

    onProgress?.({ label: 'Opening the workbook', done: 0, total: 1 });
    worker.on('message', (message: FromSheetWorker) => {
      // Batches already on their way when a read was cancelled are not reported.
      if (settled) return;
      switch (message.type) {
        case 'opened':
          onProgress?.({ label: 'Opening the workbook', done: 1, total: 1 });
          for (const sheet of message.sheets) sheets.push({ name: sheet.name, rows: [] });
          rowsTotal = message.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
          onProgress?.({ label: 'Reading rows', done: 0, total: rowsTotal });
          break;
        case 'rows': {
          const target = sheets[message.sheet]!.rows;
          for (const row of message.rows) target.push(row);
          rowsRead += message.rows.length;
          onProgress?.({ label: 'Reading rows', done: rowsRead, total: rowsTotal });
          break;
        }
        case 'done':
          finish({ format, encoding: null, delimiter: null, sheets });
          break;
        case 'passwordProtected':
          finish(refusal.passwordProtected(name));
          break;
        case 'tooManyRows':
          finish(refusal.tooManyRows(name, message.sheet, input.rowLimit));
          break;
        case 'tooManyColumns':
          finish(refusal.tooManyColumns(name, message.sheet, message.row, limits.maxColumns));
          break;
        case 'unreadable':
          finish(refusal.damaged(name, detailOf(message.detail)));
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refusal.tooMuchMemory(name)
          : new CoreError(
              'internal',
              `The spreadsheet reader stopped unexpectedly on ${name}. (${detailOf(error)})`,
            ),
      );
    });
    worker.on('exit', () =>
      finish(new CoreError('internal', `The spreadsheet reader stopped before finishing ${name}.`)),
    );
  });
}

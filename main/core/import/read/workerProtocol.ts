import type { Cell } from './index';

/** What the reader hands the sheet worker: its own copy of the bytes, and the limits. */
export interface SheetWorkerInput {
  /** xlsx or xls: SheetJS tells them apart by content, as we did. */
  bytes: Uint8Array;
  /** Rows per sheet, already capped at Excel's grid. */
  rowLimit: number;
  maxColumns: number;
}

/** The sheet worker's messages, in order: opened, rows (batches, sheet by sheet), done; or a stop. */
export type FromSheetWorker =
  | { type: 'opened'; sheets: { name: string; rows: number }[] }
  | { type: 'rows'; sheet: number; rows: Cell[][] }
  | { type: 'done' }
  | { type: 'passwordProtected' }
  | { type: 'tooManyRows'; sheet: string }
  | { type: 'tooManyColumns'; sheet: string; row: number }
  | { type: 'unreadable'; detail: string };

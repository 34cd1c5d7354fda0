/**
 * Reads a customer's spreadsheet (bytes in, a grid of typed cells out), treating every file as
 * hostile.
 *
 * The design card fixes the `xlsx` package, and npm only has SheetJS 0.18.5. That version has
 * CVE-2023-30533 (prototype pollution while reading a crafted file) and CVE-2024-22363 (ReDoS);
 * the fixed builds are only on SheetJS's own CDN. So SheetJS is fenced in three ways:
 *  1. Our own pre-flight looks at the raw bytes first: the format comes from magic bytes, not the
 *     file name; a zip's central directory is checked (entry count, sizes, inflate ratio, ZIP64
 *     and other odd archives) and every entry is inflated once, counting bytes, to catch sizes
 *     that lie; password-protected workbooks are recognised and refused with a way out.
 *  2. SheetJS runs only in a throwaway worker thread with a heap cap and a timeout, terminated
 *     after every read. Whatever a crafted file pollutes dies with that isolate, and a ReDoS or a
 *     memory bomb is killed. Cells come back as plain arrays of primitives (structured clone
 *     copies own data only), so the most a polluted isolate can do is change the cells, which
 *     the file's author controls anyway.
 *  3. CSV never reaches SheetJS: our own chunked RFC 4180 parser reads it on this thread,
 *     yielding to the event loop between chunks.
 */
import { probeCfb } from './cfbProbe';
import { MAX_IMPORT_BYTES } from '../../../../shared/contract/imports';
import { readCsv } from './csvReader';
import type { ReadContext } from './readContext';
import { refusal } from './refusals';
import { sniffContainer } from './sniff';
import { readWorkbookInWorker } from './workbookReader';
import { preflightZip } from './zipPreflight';

/** One cell: text as written (not trimmed), a number, a boolean, or null when empty or an error. */
export type Cell = string | number | boolean | null;

/** rows[i] is spreadsheet row i+1 and rows[i][j] column j (A = 0), anchored at A1. */
export interface SheetGrid {
  name: string;
  rows: Cell[][];
}

/** A file's sheets in order (hidden ones included); a CSV has one, named after the file. */
export interface Workbook {
  format: 'xlsx' | 'xls' | 'csv';
  /** CSV only: 'UTF-8', 'UTF-16LE', 'UTF-16BE' or 'Windows-1252'. */
  encoding: string | null;
  /** CSV only: the field separator that was used. */
  delimiter: string | null;
  sheets: SheetGrid[];
}

/** What one read may cost; a file over any limit is refused with words saying which. */
export interface ReadLimits {
  maxFileBytes: number;
  /** Sum of a zip's entries once inflated. */
  maxUncompressedBytes: number;
  /** Inflated size over compressed size, per zip entry. */
  maxInflateRatio: number;
  /** Parts in a zip; a real workbook has a few dozen, a few thousand with many sheets. */
  maxZipEntries: number;
  /** Rows per sheet. A workbook never has more than Excel's 1,048,576, whatever this says. */
  maxRows: number;
  maxColumns: number;
  /** How long SheetJS may take over one workbook. */
  timeoutMs: number;
  /** Heap cap of the worker SheetJS runs in. */
  workerHeapMb: number;
}

const MB = 1024 * 1024;

/** 50 MB files, 600 MB unpacked, 100:1 per part, Excel's 16,384 columns, 2 minutes, 2 GB heap. */
export const defaultReadLimits: ReadLimits = {
  maxFileBytes: MAX_IMPORT_BYTES,
  maxUncompressedBytes: 600 * MB,
  maxInflateRatio: 100,
  maxZipEntries: 10_000,
  maxRows: 2_000_000,
  maxColumns: 16_384,
  timeoutMs: 120_000,
  workerHeapMb: 2_048,
};

/** Reading goes through labelled phases; within each, `done` climbs from 0 to `total`. */
export interface ReadProgress {
  label: string;
  done: number;
  total: number;
}

/** Cancel with `signal` (the read then rejects with code 'cancelled'); limits override defaults. */
export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  limits?: Partial<ReadLimits>;
}

/** Reads an xlsx, xls or csv file into sheets of cells, or throws a CoreError saying what to do. */
export async function readSpreadsheet(
  file: { name: string; bytes: Uint8Array },
  options: ReadOptions = {},
): Promise<Workbook> {
  const limits: ReadLimits = { ...defaultReadLimits, ...options.limits };
  const { name, bytes } = file;
  const context: ReadContext = {
    name,
    limits,
    signal: options.signal,
    onProgress: options.onProgress,
  };
  if (options.signal?.aborted) throw refusal.cancelled(name);
  if (bytes.byteLength > limits.maxFileBytes)
    throw refusal.tooBig(name, bytes.byteLength, limits.maxFileBytes);
  if (bytes.byteLength === 0) throw refusal.empty(name);

  const container = sniffContainer(bytes);
  switch (container.kind) {
    case 'zip':
      await preflightZip(bytes, context);
      return readWorkbookInWorker(bytes, 'xlsx', context);
    case 'cfb': {
      const probe = probeCfb(bytes);
      if (probe === 'encrypted') throw refusal.passwordProtected(name);
      if (probe !== 'workbook') throw refusal.notExcel(name, probe.what);
      return readWorkbookInWorker(bytes, 'xls', context);
    }
    case 'text':
      return readCsv(bytes, context);
    case 'other':
      throw refusal.notSpreadsheet(name, container.what);
  }
}

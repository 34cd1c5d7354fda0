import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReportFile, ReportFormat, ReportSpec } from '../../../shared/contract/reports';
import type { Db } from '../store/open';
import { openReport, type ReportSource } from './reportSource';
import { writePdf } from './pdfReport';
import { writeCsv } from './sheetReport';
import { writeXlsx } from './xlsxStream';

/** How far an export has got, for a progress bar. */
export type ExportProgress = (written: number, total: number) => void;

const writers = { csv: writeCsv, xlsx: writeXlsx, pdf: writePdf } as const;

const writerFor = (format: ReportFormat) => writers[format];

/**
 * Writes the rows a page at a time. The file appears only when complete: it is written beside
 * `path` under a temporary name, then renamed, so a half-written report is never opened.
 */
async function write(
  report: ReportSource,
  format: ReportFormat,
  path: string,
  onProgress: ExportProgress,
): Promise<ReportFile> {
  const writer = writerFor(format);
  const partial = `${path}.partial`;
  const file = await open(partial, 'w');
  let rows: number;
  try {
    rows = await writer(file, report, (written) => onProgress(written, report.total));
  } catch (error) {
    await file.close();
    await rm(partial, { force: true });
    throw error;
  }
  await file.close();
  await rename(partial, path);
  return { path, fileName: basename(path), rows, bytes: (await stat(path)).size };
}

/** Writes a whole report to a path the person chose (the CLI's --out), as xlsx or csv. */
export function exportReportTo(
  db: Db,
  spec: ReportSpec,
  format: ReportFormat,
  path: string,
  onProgress: ExportProgress = () => undefined,
): Promise<ReportFile> {
  writerFor(format);
  return write(openReport(db, spec), format, path, onProgress);
}

/** "2026-11-22T09-31-18", safe in a file name on every system. */
const stamp = () => new Date().toISOString().slice(0, 19).replace(/:/g, '-');

/** The workspace's reports folder, made if missing. */
export async function reportsFolder(db: Db): Promise<string> {
  const folder = join(dirname(db.name), 'reports');
  await mkdir(folder, { recursive: true });
  return folder;
}

/** A path in `folder` no earlier export has, from a stem that may hold stored text (an ICCID). */
export function freshPath(folder: string, stem: string, extension: string): string {
  const base = join(folder, `${stem.replace(/[^\w-]/g, '_')}-${stamp()}`);
  let path = `${base}.${extension}`;
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}.${extension}`;
  return path;
}

/** Writes a report into the workspace's reports folder, under a name no earlier export has. */
export async function exportReport(
  db: Db,
  spec: ReportSpec,
  format: ReportFormat,
  onProgress: ExportProgress = () => undefined,
): Promise<ReportFile> {
  writerFor(format);
  const report = openReport(db, spec);
  const path = freshPath(await reportsFolder(db), report.fileStem, format);
  return write(report, format, path, onProgress);
}

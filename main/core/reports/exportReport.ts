import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReportFile, ReportFormat, ReportSpec } from '../../../shared/contract/reports';
import type { Db } from '../store/open';
import { fileError, reserveFreshPath, startOutput } from './outputFile';
import { openReport, type ReportSource } from './reportSource';
import { writePdf } from './pdfReport';
import { writeCsv } from './sheetReport';
import { writeXlsx } from './xlsxStream';

/** How far an export has got, for a progress bar. */
export type ExportProgress = (written: number, total: number) => void;

const writers = { csv: writeCsv, xlsx: writeXlsx, pdf: writePdf } as const;

/**
 * Writes the rows a page at a time. The file appears only when complete (see OutputFile), so a
 * half-written report is never opened.
 */
async function write(
  report: ReportSource,
  format: ReportFormat,
  path: string,
  onProgress: ExportProgress,
): Promise<ReportFile> {
  const output = await startOutput(path);
  let rows: number;
  try {
    rows = await writers[format](output.handle, report, (written) =>
      onProgress(written, report.total),
    );
  } catch (error) {
    await output.abandon();
    throw fileError(path, error);
  }
  const bytes = await output.complete();
  return { path, fileName: basename(path), rows, bytes };
}

/** Writes a whole report to a path chosen in main's save dialog or given as the CLI's --out. */
export function exportReportTo(
  db: Db,
  spec: ReportSpec,
  format: ReportFormat,
  path: string,
  onProgress: ExportProgress = () => undefined,
): Promise<ReportFile> {
  return write(openReport(db, spec), format, path, onProgress);
}

/** The workspace's reports folder, made if missing. */
export async function reportsFolder(db: Db): Promise<string> {
  const folder = join(dirname(db.name), 'reports');
  await mkdir(folder, { recursive: true });
  return folder;
}

/** Writes a report into the workspace's reports folder, under a name no other export has. */
export async function exportReport(
  db: Db,
  spec: ReportSpec,
  format: ReportFormat,
  onProgress: ExportProgress = () => undefined,
): Promise<ReportFile> {
  const report = openReport(db, spec);
  const path = await reserveFreshPath(await reportsFolder(db), report.fileStem, format);
  try {
    return await write(report, format, path, onProgress);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  EvidencePackFile,
  ReportFormat,
  ReportSpec,
} from '../../../../shared/contract/reports';
import { keptSourceFile } from '../../import/sourceFiles';
import type { Db } from '../../store/open';
import { cached } from '../../store/statements';
import { exportReportTo, reportsFolder } from '../exportReport';
import { reserveFreshPath, startOutput, type OutputFile } from '../outputFile';
import { latestReconciliationId } from '../reconcile/runs';
import { buildEvidencePack, finishedBulkChange, type EvidenceFile } from './buildEvidencePack';

/** How far a pack has got: the step in words, and its count (rows, then audit entries). */
export type EvidenceProgress = (done: number, total: number, step: string) => void;

export interface EvidenceExport {
  bulkChangeId: number;
  timeZone?: string;
  /** Main's save dialog or the CLI's --out; otherwise the workspace's reports folder. */
  path?: string;
  onProgress?: EvidenceProgress;
  signal?: AbortSignal;
}

interface PackedReport {
  name: string;
  spec: ReportSpec;
  format: ReportFormat;
}

/** The bulk change report in every format, and its latest finished reconciliation if any. */
function reportsFor(db: Db, bulkChangeId: number, timeZone?: string): PackedReport[] {
  const formats: ReportFormat[] = ['xlsx', 'csv', 'pdf'];
  const reports = formats.map<PackedReport>((format) => ({
    name: `bulk-change-${bulkChangeId}.${format}`,
    spec: { kind: 'bulkChange', bulkChangeId, timeZone },
    format,
  }));
  const reconciliationId = latestReconciliationId(db, bulkChangeId);
  if (reconciliationId !== null) {
    for (const format of formats)
      reports.push({
        name: `reconciliation-${reconciliationId}.${format}`,
        spec: { kind: 'reconciliation', reconciliationId, timeZone },
        format,
      });
  }
  return reports;
}

/** A file read only when its zip entry is written; stopping the zip closes it. */
async function* readLazily(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path)) yield chunk as Uint8Array;
}

/**
 * Writes a finished bulk change's evidence pack: its reports are written first, each a page at a
 * time into a scratch folder, then zipped with the source file kept at import, the chain segment
 * and the whole-log check. The pack appears under its name only once complete; on failure or
 * Cancel nothing is left behind.
 */
export async function exportEvidencePack(
  db: Db,
  { bulkChangeId, timeZone, path, onProgress = () => undefined, signal }: EvidenceExport,
): Promise<EvidencePackFile> {
  finishedBulkChange(db, bulkChangeId);
  const bulk = cached(db, 'SELECT source_name, source_sha256 FROM bulk_changes WHERE id = ?').get(
    bulkChangeId,
  ) as { source_name: string | null; source_sha256: string | null };

  const folder = await reportsFolder(db);
  const target =
    path ?? (await reserveFreshPath(folder, `evidence-bulk-change-${bulkChangeId}`, 'zip'));
  const reports = reportsFor(db, bulkChangeId, timeZone);
  let output: OutputFile | undefined;
  let scratch: string | undefined;
  try {
    // Opened first, so a folder that can't be written is said before any report is made.
    output = await startOutput(target);
    scratch = await mkdtemp(join(folder, '.evidence-'));
    const files: EvidenceFile[] = [];
    let devices = 0;
    for (const [i, report] of reports.entries()) {
      const file = join(scratch, report.name);
      const step = `Writing ${report.name} (report ${i + 1} of ${reports.length})`;
      const written = await exportReportTo(db, report.spec, report.format, file, (done, total) =>
        onProgress(done, total, step),
      );
      if (i === 0) devices = written.rows;
      files.push({ name: report.name, content: readLazily(file) });
    }
    const sourcePath = keptSourceFile(db, bulk.source_sha256);
    const source =
      bulk.source_name === null
        ? undefined
        : {
            name: bulk.source_name,
            sha256: bulk.source_sha256 ?? undefined,
            content: sourcePath === null ? undefined : readLazily(sourcePath),
          };
    const packed = await buildEvidencePack(db, bulkChangeId, files, output.stream(), {
      source,
      packName: basename(target),
      signal,
      onVerifyProgress: (done, total) => onProgress(done, total, 'Checking the audit log'),
    });
    const bytes = await output.complete();
    return {
      path: target,
      fileName: basename(target),
      rows: devices,
      bytes,
      verification: packed.verification,
      sourceIncluded: source?.content !== undefined,
    };
  } catch (error) {
    await output?.abandon();
    // The empty file that reserved the name in the reports folder goes too.
    if (path === undefined) await rm(target, { force: true });
    throw error;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type {
  EvidencePackFile,
  ReportFormat,
  ReportSpec,
} from '../../../../shared/contract/reports';
import { keptSourceFile } from '../../import/sourceFiles';
import type { Db } from '../../store/open';
import { cached } from '../../store/statements';
import { exportReportTo, freshPath, reportsFolder, type ExportProgress } from '../exportReport';
import { latestReconciliationId } from '../reconcile/runs';
import { openReport } from '../reportSource';
import { buildEvidencePack, finishedBulkChange, type EvidenceFile } from './buildEvidencePack';

export interface EvidenceExport {
  bulkChangeId: number;
  timeZone?: string;
  /** Main's save dialog or the CLI's --out; otherwise the workspace's reports folder. */
  path?: string;
  onProgress?: ExportProgress;
}

interface PackedReport {
  name: string;
  spec: ReportSpec;
  format: ReportFormat;
}

/** The bulk change report in every format, and its latest reconciliation when there is one. */
function reportsFor(db: Db, bulkChangeId: number, timeZone?: string): PackedReport[] {
  const stem = `bulk-change-${bulkChangeId}`;
  const formats: ReportFormat[] = ['xlsx', 'csv', 'pdf'];
  const reports = formats.map<PackedReport>((format) => ({
    name: `${stem}.${format}`,
    spec: { kind: 'bulkChange', bulkChangeId, timeZone },
    format,
  }));
  const reconciliationId = latestReconciliationId(db, bulkChangeId);
  if (reconciliationId !== null) {
    for (const format of ['xlsx', 'pdf'] as const)
      reports.push({
        name: `reconciliation-${reconciliationId}.${format}`,
        spec: { kind: 'reconciliation', reconciliationId, timeZone },
        format,
      });
  }
  return reports;
}

/**
 * Writes a finished bulk change's evidence pack: its reports are written first (each a page at a
 * time into a scratch folder), then zipped with the source file kept at import, the chain segment
 * and the whole-log check. The pack appears under its name only once complete.
 */
export async function exportEvidencePack(
  db: Db,
  { bulkChangeId, timeZone, path, onProgress = () => undefined }: EvidenceExport,
): Promise<EvidencePackFile> {
  finishedBulkChange(db, bulkChangeId);
  const bulk = cached(db, 'SELECT source_name, source_sha256 FROM bulk_changes WHERE id = ?').get(
    bulkChangeId,
  ) as { source_name: string | null; source_sha256: string | null };

  const folder = await reportsFolder(db);
  const target = path ?? freshPath(folder, `evidence-bulk-change-${bulkChangeId}`, 'zip');
  const reports = reportsFor(db, bulkChangeId, timeZone);
  const totals = reports.map((r) => openReport(db, r.spec).total);
  const total = totals.reduce((sum, n) => sum + n, 0);
  const scratch = await mkdtemp(join(folder, '.evidence-'));
  const partial = `${target}.partial`;
  try {
    let before = 0;
    const files: EvidenceFile[] = [];
    for (const report of reports) {
      const file = join(scratch, report.name);
      const written = await exportReportTo(db, report.spec, report.format, file, (done) =>
        onProgress(before + done, total),
      );
      before += written.rows;
      files.push({ name: report.name, content: createReadStream(file) });
    }
    const sourcePath = keptSourceFile(db, bulk.source_sha256);
    const source =
      bulk.source_name === null
        ? undefined
        : {
            name: bulk.source_name,
            sha256: bulk.source_sha256 ?? undefined,
            content: sourcePath === null ? undefined : createReadStream(sourcePath),
          };
    const out = createWriteStream(partial);
    const packed = await buildEvidencePack(db, bulkChangeId, files, out, {
      source,
      packName: basename(target),
    });
    out.end();
    await finished(out);
    await rename(partial, target);
    return {
      path: target,
      fileName: basename(target),
      rows: totals[0]!,
      bytes: packed.bytes,
      verification: packed.verification,
      sourceIncluded: source?.content !== undefined,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

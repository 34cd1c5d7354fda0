import type { Writable } from 'node:stream';
import { AuditLog, type AuditAnchor, type VerifyResult } from '../../audit/auditLog';
import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import { chainSegmentLines, type SegmentSummary } from './chainSegment';
import { evidenceReadme } from './readme';
import { ZipWriter, type ZipEntryWritten, type ZipSource } from '../zipWriter';

/** A file to put in the pack: given whole, or as a stream (a report being generated). */
export interface EvidenceFile {
  name: string;
  content: ZipSource;
}

export interface EvidencePackOptions {
  /** The imported spreadsheet: its name, and its bytes and/or the SHA-256 recorded at import. */
  source?: { name: string; sha256?: string; content?: ZipSource };
  /** A chain head recorded earlier (on a printed report): the check then also proves it holds. */
  anchor?: AuditAnchor;
  /** The name the pack is saved under, as README.txt tells the auditor to unzip it. */
  packName?: string;
  exportedAt?: Date;
}

export interface EvidencePackResult {
  bytes: number;
  files: ZipEntryWritten[];
  verification: VerifyResult;
}

const FINAL = new Set(['PROCESSED', 'PARTIAL', 'ERROR', 'CANCELLED']);

/** A bulk change that has finished, so its pack holds every entry; refused otherwise. */
export function finishedBulkChange(
  db: Db,
  bulkChangeId: number,
): { title: string; status: string } {
  const bulk = db
    .prepare<[number], { title: string; status: string }>(
      'SELECT title, status FROM bulk_changes WHERE id = ?',
    )
    .get(bulkChangeId);
  if (!bulk)
    throw new CoreError(
      'not_found',
      `Bulk change ${bulkChangeId} does not exist in this workspace.`,
    );
  if (!FINAL.has(bulk.status)) {
    throw new CoreError(
      'conflict',
      `Bulk change ${bulkChangeId} is ${bulk.status}. Export its evidence pack once it has finished, so the pack holds every entry.`,
    );
  }
  return bulk;
}

// One path segment, safe in every unzip: no folders, no "..", nothing a shell or Windows rejects.
function safeName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base.replace(/[\p{Cc}:*?"<>|]/gu, '_').replace(/^\.+/, '_');
  return cleaned === '' ? 'file' : cleaned;
}

/**
 * Writes the evidence pack of a finished bulk change to `out` as a zip: the given reports under
 * reports/, the source file under source/ when it is given, chain-segment.jsonl,
 * verification.json (the whole chain checked now, and its head), SHA256SUMS and README.txt (how
 * to re-check all that with unzip, sha256sum and python3). The caller ends `out`.
 */
export async function buildEvidencePack(
  db: Db,
  bulkChangeId: number,
  files: EvidenceFile[],
  out: Writable,
  options: EvidencePackOptions = {},
): Promise<EvidencePackResult> {
  const bulk = finishedBulkChange(db, bulkChangeId);
  const reportNames = files.map((file) => `reports/${safeName(file.name)}`);
  const duplicate = reportNames.find((name, i) => reportNames.indexOf(name) !== i);
  if (duplicate)
    throw new CoreError(
      'invalid_request',
      `Two reports would both be saved as ${duplicate}; give them different names.`,
    );
  const sourceName =
    options.source?.content !== undefined ? `source/${safeName(options.source.name)}` : null;
  const exportedAt = options.exportedAt ?? new Date();
  const packName = options.packName ?? `evidence-bulk-change-${bulkChangeId}.zip`;

  // The head first, then the check: verification walks at least up to that head.
  const audit = new AuditLog(db);
  const head = audit.head();
  const verification = await audit.verify({ anchor: options.anchor });

  const zip = new ZipWriter(out, exportedAt);
  const written: ZipEntryWritten[] = [];
  const readme = evidenceReadme({
    bulkChangeId,
    title: bulk.title,
    packName,
    exportedAt: exportedAt.toISOString(),
    reportNames,
    sourceName,
    sourceRecordedOnly: options.source !== undefined && sourceName === null,
  });
  written.push(await zip.add('README.txt', readme));
  const segment: SegmentSummary = { entries: 0, firstId: null, lastId: null };
  written.push(await zip.add('chain-segment.jsonl', chainSegmentLines(db, bulkChangeId, segment)));
  for (const [i, file] of files.entries())
    written.push(await zip.add(reportNames[i]!, file.content));

  let sourceHash = options.source?.sha256 ?? null;
  if (sourceName && options.source?.content !== undefined) {
    const stored = await zip.add(sourceName, options.source.content);
    written.push(stored);
    if (sourceHash && sourceHash.toLowerCase() !== stored.sha256) {
      throw new CoreError(
        'conflict',
        `The source file ${options.source.name} is not the one imported: its SHA-256 differs from the one recorded at import.`,
      );
    }
    sourceHash = stored.sha256;
  }

  const record = {
    bulkChangeId,
    title: bulk.title,
    status: bulk.status,
    exportedAt: exportedAt.toISOString(),
    chainHead: { lastId: head.lastId, hash: head.hash, entries: head.count },
    verification,
    anchor: options.anchor ?? null,
    segment,
    source: options.source
      ? { name: options.source.name, sha256: sourceHash, included: sourceName !== null }
      : null,
  };
  written.push(await zip.add('verification.json', JSON.stringify(record, null, 2) + '\n'));
  const sums = written.map((file) => `${file.sha256}  ${file.name}\n`).join('');
  written.push(await zip.add('SHA256SUMS', sums));
  const bytes = await zip.finish();
  return { bytes, files: written, verification };
}

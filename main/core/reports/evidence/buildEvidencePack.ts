import { isFinalBulkStatus } from '../../../../shared/domain/changes';
import type { Writable } from 'node:stream';
import { AuditLog, type AuditAnchor, type VerifyResult } from '../../audit/auditLog';
import { CoreError } from '../../errors';
import type { Db } from '../../store/open';
import { chainSegmentLines, type SegmentSummary } from './chainSegment';
import { stopIfCancelled } from '../reportJobs';
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
  /** Cancel: the check, and the zip between chunks, stop with a `cancelled` error. */
  signal?: AbortSignal;
  /** How far the whole-log check has got. */
  onVerifyProgress?: (done: number, total: number) => void;
}

export interface EvidencePackResult {
  bytes: number;
  files: ZipEntryWritten[];
  verification: VerifyResult;
}

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
  if (!isFinalBulkStatus(bulk.status)) {
    throw new CoreError(
      'conflict',
      `Bulk change ${bulkChangeId} is ${bulk.status}. Export its evidence pack once it has finished, so the pack holds every entry.`,
    );
  }
  return bulk;
}

async function* stoppable(
  source: ZipSource,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array | string> {
  const chunks = typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    stopIfCancelled(signal, 'Writing the evidence pack');
    yield chunk;
  }
}

// Names over this many UTF-8 bytes make unzip fail ("File name too long") on common file systems.
const MAX_NAME_BYTES = 200;

/** Cuts a name to MAX_NAME_BYTES, keeping its extension and whole characters. */
function shortened(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let stem = '';
  for (const char of name.slice(0, name.length - extension.length)) {
    if (Buffer.byteLength(stem + char + '…' + extension) > MAX_NAME_BYTES) break;
    stem += char;
  }
  return `${stem}…${extension}`;
}

// One path segment, safe in every unzip: no folders, no "..", nothing a shell or Windows rejects.
function safeName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base
    .replace(/[\p{Cc}:*?"<>|]/gu, '_')
    .replace(/^\.+/, '_')
    .replace(/[. ]+$/, '_')
    .replace(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i, '_$1$2');
  return cleaned === '' ? 'file' : shortened(cleaned);
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
  const { signal } = options;
  const verification = await audit.verify({
    anchor: options.anchor,
    signal,
    onProgress: options.onVerifyProgress,
  });

  const zip = new ZipWriter(out, exportedAt);
  // Each entry is read through this, so Cancel stops the zip within a chunk.
  const add = (name: string, source: ZipSource) =>
    zip.add(name, signal ? stoppable(source, signal) : source);
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
  written.push(await add('README.txt', readme));
  const segment: SegmentSummary = { entries: 0, firstId: null, lastId: null };
  written.push(await add('chain-segment.jsonl', chainSegmentLines(db, bulkChangeId, segment)));
  for (const [i, file] of files.entries()) written.push(await add(reportNames[i]!, file.content));

  let sourceHash = options.source?.sha256 ?? null;
  if (sourceName && options.source?.content !== undefined) {
    const stored = await add(sourceName, options.source.content);
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
  written.push(await add('verification.json', JSON.stringify(record, null, 2) + '\n'));
  const sums = written.map((file) => `${file.sha256}  ${file.name}\n`).join('');
  written.push(await add('SHA256SUMS', sums));
  const bytes = await zip.finish();
  return { bytes, files: written, verification };
}

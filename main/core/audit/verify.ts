import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { GENESIS_HASH, entryHash, type EntryContent } from './chainHash';

/** `count` is how many entries checked out (before the broken one); `reason` is in desk words. */
export type VerifyResult =
  | { ok: true; count: number; headId: number; headHash: string }
  | { ok: false; count: number; firstBrokenId: number; reason: string };

/** A chain head recorded outside the database (printed on a report, exported). */
export interface AuditAnchor {
  lastId: number;
  hash: string;
}

export interface VerifyOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * A head recorded earlier: the entry with that id must still carry that hash. Without one, a
   * chain rewritten from its start, or cut short at its end, looks intact.
   */
  anchor?: AuditAnchor;
}

interface StoredEntry extends EntryContent {
  id: number;
  prev_hash: string;
  hash: string;
}

// Rows are read in chunks by keyset, each chunk to the end before yielding: an open better-sqlite3
// iterator blocks every write on the connection, and the engine writes on this same one.
const CHUNK = 10_000;

const missing = (n: number) =>
  n === 1 ? '1 entry is missing or was reordered' : `${n} entries are missing or were reordered`;

/**
 * Walks the log in id order up to the head it finds on starting, checking each entry's hash
 * against its content and its link to the entry before it. Names the first entry that fails.
 */
export async function verifyChain(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { onProgress, signal, anchor } = options;
  const bounds = db
    .prepare<[], { total: number; lastId: number }>(
      `SELECT (SELECT count(*) FROM bulk_change_log) AS total,
              coalesce((SELECT max(id) FROM bulk_change_log), 0) AS lastId`,
    )
    .get()!;
  const chunk = db.prepare<[number, number], StoredEntry>(
    `SELECT id, bulk_change_id, device_change_id, request_text, response_text, has_errors,
            response_status, processed_by, processed_at, prev_hash, hash
     FROM bulk_change_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ${CHUNK}`,
  );
  // An anchor taken from an empty log (lastId 0) is the genesis: every log extends it.
  let anchorAt = anchor && anchor.lastId > 0 ? anchor : null;
  const broken = (id: number, count: number, reason: string): VerifyResult => ({
    ok: false,
    count,
    firstBrokenId: id,
    reason,
  });
  if (anchor?.lastId === 0 && anchor.hash !== GENESIS_HASH) {
    return broken(
      0,
      0,
      `the recorded head 0:${anchor.hash} is not the empty log's head, whose hash is 64 zeros; check the head was copied whole`,
    );
  }

  let done = 0;
  let prevId = 0;
  let prevHash = GENESIS_HASH;
  for (;;) {
    if (signal?.aborted) {
      throw new CoreError(
        'cancelled',
        `Checking the audit log was cancelled after ${done.toLocaleString('en-US')} of ${bounds.total.toLocaleString('en-US')} entries.`,
      );
    }
    let read = 0;
    for (const row of chunk.iterate(prevId, bounds.lastId)) {
      read += 1;
      if (entryHash(row.prev_hash, row) !== row.hash) {
        return broken(
          row.id,
          done,
          `entry ${row.id} was changed after it was written (its hash does not match its content)`,
        );
      }
      if (row.prev_hash !== prevHash) {
        return broken(row.id, done, brokenLinkReason(row.id, prevId));
      }
      if (anchorAt && row.id >= anchorAt.lastId) {
        if (row.id > anchorAt.lastId) {
          return broken(
            anchorAt.lastId,
            done,
            `entry ${anchorAt.lastId}, the recorded head, is missing`,
          );
        }
        if (row.hash !== anchorAt.hash) {
          return broken(
            row.id,
            done,
            `entry ${row.id} no longer matches the recorded head: the log was rewritten up to it`,
          );
        }
        anchorAt = null;
      }
      done += 1;
      prevId = row.id;
      prevHash = row.hash;
    }
    onProgress?.(done, bounds.total);
    if (read < CHUNK || prevId === bounds.lastId) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (anchorAt && prevId < anchorAt.lastId) {
    return broken(
      anchorAt.lastId,
      done,
      `the log ends at entry ${prevId} but the recorded head is entry ${anchorAt.lastId}: entries were removed from its end`,
    );
  }
  return { ok: true, count: done, headId: prevId, headHash: prevHash };
}

function brokenLinkReason(id: number, prevId: number): string {
  if (prevId === 0) return `the first entry does not start the chain (entry ${id} is first)`;
  const gap = id - prevId - 1;
  return gap > 0
    ? `entry ${id} does not follow entry ${prevId}: ${missing(gap)}`
    : `entry ${id} does not follow entry ${prevId}: entries were reordered, or one was removed or rewritten`;
}

import { canonicalContent, type EntryContent } from '../../audit/chainHash';
import type { Db } from '../../store/open';

interface StoredEntry extends EntryContent {
  id: number;
  prev_hash: string;
  hash: string;
}

/** What the segment held, for verification.json. */
export interface SegmentSummary {
  entries: number;
  firstId: number | null;
  lastId: number | null;
}

// Keyset chunks, each read to its end before yielding: an open better-sqlite3 iterator blocks
// every write on the connection, and the engine may be writing on this one.
const CHUNK = 2_000;

/**
 * The audit log entries of one bulk change as JSON lines: id, prev_hash, hash and `content`, the
 * array chainHash.ts serialises and hashes, so `sha256(prev_hash + json(content)) == hash` can be
 * recomputed by any JSON library that writes compact, non-ASCII-escaping JSON. `summary` is
 * filled in as lines are read.
 */
export async function* chainSegmentLines(
  db: Db,
  bulkChangeId: number,
  summary: SegmentSummary,
): AsyncGenerator<string> {
  const chunk = db.prepare<[number, number], StoredEntry>(
    `SELECT id, bulk_change_id, device_change_id, request_text, response_text, has_errors,
            response_status, processed_by, processed_at, prev_hash, hash
     FROM bulk_change_log WHERE bulk_change_id = ? AND id > ? ORDER BY id LIMIT ${CHUNK}`,
  );
  let after = 0;
  for (;;) {
    const rows = chunk.all(bulkChangeId, after);
    // `content` is spliced in as chainHash.ts serialises it, so the bytes hashed are the bytes shown.
    const lines = rows.map(
      (row) =>
        `{"id":${row.id},"prev_hash":${JSON.stringify(row.prev_hash)},"hash":${JSON.stringify(row.hash)},"content":${canonicalContent(row)}}\n`,
    );
    if (rows.length > 0) {
      summary.entries += rows.length;
      summary.firstId ??= rows[0]!.id;
      summary.lastId = rows.at(-1)!.id;
      after = summary.lastId;
      yield lines.join('');
    }
    if (rows.length < CHUNK) return;
  }
}

import { createHash } from 'node:crypto';

/**
 * How a bulk change log entry is hashed, written so an auditor can re-implement it.
 *
 *   hash = lowercase hex of SHA-256( UTF-8 bytes of ( prev_hash + canonical ) )
 *
 * - `prev_hash` is the previous entry's `hash` (entries in ascending `id` order), and for the
 *   first entry the genesis value: 64 ASCII zeros.
 * - `canonical` is a JSON array of the entry's content in this fixed order:
 *     [bulk_change_id, device_change_id, request_text, response_text, has_errors,
 *      response_status, processed_by, processed_at]
 *   integers as JSON numbers, has_errors as 0 or 1, absent values as null, texts as JSON
 *   strings; no whitespace; characters outside ASCII written as themselves (not \u escapes);
 *   only `"`, `\` and U+0000–U+001F escaped, as \" \\ \b \f \n \r \t or lowercase \u00xx.
 *   That is JavaScript's JSON.stringify, and Python's
 *   json.dumps(row, ensure_ascii=False, separators=(',', ':')), for well-formed text. A lone
 *   UTF-16 surrogate, which JSON.stringify writes as \udxxx and Python cannot encode, is never
 *   hashed: the log stores it as U+FFFD, as SQLite's UTF-8 would anyway (auditLog.ts).
 * - `id` is not hashed: order is proven by the prev_hash links, not by id arithmetic.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of one entry, as stored in bulk_change_log. */
export interface EntryContent {
  bulk_change_id: number;
  device_change_id: number | null;
  request_text: string | null;
  response_text: string | null;
  has_errors: 0 | 1;
  response_status: string;
  processed_by: string;
  processed_at: string;
}

/** The canonical serialisation described above. */
export function canonicalContent(entry: EntryContent): string {
  return JSON.stringify([
    entry.bulk_change_id,
    entry.device_change_id,
    entry.request_text,
    entry.response_text,
    entry.has_errors,
    entry.response_status,
    entry.processed_by,
    entry.processed_at,
  ]);
}

/** The entry's hash given the hash of the entry before it. */
export function entryHash(prevHash: string, entry: EntryContent): string {
  return createHash('sha256')
    .update(prevHash + canonicalContent(entry), 'utf8')
    .digest('hex');
}

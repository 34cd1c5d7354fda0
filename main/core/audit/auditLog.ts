import type { Db } from '../store/open';
import { GENESIS_HASH, entryHash, type EntryContent } from './chainHash';
import { assertRedacted } from './secretGuard';
import { verifyChain, type VerifyOptions, type VerifyResult } from './verify';

export type { AuditAnchor, VerifyOptions, VerifyResult } from './verify';

/** One carrier request/response or device-change outcome, as the engine hands it over. */
export interface AuditEntryInput {
  bulkChangeId: number;
  deviceChangeId: number | null;
  /** Already redacted by the caller; append still refuses text that plainly holds a secret. */
  requestText: string | null;
  responseText: string | null;
  hasErrors: boolean;
  /** e.g. 'HTTP 200', 'SUCCEEDED', 'FAILED: throttled', 'NEEDS_REVIEW'. */
  responseStatus: string;
  /** The desk user's name, or 'engine'. */
  processedBy: string;
  /** ISO 8601; defaults to now. */
  processedAt?: string;
}

/** Where the chain ends now: print it on a report, and pass it to verify later as an anchor. */
export interface AuditHead {
  count: number;
  lastId: number;
  hash: string;
}

// SQLite stores text as UTF-8, which turns a lone UTF-16 surrogate into U+FFFD; hash what will
// be stored, or the entry would fail its own check when read back. (String.toWellFormed does
// the same, but our ES2023 lib does not declare it.)
const LONE_SURROGATE = /\p{Cs}/gu;
const stored = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');
const storedOrNull = (text: string | null) => (text === null ? null : stored(text));

function toContent(entry: AuditEntryInput): EntryContent {
  const refusing = `The audit log refused an entry for bulk change ${entry.bulkChangeId}`;
  assertRedacted(entry.requestText, 'request text', refusing);
  assertRedacted(entry.responseText, 'response text', refusing);
  assertRedacted(entry.responseStatus, 'response status', refusing);
  return {
    bulk_change_id: entry.bulkChangeId,
    device_change_id: entry.deviceChangeId,
    request_text: storedOrNull(entry.requestText),
    response_text: storedOrNull(entry.responseText),
    has_errors: entry.hasErrors ? 1 : 0,
    response_status: stored(entry.responseStatus),
    processed_by: stored(entry.processedBy),
    processed_at: stored(entry.processedAt ?? new Date().toISOString()),
  };
}

/**
 * The hash-chained, append-only bulk change log (see chainHash.ts for the hash an auditor can
 * recompute). One writer: the engine's connection.
 */
export class AuditLog {
  private readonly headStatement;
  private readonly countedHeadStatement;
  private readonly insertStatement;
  private readonly appendInTransaction;

  constructor(private readonly db: Db) {
    // The head is read inside every append rather than cached: a caller's transaction that rolls
    // back after an append would leave a cached head pointing at an entry that never was. The
    // read is one B-tree seek to the last rowid (test/bench/audit.ts measures it).
    this.headStatement = db.prepare<[], { id: number; hash: string }>(
      'SELECT id, hash FROM bulk_change_log ORDER BY id DESC LIMIT 1',
    );
    // Separate subqueries so count(*) walks the smallest index, not the 2 KB rows; one statement
    // so all three come from the same snapshot.
    this.countedHeadStatement = db.prepare<[], AuditHead>(
      `SELECT (SELECT count(*) FROM bulk_change_log) AS count,
              coalesce((SELECT max(id) FROM bulk_change_log), 0) AS lastId,
              coalesce((SELECT hash FROM bulk_change_log ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}') AS hash`,
    );
    this.insertStatement = db.prepare<[EntryContent & { prev_hash: string; hash: string }]>(
      `INSERT INTO bulk_change_log (bulk_change_id, device_change_id, request_text, response_text,
         has_errors, response_status, processed_by, processed_at, prev_hash, hash)
       VALUES (@bulk_change_id, @device_change_id, @request_text, @response_text,
         @has_errors, @response_status, @processed_by, @processed_at, @prev_hash, @hash)`,
    );
    this.appendInTransaction = db.transaction((contents: EntryContent[]) => this.write(contents));
  }

  /** Appends one entry, inside the caller's transaction if one is open. */
  append(entry: AuditEntryInput): { id: number; hash: string } {
    const content = [toContent(entry)];
    // Inside a caller's transaction the single INSERT needs no savepoint of its own; outside,
    // IMMEDIATE takes the write lock before the head is read, so no other connection can slip in.
    const written = this.db.inTransaction
      ? this.write(content)
      : this.appendInTransaction.immediate(content);
    return written[0]!;
  }

  /** Appends entries in order in one transaction (a savepoint inside the caller's): all or none. */
  appendMany(entries: AuditEntryInput[]): { id: number; hash: string }[] {
    const contents = entries.map(toContent);
    return this.appendInTransaction.immediate(contents);
  }

  /** The chain head to record outside the database: print it on reports, put it in exports. */
  head(): AuditHead {
    return this.countedHeadStatement.get()!;
  }

  /** Checks the whole chain, yielding to the event loop between chunks; see verify.ts. */
  verify(options?: VerifyOptions): Promise<VerifyResult> {
    return verifyChain(this.db, options);
  }

  private write(contents: EntryContent[]): { id: number; hash: string }[] {
    let prevHash = this.headStatement.get()?.hash ?? GENESIS_HASH;
    return contents.map((content) => {
      const hash = entryHash(prevHash, content);
      const { lastInsertRowid } = this.insertStatement.run({
        ...content,
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
      return { id: Number(lastInsertRowid), hash };
    });
  }
}

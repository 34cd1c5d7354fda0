import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { openStore } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace, storedRows } from './auditWorkspace';

const tempDir = useTempDir();

// Re-implemented from the description in chainHash.ts, as an auditor would.
const auditorHash = (row: ReturnType<typeof storedRows>[number]) =>
  createHash('sha256')
    .update(
      row.prev_hash +
        JSON.stringify([
          row.bulk_change_id,
          row.device_change_id,
          row.request_text,
          row.response_text,
          row.has_errors,
          row.response_status,
          row.processed_by,
          row.processed_at,
        ]),
    )
    .digest('hex');

describe('appending to the audit log', () => {
  it('links each entry to the one before it, from a genesis of 64 zeros, as documented for auditors', () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    const first = log.append(exchange(ws, 1));
    const [second, third] = log.appendMany([
      exchange(ws, 2, { hasErrors: true, responseStatus: 'FAILED: throttled' }),
      exchange(ws, 3, { deviceChangeId: null, requestText: null, processedBy: 'desk.alice' }),
    ]);

    const rows = storedRows(ws.db);
    expect(rows.map((r) => r.id)).toEqual([first.id, second!.id, third!.id]);
    expect(rows.map((r) => r.hash)).toEqual([first.hash, second!.hash, third!.hash]);
    expect(rows.map((r) => r.prev_hash)).toEqual(['0'.repeat(64), first.hash, second!.hash]);
    for (const row of rows) expect(auditorHash(row)).toBe(row.hash);
    expect(rows[1]).toMatchObject({ has_errors: 1, response_status: 'FAILED: throttled' });
    expect(rows[2]).toMatchObject({ device_change_id: null, request_text: null });
    ws.db.close();
  });

  it('stamps an entry with the current time when the caller gives none', () => {
    const ws = openAuditWorkspace(tempDir());
    const before = new Date().toISOString();
    new AuditLog(ws.db).append({ ...exchange(ws, 1), processedAt: undefined });
    const [row] = storedRows(ws.db);
    expect(row!.processed_at >= before && row!.processed_at <= new Date().toISOString()).toBe(true);
    ws.db.close();
  });

  it('verifies an intact log of thousands of entries and agrees with the head it reports', async () => {
    const ws = openAuditWorkspace(tempDir(), 50);
    const log = new AuditLog(ws.db);
    expect(log.head()).toEqual({ count: 0, lastId: 0, hash: '0'.repeat(64) });
    for (let batch = 0; batch < 30; batch += 1) {
      log.appendMany(Array.from({ length: 100 }, (_, i) => exchange(ws, batch * 100 + i)));
    }
    let last = { id: 0, hash: '' };
    for (let n = 3000; n < 3500; n += 1) last = log.append(exchange(ws, n));

    const result = await log.verify();
    expect(result).toEqual({ ok: true, count: 3500, headId: last.id, headHash: last.hash });
    expect(log.head()).toEqual({ count: 3500, lastId: last.id, hash: last.hash });
    ws.db.close();
  });

  it('continues the chain in a reopened workspace', async () => {
    const ws = openAuditWorkspace(tempDir());
    new AuditLog(ws.db).appendMany([exchange(ws, 1), exchange(ws, 2)]);
    const before = new AuditLog(ws.db).head();
    ws.db.close();

    const db = openStore(ws.file);
    const log = new AuditLog(db);
    expect(log.head()).toEqual(before);
    const next = log.append(exchange(ws, 3));
    expect(storedRows(db).at(-1)!.prev_hash).toBe(before.hash);
    expect(await log.verify()).toEqual({
      ok: true,
      count: 3,
      headId: next.id,
      headHash: next.hash,
    });
    db.close();
  });

  it('hashes text as SQLite stores it, so unusual characters still verify', async () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    log.append(
      exchange(ws, 1, {
        requestText: 'half an emoji \uD83D, a NUL \u0000, a tab\t and "quotes"',
        responseText: '{"message":"Gerät gesperrt – 端末 😀","line":"a\u2028b"}',
        processedBy: 'desk.zoë',
      }),
    );
    expect(storedRows(ws.db)[0]!.request_text).toBe(
      'half an emoji \uFFFD, a NUL \u0000, a tab\t and "quotes"',
    );
    expect((await log.verify()).ok).toBe(true);
    ws.db.close();
  });
});

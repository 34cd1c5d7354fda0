import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace, storedRows } from './auditWorkspace';

const tempDir = useTempDir();

describe('the log table itself', () => {
  it('refuses UPDATE and DELETE through SQL and keeps the entries as written', async () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    log.appendMany([exchange(ws, 1), exchange(ws, 2)]);
    const before = storedRows(ws.db);

    expect(() =>
      ws.db.prepare("UPDATE bulk_change_log SET response_status = 'HTTP 200' WHERE id = 2").run(),
    ).toThrow(/append-only/);
    expect(() => ws.db.prepare('DELETE FROM bulk_change_log WHERE id = 1').run()).toThrow(
      /append-only/,
    );
    expect(() =>
      ws.db
        .prepare(
          `INSERT INTO bulk_change_log (id, bulk_change_id, has_errors, response_status, processed_by, processed_at, prev_hash, hash)
           VALUES (1, ?, 0, 'x', 'x', 'x', 'x', 'x') ON CONFLICT (id) DO UPDATE SET response_status = 'x'`,
        )
        .run(ws.bulkChangeId),
    ).toThrow(/append-only/);

    expect(storedRows(ws.db)).toEqual(before);
    expect((await log.verify()).ok).toBe(true);
    ws.db.close();
  });
});

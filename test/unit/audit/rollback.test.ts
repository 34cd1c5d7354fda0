import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace, storedRows } from './auditWorkspace';

const tempDir = useTempDir();

describe('appending inside the caller’s transaction', () => {
  it('leaves the chain verifiable after the caller rolls back, and links the next entry to the last kept one', async () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    const kept = log.append(exchange(ws, 1));
    const settle = ws.db.transaction(() => {
      log.append(exchange(ws, 2));
      log.appendMany([exchange(ws, 3), exchange(ws, 4)]);
      throw new Error('the lease was lost before the outcome was written');
    });
    expect(() => settle()).toThrow(/lease was lost/);
    expect(log.head()).toMatchObject({ count: 1, hash: kept.hash });

    const next = log.append(exchange(ws, 5));
    expect(storedRows(ws.db).map((r) => r.prev_hash)).toEqual(['0'.repeat(64), kept.hash]);
    expect(await log.verify()).toEqual({
      ok: true,
      count: 2,
      headId: next.id,
      headHash: next.hash,
    });
    ws.db.close();
  });

  it('commits with the caller: entries written in its transaction are chained in order', async () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    const written = ws.db.transaction(() => [
      log.append(exchange(ws, 1)),
      ...log.appendMany([exchange(ws, 2), exchange(ws, 3)]),
      log.append(exchange(ws, 4)),
    ])();
    expect(storedRows(ws.db).map((r) => r.hash)).toEqual(written.map((w) => w.hash));
    expect(await log.verify()).toMatchObject({ ok: true, count: 4 });
    ws.db.close();
  });

  it('writes none of a batch that fails part-way, while the caller’s own transaction goes on', async () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    ws.db.transaction(() => {
      log.append(exchange(ws, 1));
      expect(() =>
        log.appendMany([exchange(ws, 2), exchange(ws, 3, { bulkChangeId: 999 })]),
      ).toThrow(/FOREIGN KEY/);
      log.append(exchange(ws, 4));
    })();
    expect(storedRows(ws.db).map((r) => r.response_text)).toEqual([
      exchange(ws, 1).responseText,
      exchange(ws, 4).responseText,
    ]);
    expect(await log.verify()).toMatchObject({ ok: true, count: 2 });
    ws.db.close();
  });
});

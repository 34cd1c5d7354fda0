import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { GENESIS_HASH, entryHash } from '../../../main/core/audit/chainHash';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace, storedRows } from './auditWorkspace';

const tempDir = useTempDir();

/** A log of 10 entries whose head was printed on a report, then 5 more entries. */
function reportedLog() {
  const ws = openAuditWorkspace(tempDir());
  const log = new AuditLog(ws.db);
  log.appendMany(Array.from({ length: 10 }, (_, i) => exchange(ws, i + 1)));
  const printed = log.head();
  log.appendMany(Array.from({ length: 5 }, (_, i) => exchange(ws, i + 11)));
  ws.db.exec('DROP TRIGGER bulk_change_log_no_update; DROP TRIGGER bulk_change_log_no_delete;');
  return { ...ws, log, printed };
}

describe('checking against a head recorded outside the database', () => {
  it('passes a log that only grew since the head was recorded', async () => {
    const { db, log, printed } = reportedLog();
    expect(await log.verify({ anchor: printed })).toMatchObject({ ok: true, count: 15 });
    expect(await log.verify({ anchor: { lastId: 0, hash: GENESIS_HASH } })).toMatchObject({
      ok: true,
    });
    db.close();
  });

  it('refuses a head at entry 0 that is not the empty log’s, whatever the log holds', async () => {
    const { db, log } = reportedLog();
    const forged = { lastId: 0, hash: 'abc'.padEnd(64, '0') };
    expect(await log.verify({ anchor: forged })).toEqual({
      ok: false,
      count: 0,
      firstBrokenId: 0,
      reason: `the recorded head 0:${forged.hash} is not the empty log's head, whose hash is 64 zeros; check the head was copied whole`,
    });
    db.close();
  });

  it('catches a chain recomputed from an edited entry onwards, which alone looks intact', async () => {
    const { db, log, printed } = reportedLog();
    const rewrite = db.prepare(
      'UPDATE bulk_change_log SET response_text = ?, prev_hash = ?, hash = ? WHERE id = ?',
    );
    let prevHash = storedRows(db)[2]!.prev_hash;
    for (const row of storedRows(db).slice(2)) {
      const content = row.id === 3 ? { ...row, response_text: '{"status":"ACTIVE"}' } : row;
      const hash = entryHash(prevHash, content);
      rewrite.run(content.response_text, prevHash, hash, row.id);
      prevHash = hash;
    }
    expect((await log.verify()).ok).toBe(true);
    expect(await log.verify({ anchor: printed })).toEqual({
      ok: false,
      count: 9,
      firstBrokenId: 10,
      reason: 'entry 10 no longer matches the recorded head: the log was rewritten up to it',
    });
    db.close();
  });

  it('catches the recorded entry removed and the chain re-linked around it', async () => {
    const { db, log, printed } = reportedLog();
    db.prepare('DELETE FROM bulk_change_log WHERE id = 10').run();
    const [ninth, ...after] = storedRows(db).slice(8);
    const relink = db.prepare('UPDATE bulk_change_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prevHash = ninth!.hash;
    for (const row of after) {
      const hash = entryHash(prevHash, row);
      relink.run(prevHash, hash, row.id);
      prevHash = hash;
    }
    expect((await log.verify()).ok).toBe(true);
    expect(await log.verify({ anchor: printed })).toMatchObject({
      ok: false,
      firstBrokenId: 10,
      reason: 'entry 10, the recorded head, is missing',
    });
    db.close();
  });

  it('catches a log cut short before the recorded head', async () => {
    const { db, log, printed } = reportedLog();
    db.prepare('DELETE FROM bulk_change_log WHERE id >= 8').run();
    expect((await log.verify()).ok).toBe(true);
    expect(await log.verify({ anchor: printed })).toEqual({
      ok: false,
      count: 7,
      firstBrokenId: 10,
      reason:
        'the log ends at entry 7 but the recorded head is entry 10: entries were removed from its end',
    });
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { entryHash } from '../../../main/core/audit/chainHash';
import type { Db } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace, storedRows, type AuditWorkspace } from './auditWorkspace';

const tempDir = useTempDir();

const CONTENT = `bulk_change_id, device_change_id, request_text, response_text, has_errors,
  response_status, processed_by, processed_at`;

/** Overwrites columns of one entry, as someone editing the file would. */
function rewrite(db: Db, id: number, values: Record<string, unknown>) {
  const columns = Object.keys(values);
  db.prepare(
    `UPDATE bulk_change_log SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
  ).run({ ...values, id });
}

/** A log of 20 entries (ids 1–20) whose triggers an attacker with the file has dropped. */
function exposedLog(): AuditWorkspace & { log: AuditLog } {
  const ws = openAuditWorkspace(tempDir());
  const log = new AuditLog(ws.db);
  log.appendMany(Array.from({ length: 20 }, (_, i) => exchange(ws, i + 1)));
  ws.db.exec('DROP TRIGGER bulk_change_log_no_update; DROP TRIGGER bulk_change_log_no_delete;');
  return { ...ws, log };
}

describe('finding tampering', () => {
  it('names an entry whose response was changed after it was written', async () => {
    const { db, log } = exposedLog();
    rewrite(db, 10, { response_text: '{"status":"ACTIVE"}' });
    expect(await log.verify()).toEqual({
      ok: false,
      count: 9,
      firstBrokenId: 10,
      reason: 'entry 10 was changed after it was written (its hash does not match its content)',
    });
    db.close();
  });

  it('names the first entry when it was edited', async () => {
    const { db, log } = exposedLog();
    rewrite(db, 1, { processed_by: 'someone.else' });
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBrokenId: 1,
      reason: 'entry 1 was changed after it was written (its hash does not match its content)',
    });
    db.close();
  });

  it('names the entry after a deleted one and says how many are missing', async () => {
    const { db, log } = exposedLog();
    db.prepare('DELETE FROM bulk_change_log WHERE id = 10').run();
    expect(await log.verify()).toEqual({
      ok: false,
      count: 9,
      firstBrokenId: 11,
      reason: 'entry 11 does not follow entry 9: 1 entry is missing or was reordered',
    });
    db.prepare('DELETE FROM bulk_change_log WHERE id IN (11, 12)').run();
    expect(await log.verify()).toMatchObject({
      firstBrokenId: 13,
      reason: 'entry 13 does not follow entry 9: 3 entries are missing or were reordered',
    });
    db.close();
  });

  it('says the chain has lost its start when its oldest entries were deleted', async () => {
    const { db, log } = exposedLog();
    db.prepare('DELETE FROM bulk_change_log WHERE id <= 2').run();
    expect(await log.verify()).toEqual({
      ok: false,
      count: 0,
      firstBrokenId: 3,
      reason: 'the first entry does not start the chain (entry 3 is first)',
    });
    db.close();
  });

  it('names the first of two entries whose contents were swapped', async () => {
    const { db, log } = exposedLog();
    const rows = storedRows(db);
    const { id: _five, prev_hash: _p5, hash: _h5, ...fifth } = rows[4]!;
    const { id: _fifteen, prev_hash: _p15, hash: _h15, ...fifteenth } = rows[14]!;
    rewrite(db, 5, fifteenth);
    rewrite(db, 15, fifth);
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBrokenId: 5,
      reason: 'entry 5 was changed after it was written (its hash does not match its content)',
    });
    db.close();
  });

  it('notices two entries moved whole, hashes and all', async () => {
    const { db, log } = exposedLog();
    const rows = storedRows(db);
    const { id: _five, ...fifth } = rows[4]!;
    const { id: _fifteen, ...fifteenth } = rows[14]!;
    rewrite(db, 15, { hash: 'about to move' });
    rewrite(db, 5, fifteenth);
    rewrite(db, 15, fifth);
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBrokenId: 5,
      reason:
        'entry 5 does not follow entry 4: entries were reordered, or one was removed or rewritten',
    });
    db.close();
  });

  it('catches an entry rewritten with a freshly computed hash at its link to the next one', async () => {
    const { db, log } = exposedLog();
    const row = storedRows(db)[9]!;
    const forged = { ...row, response_text: '{"status":"ACTIVE"}' };
    rewrite(db, 10, {
      response_text: forged.response_text,
      hash: entryHash(row.prev_hash, forged),
    });
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBrokenId: 11,
      reason:
        'entry 11 does not follow entry 10: entries were reordered, or one was removed or rewritten',
    });
    db.close();
  });

  it('refuses an INSERT OR REPLACE, and catches one made with recursive triggers switched off', async () => {
    const ws = openAuditWorkspace(tempDir());
    const log = new AuditLog(ws.db);
    log.appendMany(Array.from({ length: 5 }, (_, i) => exchange(ws, i + 1)));
    const row = storedRows(ws.db)[2]!;
    const replace = ws.db.prepare(
      `INSERT OR REPLACE INTO bulk_change_log (id, ${CONTENT}, prev_hash, hash)
         VALUES (@id, @bulk_change_id, @device_change_id, @request_text, '{"status":"ACTIVE"}',
           @has_errors, @response_status, @processed_by, @processed_at, @prev_hash, @hash)`,
    );
    expect(() => replace.run(row)).toThrow(/append-only/);
    // Someone with the file can switch the pragma off: the chain still shows it.
    ws.db.pragma('recursive_triggers = OFF');
    replace.run(row);
    expect(await log.verify()).toMatchObject({ ok: false, firstBrokenId: 3 });
    ws.db.close();
  });
});

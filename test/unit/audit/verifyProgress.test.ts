import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/core/audit/auditLog';
import { CoreError } from '../../../main/core/errors';
import { useTempDir } from '../../support/tempDir';
import { exchange, openAuditWorkspace } from './auditWorkspace';

const tempDir = useTempDir();

function logOf(entries: number) {
  const ws = openAuditWorkspace(tempDir(), 10);
  const log = new AuditLog(ws.db);
  log.appendMany(Array.from({ length: entries }, (_, i) => exchange(ws, i)));
  return { ...ws, log };
}

describe('checking a long log', () => {
  it('reports progress chunk by chunk and lets other work run in between', async () => {
    const { db, log } = logOf(25_000);
    const progress: [number, number][] = [];
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns += 1;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);

    const result = await log.verify({ onProgress: (done, total) => progress.push([done, total]) });
    spinning = false;

    expect(result).toMatchObject({ ok: true, count: 25_000 });
    expect(progress).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
      [25_000, 25_000],
    ]);
    expect(turns).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('stops when cancelled and says how far it got', async () => {
    const { db, log } = logOf(25_000);
    const controller = new AbortController();
    const checking = log.verify({
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(checking).rejects.toBeInstanceOf(CoreError);
    await expect(checking).rejects.toMatchObject({
      code: 'cancelled',
      message: 'Checking the audit log was cancelled after 10,000 of 25,000 entries.',
    });
    db.close();
  });

  it('lets the engine keep appending while a check runs, and checks up to the head it started from', async () => {
    const ws = openAuditWorkspace(tempDir(), 10);
    const log = new AuditLog(ws.db);
    log.appendMany(Array.from({ length: 15_000 }, (_, i) => exchange(ws, i)));
    let appended = 0;
    const result = await log.verify({
      onProgress: () => {
        log.append(exchange(ws, 20_000 + appended));
        appended += 1;
      },
    });
    expect(result).toMatchObject({ ok: true, count: 15_000 });
    expect(appended).toBe(2);
    expect(await log.verify()).toMatchObject({ ok: true, count: 15_002 });
    ws.db.close();
  });

  it('finds nothing wrong with an empty log', async () => {
    const { db, log } = logOf(0);
    const progress: number[] = [];
    expect(await log.verify({ onProgress: (done) => progress.push(done) })).toEqual({
      ok: true,
      count: 0,
      headId: 0,
      headHash: '0'.repeat(64),
    });
    expect(progress).toEqual([0]);
    db.close();
  });
});

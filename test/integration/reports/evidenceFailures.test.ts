import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportEvidencePack } from '../../../main/core/reports/evidence/exportEvidencePack';
import { exportReport, exportReportTo } from '../../../main/core/reports/exportReport';
import { openStore, type Db } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { useTempDir } from '../../support/tempDir';
import { readmeCommands, runProcedure } from './auditorProcedure';
import { seedBigReport } from './bigReport';

// One finished 3,000-device bulk change; each test works on its own copy of the workspace.
const tempDir = useTempDir();
const seeded = useTempDir('file')();
let bulkChangeId: number;
beforeAll(async () => {
  bulkChangeId = await seedBigReport(seeded, 3_000);
});
let db: Db | undefined;
afterEach(() => db?.close());

function workspace(): { db: Db; dir: string } {
  const dir = tempDir();
  copyFileSync(databaseFile(seeded), databaseFile(dir));
  db = openStore(databaseFile(dir));
  return { db, dir };
}

/** Files this process still holds open under `dir`: what a failed export must not leave. */
const openUnder = (dir: string) =>
  readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));

describe('an evidence pack that cannot be finished leaves nothing behind', () => {
  it('says in words when the chosen folder does not exist, before making any report', async () => {
    const { db, dir } = workspace();
    const path = join(dir, 'gone', 'pack.zip');
    const steps: string[] = [];
    await expect(
      exportEvidencePack(db, {
        bulkChangeId,
        path,
        onProgress: (_d, _t, step) => steps.push(step),
      }),
    ).rejects.toThrow(
      `The folder for ${path} does not exist (any more); choose another place to save it.`,
    );
    expect(steps).toEqual([]);
    expect(readdirSync(join(dir, 'reports'))).toEqual([]);
  });

  it('stops on Cancel after the reports are written, during the check and the zip', async () => {
    for (const lateStep of [
      'Checking the audit log',
      'Writing bulk-change-1.pdf (report 3 of 3)',
    ]) {
      const { db, dir } = workspace();
      const cancel = new AbortController();
      const packing = exportEvidencePack(db, {
        bulkChangeId,
        signal: cancel.signal,
        onProgress: (done, total, step) => {
          if (step === lateStep && done === total) cancel.abort();
        },
      });
      await expect(packing, lateStep).rejects.toMatchObject({ code: 'cancelled' });
      expect(readdirSync(join(dir, 'reports')), lateStep).toEqual([]);
      expect(openUnder(join(dir, 'reports')), lateStep).toEqual([]);
      db.close();
    }
  });

  it('holds to the README procedure under a name with spaces, an apostrophe and ü', async () => {
    const { db, dir } = workspace();
    const saveTo = join(dir, 'chosen');
    mkdirSync(saveTo);
    const path = join(saveTo, "Müller's pack (2).zip");
    const pack = await exportEvidencePack(db, { bulkChangeId, path });
    expect(pack).toMatchObject({ fileName: "Müller's pack (2).zip", rows: 3_000 });
    const readme = spawnSync('unzip', ['-p', path, 'README.txt'], { encoding: 'utf8' }).stdout;
    expect(readme).toContain(`$ unzip -q 'Müller'\\''s pack (2).zip' -d evidence`);
    const run = runProcedure(readmeCommands(readme), saveTo);
    expect(run.output).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
  });
});

describe('exports side by side', () => {
  it('gives two exports of one report in the same second their own files', async () => {
    const { db, dir } = workspace();
    const report = { kind: 'bulkChange' as const, bulkChangeId };
    const both = await Promise.all([
      exportReport(db, report, 'csv'),
      exportReport(db, report, 'csv'),
    ]);
    expect(new Set(both.map((file) => file.fileName)).size).toBe(2);
    expect(both.map((file) => file.rows)).toEqual([3_000, 3_000]);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(
      both.map((file) => file.fileName).sort(),
    );
  });

  it('names the folder that is missing instead of failing with a system error', async () => {
    const { db, dir } = workspace();
    const path = join(dir, 'nowhere', 'report.xlsx');
    await expect(
      exportReportTo(db, { kind: 'bulkChange', bulkChangeId }, 'xlsx', path),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: `The folder for ${path} does not exist (any more); choose another place to save it.`,
    });
  });
});

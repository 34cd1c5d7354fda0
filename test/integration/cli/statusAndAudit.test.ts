import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFile } from '../../../main/core/workspace/paths';
import { useTempDir } from '../../support/tempDir';
import { iccids, initWorkspace, jsonLines, runCli, suspendArgs } from './cliProcess';

const tempDir = useTempDir();
const RUNS_A_CHANGE = 60_000;

const suspend = (data: string, device: string) => runCli(suspendArgs(data, '--ids', device));

describe('carrier-ops status', () => {
  it(
    'lists the latest bulk changes, newest first, and says when there is no such one',
    async () => {
      const data = await initWorkspace(tempDir());
      for (const device of iccids(data, 'active', 2)) {
        const run = await suspend(data, device);
        expect(run.code, run.stderr).toBe(0);
      }
      const status = await runCli(['status', '--data', data]);
      expect(status.code).toBe(0);
      expect(jsonLines(status).map((s) => [s.type, s.id, s.status])).toEqual([
        ['summary', 2, 'PROCESSED'],
        ['summary', 1, 'PROCESSED'],
      ]);

      const missing = await runCli(['status', '99', '--data', data]);
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toBe('There is no bulk change 99.');
    },
    RUNS_A_CHANGE,
  );
});

describe('carrier-ops verify-audit', () => {
  it(
    'reports an intact log with its head, and names the entry someone changed',
    async () => {
      const data = await initWorkspace(tempDir());
      const [device] = iccids(data, 'active', 1);
      expect((await suspend(data, device!)).code).toBe(0);

      const intact = await runCli(['verify-audit', '--data', data]);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/^Audit log intact: \d+ entries, head \d+:[0-9a-f]{64}\n$/);
      const head = /head (\d+:[0-9a-f]{64})/.exec(intact.stdout)![1]!;
      const anchored = await runCli(['verify-audit', '--head', head, '--data', data]);
      expect(anchored.stdout.trim()).toBe(
        `${intact.stdout.trim()}; entry ${head.split(':')[0]} still carries the recorded hash`,
      );
      const empty = `0:${'0'.repeat(64)}`;
      const genesis = await runCli(['verify-audit', '--head', empty, '--data', data]);
      expect(genesis.code).toBe(0);
      expect(genesis.stdout).toBe(intact.stdout);
      const forged = `0:abc${'0'.repeat(61)}`;
      const notGenesis = await runCli(['verify-audit', '--head', forged, '--data', data]);
      expect(notGenesis.code).toBe(4);
      expect(notGenesis.stdout.trim()).toBe(
        `Audit log broken at entry 0: the recorded head ${forged} is not the empty log's head, whose hash is 64 zeros; check the head was copied whole`,
      );

      const db = new Database(databaseFile(data));
      db.exec('DROP TRIGGER bulk_change_log_no_update');
      db.prepare("UPDATE bulk_change_log SET response_text = 'edited' WHERE id = 1").run();
      db.close();

      const broken = await runCli(['verify-audit', '--data', data]);
      expect(broken.code).toBe(4);
      expect(broken.stdout.trim()).toBe(
        'Audit log broken at entry 1: entry 1 was changed after it was written (its hash does not match its content)',
      );
    },
    RUNS_A_CHANGE,
  );
});

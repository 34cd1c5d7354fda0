import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../shared/identifiers';
import { useTempDir } from '../../support/tempDir';
import {
  bulkChangeCount,
  iccids,
  initWorkspace,
  jsonLines,
  runCli,
  statusesOf,
  suspendArgs,
} from './cliProcess';

const tempDir = useTempDir();
const suspend = (data: string, ...args: string[]) => runCli(suspendArgs(data, ...args));
// These run a bulk change against the simulators to its end: a few seconds of carrier polling.
const RUNS_A_CHANGE = 60_000;

describe('carrier-ops submit --dry-run', () => {
  it('lists what would change and what is refused, writes nothing, and exits 2', async () => {
    const data = await initWorkspace(tempDir());
    const active = iccids(data, 'active', 3);
    const [suspended] = iccids(data, 'suspended', 1);
    const file = join(data, 'suspend.csv');
    writeFileSync(file, `iccid\n${active.join('\n')}\n\n${suspended}\n8999\n`);

    const run = await suspend(data, '--file', file, '--dry-run');

    expect(run.code).toBe(2);
    for (const iccid of active)
      expect(run.stdout).toContain(`  ${iccid}  status: active → suspended`);
    expect(run.stdout).toMatch(
      new RegExp(`REFUSED line 6 of suspend\\.csv \\(${suspended}\\): .*is suspended`),
    );
    expect(run.stdout).toMatch(/REFUSED line 7 of suspend\.csv \(8999\): No device/);
    expect(run.stdout).toContain('3 would change, 2 refused. Nothing was written.');
    expect(bulkChangeCount(data)).toBe(0);
    expect(statusesOf(data, active)).toEqual(['active', 'active', 'active']);
    expect((await runCli(['status', '--data', data])).lines).toEqual([]);
  });

  it('exits 0 when every device can take the change', async () => {
    const data = await initWorkspace(tempDir());
    const active = iccids(data, 'active', 2);
    const run = await suspend(data, '--ids', active.join(','), '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 would change, 0 refused. Nothing was written.');
    expect(bulkChangeCount(data)).toBe(0);
  });

  it('reads an ICCID swap list, its header in any spelling, and plans each swap', async () => {
    const data = await initWorkspace(tempDir());
    const [onThingSpace] = iccids(data, 'active', 1, 'thingspace');
    const [onPond] = iccids(data, 'active', 1, 'pond');
    const fresh = (n: number) => `890141099999999910${n}`;
    const newIccid = (n: number) => fresh(n) + luhnCheckDigit(fresh(n));
    const swaps = join(data, 'swaps.csv');
    writeFileSync(
      swaps,
      `ICCID;New ICCID;newImei\n${onThingSpace};${newIccid(1)};\n${onPond};${newIccid(2)};\n`,
    );

    const run = await runCli([
      'submit',
      '--data',
      data,
      '--type',
      'identifierChange',
      '--swaps',
      swaps,
      '--dry-run',
    ]);

    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`  ${onThingSpace}  iccid: ${onThingSpace} → ${newIccid(1)}`);
    expect(run.stdout).toMatch(
      new RegExp(`REFUSED line 3 of swaps\\.csv \\(${onPond}\\): .*can't swap an ICCID`),
    );
    expect(bulkChangeCount(data)).toBe(0);
  });
});

describe('carrier-ops submit', () => {
  it(
    'suspends ten devices, printing JSON progress lines that end with a PROCESSED summary',
    async () => {
      const data = await initWorkspace(tempDir());
      const active = iccids(data, 'active', 10);

      const run = await suspend(data, '--ids', active.join(','), '--title', 'Winter');

      expect(run.code, run.stderr).toBe(0);
      const lines = jsonLines(run);
      expect(lines[0]).toMatchObject({ type: 'created', accepted: 10, refused: [] });
      expect(lines.slice(1, -1).every((l) => l.type === 'progress')).toBe(true);
      expect(lines.at(-1)).toMatchObject({
        type: 'summary',
        title: 'Winter',
        status: 'PROCESSED',
        counts: { SUCCEEDED: 10 },
      });
      expect(statusesOf(data, active)).toEqual(Array(10).fill('suspended'));
    },
    RUNS_A_CHANGE,
  );

  it('refuses the whole change when a device is refused, naming its line, and queues nothing', async () => {
    const data = await initWorkspace(tempDir());
    const active = iccids(data, 'active', 2);
    const [suspended] = iccids(data, 'suspended', 1);
    const file = join(data, 'devices.txt');
    writeFileSync(file, `${active[0]}\n${suspended}\n${active[1]}\n`);

    const run = await suspend(data, '--file', file);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("1 of 3 devices can't take this change:");
    expect(run.stderr).toContain(
      `line 2 of devices.txt (${suspended}): ICCID ${suspended} is suspended`,
    );
    expect(run.stderr).toContain('--allow-refused');
    expect(run.stdout).toBe('');
    expect(bulkChangeCount(data)).toBe(0);
  });

  it(
    'goes ahead without the refused device with --allow-refused',
    async () => {
      const data = await initWorkspace(tempDir());
      const active = iccids(data, 'active', 2);
      const [suspended] = iccids(data, 'suspended', 1);

      const run = await suspend(
        data,
        '--allow-refused',
        '--ids',
        [active[0], suspended, active[1]].join(','),
      );

      expect(run.code, run.stderr).toBe(0);
      const lines = jsonLines(run);
      expect(lines[0]).toMatchObject({
        type: 'created',
        accepted: 2,
        refused: [{ row: 2, value: suspended, origin: 'item 2 of --ids' }],
      });
      expect(lines.at(-1)).toMatchObject({ type: 'summary', status: 'PROCESSED' });
      expect(statusesOf(data, [...active, suspended!])).toEqual(Array(3).fill('suspended'));
    },
    RUNS_A_CHANGE,
  );
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../main/core/workspace/paths';
import { startExternalCarriers, type ExternalCarriers } from '../../support/externalCarriers';
import { useTempDir } from '../../support/tempDir';
import { iccids, initWorkspace, runCli, startCli, suspendArgs } from '../cli/cliProcess';
import { csvRows } from './readBack';
import { changeAtCarrier } from './reconcileWorkspace';

/** `carrier-ops reconcile <args>` as a script runs it; `interruptWhen` presses Ctrl-C on a stderr line. */
async function reconcileCli(args: string[], interruptWhen?: RegExp) {
  const cli = startCli(['reconcile', ...args]);
  if (interruptWhen) {
    await cli.untilStderr(interruptWhen);
    cli.interrupt();
  }
  return cli.result;
}

// One workspace with one finished suspend of Cisco lines, its carriers run by this test.
const tempDir = useTempDir('file');
let data: string;
let devices: string[];
let bulkId: string;
let carriers: ExternalCarriers;
beforeAll(async () => {
  data = await initWorkspace(tempDir());
  devices = iccids(data, 'active', 12, 'jasper');
  const run = await runCli(suspendArgs(data, '--ids', devices.join(',')));
  bulkId = /"bulkChangeId":(\d+)/.exec(run.stdout)![1]!;
  carriers = await startExternalCarriers(databaseFile(data));
});
afterAll(() => carriers.close());

describe('carrier-ops reconcile', () => {
  it('prints the counts and exits 0 when every device matches the carrier', async () => {
    const run = await reconcileCli([bulkId, '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Reconciliation #1 of bulk change #${bulkId}: complete\n12 devices: 12 matching, 0 differing, 0 not checked\n`,
    );
    expect(run.stderr).toMatch(/Asking the carriers: 100% 12\/12/);
  });

  it('lists the differences, writes the report to --out and exits 4', async () => {
    await changeAtCarrier(carriers.sims.get('jasper')!, 'jasper', devices[5]!, 'restore');
    const out = join(data, 'reconciliation.csv');
    const run = await reconcileCli([bulkId, '--data', data, '--out', out, '--time-zone', 'UTC']);
    expect(run.code).toBe(4);
    expect(run.stdout.split('\n')).toEqual([
      `Reconciliation #2 of bulk change #${bulkId}: complete`,
      '12 devices: 11 matching, 1 differing, 0 not checked',
      expect.stringMatching(
        new RegExp(
          `^  ${devices[5]}  Differs: Status: ours suspended, carrier active \\(ACTIVATED\\); Outcome: we recorded the suspend as done`,
        ),
      ),
      `Wrote 12 rows to ${out}`,
      '',
    ]);
    const rows = csvRows(out);
    expect(rows[0]![1]).toMatch(new RegExp(`^Reconciliation of bulk change #${bulkId} — `));
    const table = rows.slice(rows.findIndex((row) => row[0] === 'ICCID'));
    expect(table[1]![0]).toBe(devices[5]);
  });

  it('stops asking on Ctrl-C, keeps what was asked and exits 130', async () => {
    const writer = new Database(databaseFile(data));
    writer
      .prepare("UPDATE carrier_accounts SET max_concurrency = 1 WHERE carrier = 'jasper'")
      .run();
    writer.close();
    carriers.sims.get('jasper')!.setFaults({ latencyMs: 250 });
    const run = await reconcileCli([bulkId, '--data', data], /Asking the carriers: [1-9]0%/);
    carriers.sims.get('jasper')!.setFaults({ latencyMs: 0 });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/Stopping: the devices already asked are kept/);
    expect(run.stdout).toMatch(/^Reconciliation #3 of bulk change #\d+: cancelled part way\n/);
    expect(run.stdout).toMatch(/Not checked: Not asked: the reconciliation was cancelled/);
  });

  it('refuses with exit 2 and what to type: no id, an out file with no format, an unknown change', async () => {
    const bad = [
      [['--data', data], /reconcile needs the bulk change's id/],
      [
        [bulkId, '--data', data, '--out', join(data, 'r.txt')],
        /must end in \.xlsx, \.csv or \.pdf/,
      ],
      [[bulkId, '--data', data, '--time-zone', 'Mars/Olympus'], /--time-zone: Not a time zone/],
      [['999', '--data', data], /There is no bulk change 999\./],
    ] as const;
    for (const [args, message] of bad) {
      const run = await reconcileCli([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import {
  iccids,
  initWorkspace,
  jsonLines,
  runCli,
  startCli,
  statusesOf,
  suspendArgs,
} from './cliProcess';

const tempDir = useTempDir();
const RUNS_A_CHANGE = 60_000;

/**
 * Starts suspending every active Cisco Control Center device (one device per call at 5 calls
 * a second: several seconds of work) and presses Ctrl-C at its first progress line.
 */
async function interruptedSuspend(data: string) {
  const devices = iccids(data, 'active', 1000, 'jasper');
  const cli = startCli(suspendArgs(data, '--ids', devices.join(',')));
  const created = JSON.parse(await cli.line((l) => l.includes('"type":"created"'))) as {
    bulkChangeId: number;
  };
  await cli.line((l) => l.includes('"type":"progress"'));
  cli.interrupt();
  return { devices, id: created.bulkChangeId, run: await cli.result };
}

describe('carrier-ops pause, resume, cancel', () => {
  it(
    'pauses on Ctrl-C with how to resume, and resume runs the rest to the end',
    async () => {
      const data = await initWorkspace(tempDir());
      const { devices, id, run } = await interruptedSuspend(data);

      expect(run.code).toBe(130);
      expect(run.stderr).toContain(`Resume it with \`carrier-ops resume ${id}\``);
      expect(jsonLines(run).at(-1)).toMatchObject({ type: 'summary', id, paused: true });

      const status = await runCli(['status', String(id), '--data', data]);
      expect(status.code).toBe(0);
      expect(jsonLines(status)).toEqual([expect.objectContaining({ id, paused: true })]);
      expect(statusesOf(data, devices)).toContain('active');

      const resumed = await runCli(['resume', String(id), '--data', data]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(jsonLines(resumed).at(-1)).toMatchObject({
        type: 'summary',
        status: 'PROCESSED',
        paused: false,
        counts: { SUCCEEDED: devices.length },
      });
      expect(new Set(statusesOf(data, devices))).toEqual(new Set(['suspended']));

      const pauseAfter = await runCli(['pause', String(id), '--data', data]);
      expect(pauseAfter.code).toBe(2);
      expect(pauseAfter.stderr).toContain(`Bulk change ${id} has finished`);
    },
    RUNS_A_CHANGE,
  );

  it(
    'cancels what a paused bulk change has not sent yet',
    async () => {
      const data = await initWorkspace(tempDir());
      const { id, run } = await interruptedSuspend(data);
      expect(run.code).toBe(130);

      const cancelled = await runCli(['cancel', String(id), '--data', data]);
      expect(cancelled.code, cancelled.stderr).toBe(0);
      const [summary] = jsonLines(cancelled) as [{ status: string; counts: { CANCELLED: number } }];
      expect(summary).toMatchObject({ type: 'summary', id, status: 'CANCELLED' });
      expect(summary.counts.CANCELLED).toBeGreaterThan(0);

      const again = await runCli(['cancel', String(id), '--data', data]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("so it can't be cancelled");
    },
    RUNS_A_CHANGE,
  );
});

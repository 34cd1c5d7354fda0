import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract/workspace';
import { DEAD_AFTER_MS, startRun } from '../../../main/core/reports/reconcile/liveRuns';
import {
  finishRun,
  latestReconciliationId,
  saveRows,
} from '../../../main/core/reports/reconcile/runs';
import { useTempDir } from '../../support/tempDir';
import { sandboxCore } from '../../support/sandboxCore';
import { deskWorkspace, refusal, type DeskWorkspace } from '../bulkView/deskWorkspace';
import { active, readReport } from './reconcileWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
let other: Database.Database | undefined;
afterEach(async () => {
  other?.close();
  other = undefined;
  await ws?.close();
  ws = undefined;
});

/** Resolves once a reconciliation started after now has asked about some devices. */
function untilAskingAgain(desk: DeskWorkspace) {
  const from = desk.events.length;
  return desk.untilEvent(
    (m) =>
      desk.events.indexOf(m) >= from &&
      m.event === 'workspace:progress' &&
      (m.payload as Progress).task === 'reports:reconcile' &&
      (m.payload as Progress).done > 0,
  );
}

/** Another process on the same workspace (the CLI beside the app), with its own connection. */
function anotherProcess(desk: DeskWorkspace) {
  other = new Database(desk.db.name);
  other.pragma('busy_timeout = 5000');
  return other;
}

describe('a reconciliation still asking the carriers', () => {
  it('is listed and reported as running, kept out of "latest", and a second run of the change is refused naming it', async () => {
    ws = await deskWorkspace(tempDir());
    ws.oneCallAtATime('jasper');
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, active(ws, 'jasper', 30));
    const first = await ws.call('reports:reconcile', { bulkChangeId: id });
    ws.sim('jasper').setFaults({ latencyMs: 60 });

    const asking = untilAskingAgain(ws);
    const second = ws.call('reports:reconcile', { bulkChangeId: id });
    await asking;
    const { runs } = await ws.call('reports:reconciliations', { bulkChangeId: id });
    expect(runs.map((r) => [r.reconciliationId, r.state, r.finishedAt])).toEqual([
      [first.reconciliationId + 1, 'running', null],
      [first.reconciliationId, 'complete', first.finishedAt],
    ]);
    // An evidence pack made now takes the finished run, not the half-asked one.
    expect(latestReconciliationId(ws.db, id)).toBe(first.reconciliationId);
    const report = await readReport(ws, first.reconciliationId + 1);
    expect(report.summary.get('State')).toMatch(/^Running: \d+ of 30 asked so far/);
    expect(report.summary.get('Run finished')).toBe('');
    expect(new Set(report.rows.map((r) => r.ICCID)).size).toBe(30);

    const refused = await refusal(ws.call('reports:reconcile', { bulkChangeId: id }));
    expect(refused).toEqual({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `^Bulk change ${id} is being reconciled now \\(run #${first.reconciliationId + 1}, started by desk at .+\\); wait for it to finish or cancel it\\.$`,
        ),
      ),
    });

    await ws.call('reports:cancel', {});
    expect((await second).state).toBe('cancelled');
    expect(latestReconciliationId(ws.db, id)).toBe(first.reconciliationId + 1);
  });

  it('is closed as cancelled once the process asking has died, and left alone while that process lives', async () => {
    const data = tempDir();
    ws = await deskWorkspace(data);
    const dead = await ws.run('statusUpdate', { action: 'suspend' }, active(ws, 'jasper', 3));
    const live = await ws.run('statusUpdate', { action: 'suspend' }, active(ws, 'pond', 3));
    const cli = anotherProcess(ws);
    const crashed = startRun(cli, dead.id, 'night.shift');
    const asking = startRun(cli, live.id, 'night.shift');
    // The crashed process's last heartbeat is older than a live one ever gets.
    cli
      .prepare('UPDATE reconciliations SET heartbeat_at = ? WHERE id = ?')
      .run(new Date(Date.now() - DEAD_AFTER_MS - 1_000).toISOString(), crashed);

    // Opening the workspace (the app starting) closes the dead run only.
    const opened = sandboxCore(data, {
      sandboxDevices: undefined,
      keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
    });
    await opened.core.close();
    const state = ws.db.prepare('SELECT state, finished_at FROM reconciliations WHERE id = ?');
    expect(state.get(crashed)).toEqual({ state: 'cancelled', finished_at: expect.any(String) });
    expect(state.get(asking)).toEqual({ state: 'running', finished_at: null });

    const report = await readReport(ws, crashed);
    expect(report.summary.get('State')).toMatch(/^Cancelled: stopped part way/);
    expect(report.rows.map((r) => r['Lookup error'])).toEqual(
      Array(3).fill(
        'Not asked: the reconciliation stopped when the app or command running it closed or crashed.',
      ),
    );
    const again = await ws.call('reports:reconcile', { bulkChangeId: dead.id });
    expect(again).toMatchObject({ state: 'complete', matching: 3 });

    const refused = await refusal(ws.call('reports:reconcile', { bulkChangeId: live.id }));
    expect(refused.message).toMatch(
      new RegExp(`\\(run #${asking}, started by night\\.shift at .+\\); wait for it`),
    );
    finishRun(cli, asking, false);
    expect(await ws.call('reports:reconcile', { bulkChangeId: live.id })).toMatchObject({
      state: 'complete',
    });
  });

  it('refuses to keep a carrier answer that still holds a credential, and says so without echoing it', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = active(ws, 'jasper', 1);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    const cli = anotherProcess(ws);
    const run = startRun(cli, id, 'desk');
    const deviceChangeId = ws.deviceChange(id, devices[0]!).id as number;
    const leaked = {
      deviceChangeId,
      ours: { iccid: devices[0]!, imei: null, msisdn: null, status: 'suspended', ratePlan: null },
      carrier: null,
      verdict: 'not_checked' as const,
      differences: null,
      askedAt: new Date().toISOString(),
      lookupError: 'POND said 401 to {"apiKey":"sk-live-0123456789"}',
    };
    let refused: Error | undefined;
    try {
      saveRows(cli, { reconciliationId: run, bulkChangeId: id }, [leaked]);
    } catch (error) {
      refused = error as Error;
    }
    expect(refused?.message).toMatch(
      new RegExp(
        `^The reconciliation of bulk change ${id} refused to keep an answer: its lookup error for ICCID ${devices[0]!} still holds a password, key or token`,
      ),
    );
    expect(refused?.message).not.toContain('sk-live');
    expect(
      ws.db
        .prepare('SELECT lookup_error FROM reconciliation_rows WHERE reconciliation_id = ?')
        .all(run),
    ).toEqual([{ lookup_error: null }]);
  });
});

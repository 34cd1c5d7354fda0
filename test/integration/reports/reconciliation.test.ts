import { afterEach, describe, expect, it } from 'vitest';
import { latestReconciliationId } from '../../../main/core/reports/reconcile/runs';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from '../bulkView/deskWorkspace';
import { csvRows, workbookSheets } from './readBack';
import {
  active,
  changeAtCarrier,
  changeInOurStore,
  readReport,
  untilAsking,
} from './reconcileWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

describe('reconciling a finished bulk change with the carriers', () => {
  it('finds every device matching after a clean suspend, and lists the run', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = [...active(ws, 'jasper', 2), ...active(ws, 'pond', 2)];
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);

    const run = await ws.call('reports:reconcile', { bulkChangeId: id });
    expect(run).toMatchObject({
      bulkChangeId: id,
      state: 'complete',
      devices: 4,
      matching: 4,
      differences: 0,
      notChecked: 0,
    });
    expect(run.finishedAt).not.toBeNull();
    expect(ws.events).toContainEqual({
      event: 'workspace:progress',
      payload: { task: 'reports:reconcile', label: 'Asking the carriers', done: 4, total: 4 },
    });
    expect(await ws.call('reports:reconciliations', { bulkChangeId: id })).toEqual({ runs: [run] });
    expect(latestReconciliationId(ws.db, id)).toBe(run.reconciliationId);

    const report = await readReport(ws, run.reconciliationId);
    expect(report.page.title).toMatch(new RegExp(`^Reconciliation of bulk change #${id} — `));
    expect(report.summary.get('State')).toMatch(/^Complete/);
    expect(report.summary.get('Matching')).toBe('4');
    expect(report.summary.get('Run started')).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$/);
    expect([...report.summary].filter(([label]) => /^(Cisco|POND)/.test(label))).toEqual([
      [
        expect.stringMatching(/^Cisco Control Center/),
        '2 devices: 2 matching, 0 differing, 0 not checked',
      ],
      [expect.stringMatching(/^POND/), '2 devices: 2 matching, 0 differing, 0 not checked'],
    ]);
    for (const row of report.rows) {
      expect(row).toMatchObject({
        Verdict: 'Matches',
        'Outcome (ours)': 'SUCCEEDED',
        Differences: '',
      });
      expect(row['Status ours']).toBe('suspended');
      expect(row['Status at carrier']).toMatch(/^suspended \(\w+\)$/);
      expect(row['Carrier plan at carrier']).toBe(row['Carrier plan ours']);
    }
  });

  it('lists exactly the device changed at the carrier and the one changed in our store, in words', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = active(ws, 'jasper', 4);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    const [atCarrier, inStore] = devices as [string, string];
    await changeAtCarrier(ws.sim('jasper'), 'jasper', atCarrier, 'restore');
    changeInOurStore(ws, "UPDATE devices SET status = 'active' WHERE iccid = ?", inStore);

    const run = await ws.call('reports:reconcile', { bulkChangeId: id });
    expect(run).toMatchObject({ state: 'complete', matching: 2, differences: 2, notChecked: 0 });
    const report = await readReport(ws, run.reconciliationId);
    expect(
      report.rows
        .slice(0, 2)
        .map((r) => r.ICCID)
        .sort(),
    ).toEqual([atCarrier, inStore].sort());
    expect(report.row(atCarrier)).toMatchObject({
      Verdict: 'Differs',
      'Status at carrier': 'active (ACTIVATED)',
    });
    expect(report.row(atCarrier).Differences).toMatch(
      /^Status: ours suspended, carrier active \(ACTIVATED\); Outcome: we recorded the suspend as done; the carrier shows the device active \(ACTIVATED\)/,
    );
    expect(report.row(inStore)).toMatchObject({
      Verdict: 'Differs',
      'Status ours': 'active',
      Differences: 'Status: ours active, carrier suspended (DEACTIVATED)',
    });
    expect(report.rows.slice(2).every((r) => r.Verdict === 'Matches')).toBe(true);
  });

  it('marks a device not checked, with the carrier’s reason, when its lookup is refused or keeps failing', async () => {
    ws = await deskWorkspace(tempDir());
    const cisco = active(ws, 'jasper', 2);
    const pond = active(ws, 'pond', 1);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, [...cisco, ...pond]);
    // Our record now holds a SIM Cisco has never heard of; POND answers every call with a 503.
    const unknown = '89011703278100000006';
    changeInOurStore(ws, 'UPDATE devices SET iccid = ? WHERE iccid = ?', unknown, cisco[0]);
    ws.sim('pond').setFaults({ errorRate: 1 });

    const run = await ws.call('reports:reconcile', { bulkChangeId: id });
    expect(run).toMatchObject({ state: 'complete', matching: 1, differences: 0, notChecked: 2 });
    const report = await readReport(ws, run.reconciliationId);
    expect(report.rows.map((r) => r.Verdict)).toEqual(['Not checked', 'Not checked', 'Matches']);
    const refused = report.row(unknown);
    expect(refused['Lookup error']).toMatch(/Invalid ICCID/);
    expect(refused['Asked at']).not.toBe('');
    expect(report.row(pond[0]!)['Lookup error']).toMatch(/^Asked 3 times: .*POND/);
    expect(report.row(pond[0]!)['Lookup error']).not.toMatch(/will be retried/);
  });

  it('keeps what was asked when cancelled mid-run and lists the rest as not checked', async () => {
    ws = await deskWorkspace(tempDir());
    ws.oneCallAtATime('jasper');
    const devices = active(ws, 'jasper', 30);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    ws.sim('jasper').setFaults({ latencyMs: 60 });

    const running = ws.call('reports:reconcile', { bulkChangeId: id });
    await untilAsking(ws);
    expect(await ws.call('reports:cancel', {})).toEqual({ cancelled: true });
    const run = await running;
    expect(run.state).toBe('cancelled');
    expect(run.matching).toBeGreaterThan(0);
    expect(run.notChecked).toBeGreaterThan(0);
    expect(run.matching + run.notChecked).toBe(30);

    const report = await readReport(ws, run.reconciliationId);
    expect(report.summary.get('State')).toMatch(/^Cancelled: stopped part way/);
    const notAsked = report.rows.filter((r) => r.Verdict === 'Not checked');
    expect(notAsked).toHaveLength(run.notChecked);
    for (const row of notAsked) {
      expect(row['Lookup error']).toBe(
        'Not asked: the reconciliation was cancelled before this device.',
      );
      expect(row['Asked at']).toBe('');
    }
  });

  it('exports the report differences first, the same cell by cell in xlsx and csv', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = active(ws, 'jasper', 3);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    await changeAtCarrier(ws.sim('jasper'), 'jasper', devices[2]!, 'restore');
    const { reconciliationId } = await ws.call('reports:reconcile', { bulkChangeId: id });

    const spec = { kind: 'reconciliation', reconciliationId, timeZone: 'Europe/Paris' } as const;
    const xlsx = (await ws.call('reports:export', { report: spec, format: 'xlsx' }))!;
    const csv = (await ws.call('reports:export', { report: spec, format: 'csv' }))!;
    expect(xlsx).toMatchObject({
      rows: 3,
      fileName: expect.stringMatching(/^bulk-change-\d+-reconciliation-\d+.*\.xlsx$/),
    });
    const page = await ws.call('reports:reconciliation', {
      reconciliationId,
      timeZone: 'Europe/Paris',
    });
    expect(page.rows[0]![0]).toBe(devices[2]);
    const head = [['Report', page.title], ...page.summary.map((l) => [l.label, l.value])];
    const table = [page.columns, ...page.rows];
    const book = workbookSheets(xlsx.path);
    expect(book.sheets.get('Summary')).toEqual(head);
    expect(book.sheets.get('Devices')).toEqual(table);
    expect(csvRows(csv.path)).toEqual([...head, [''], ...table]);
  });

  it('refuses a bulk change still running, and names an unknown one', async () => {
    ws = await deskWorkspace(tempDir());
    ws.sim('jasper').setFaults({ latencyMs: 300 });
    const created = await ws.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices: active(ws, 'jasper', 2),
      submit: true,
    });
    expect(
      await refusal(ws.call('reports:reconcile', { bulkChangeId: created.bulkChangeId })),
    ).toEqual({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `^Bulk change ${created.bulkChangeId} is (QUEUED|PROCESSING): reconcile it once it has finished`,
        ),
      ) as string,
    });
    expect(
      await ws.call('reports:reconciliations', { bulkChangeId: created.bulkChangeId }),
    ).toEqual({ runs: [] });
    await ws.untilFinal(created.bulkChangeId);
    expect(await refusal(ws.call('reports:reconcile', { bulkChangeId: 999 }))).toEqual({
      code: 'not_found',
      message: 'There is no bulk change 999.',
    });
    expect(
      await refusal(ws.call('reports:reconciliation', { reconciliationId: 999 })),
    ).toMatchObject({
      code: 'not_found',
    });
  });
});

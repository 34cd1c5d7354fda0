import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, type DeskWorkspace } from '../bulkView/deskWorkspace';
import { active, changeAtCarrier, readReport } from './reconcileWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

describe('reconciling each outcome and change type with the carrier', () => {
  it('says what the carrier shows for a failed row it applied anyway and for rows needing review', async () => {
    ws = await deskWorkspace(tempDir());
    ws.oneCallAtATime('pond');
    const [failing, ...others] = active(ws, 'pond', 2) as [string, string];
    ws.sim('pond').setFaults({ deviceFailures: { [failing]: 'Line under fraud hold' } });
    const suspended = await ws.run('statusUpdate', { action: 'suspend' }, [failing, ...others]);
    expect(suspended.final.counts).toMatchObject({ SUCCEEDED: 1, FAILED: 1 });
    ws.sim('pond').setFaults({ deviceFailures: {} });
    await changeAtCarrier(ws.sim('pond'), 'pond', failing, 'suspend');

    const run = await ws.call('reports:reconcile', { bulkChangeId: suspended.id });
    expect(run).toMatchObject({ matching: 1, differences: 1 });
    const failed = (await readReport(ws, run.reconciliationId)).row(failing);
    expect(failed['Outcome (ours)']).toBe('FAILED');
    expect(failed.Differences).toMatch(
      /^Status: ours active, carrier suspended \(DISABLED\); Outcome: we recorded the suspend as FAILED, but the carrier shows the device suspended \(DISABLED\).*as if it was applied$/,
    );

    // A POND plan move that stops half way: the new package's activation and its undo both fail.
    const plan = ws.db
      .prepare(
        "SELECT p.code FROM carrier_rate_plans p JOIN carrier_accounts a ON a.id = p.carrier_account_id WHERE a.carrier = 'pond' AND p.active = 1 ORDER BY p.id DESC LIMIT 1",
      )
      .pluck()
      .get() as string;
    const [stuck] = ws.iccids(
      "a.carrier = 'pond' AND d.status = 'active' AND d.carrier_rate_plan_id IS NOT (SELECT id FROM carrier_rate_plans WHERE code = ? AND carrier_account_id = a.id)",
      1,
      plan,
    ) as [string];
    const first = ws.sim('pond').callCount();
    ws.sim('pond').setFaults({ failCalls: [first + 3, first + 4] });
    const moved = await ws.run('carrierRatePlanChange', { ratePlan: plan }, [stuck]);
    expect(moved.final.counts).toMatchObject({ NEEDS_REVIEW: 1 });
    ws.sim('pond').setFaults({ failCalls: [] });

    const review = await ws.call('reports:reconcile', { bulkChangeId: moved.id });
    expect(review).toMatchObject({ differences: 1 });
    const row = (await readReport(ws, review.reconciliationId)).row(stuck);
    expect(row['Outcome (ours)']).toBe('NEEDS_REVIEW');
    expect(row.Differences).toMatch(
      new RegExp(
        `Needs review: the carrier shows the device active \\(ACTIVE\\) on plan (?!${plan}\\b)\\S+: the move to plan ${plan} was not applied; retry the row or close it as failed`,
      ),
    );
  });

  it('still compares status, plan and identifiers for a change kept only in our store, and says so', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = ws.iccids(
      "a.carrier IN ('jasper', 'pond') AND d.status = 'active' AND d.customer_id IS NOT NULL",
      3,
    );
    const plan = ws.db
      .prepare(
        'SELECT p.id FROM customer_rate_plans p JOIN customers c ON c.tenant_id = p.tenant_id JOIN devices d ON d.customer_id = c.id WHERE d.iccid = ? ORDER BY p.id LIMIT 1',
      )
      .pluck()
      .get(devices[0]) as number;
    const created = await ws.call('bulk:create', {
      changeType: 'customerRatePlanChange',
      params: { customerRatePlanId: plan },
      devices,
      submit: true,
      allowRefused: true,
    });
    await ws.untilFinal(created.bulkChangeId);
    const [moved] = created.accepted.map((a) => a.iccid) as [string];
    const carrier = ws.db
      .prepare(
        'SELECT a.carrier FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE d.iccid = ?',
      )
      .pluck()
      .get(moved) as 'jasper' | 'pond';
    await changeAtCarrier(ws.sim(carrier), carrier, moved, 'suspend');

    const run = await ws.call('reports:reconcile', { bulkChangeId: created.bulkChangeId });
    expect(run).toMatchObject({ devices: created.accepted.length, differences: 1, notChecked: 0 });
    const report = await readReport(ws, run.reconciliationId);
    expect(report.summary.get('Compared')).toMatch(
      /^Status, carrier rate plan and identifiers\. Customer rate plan .* is kept only in our records/i,
    );
    expect(report.row(moved).Differences).toMatch(
      /^Status: ours active, carrier suspended \(\w+\)$/,
    );
  });
});

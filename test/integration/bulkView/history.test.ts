import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../../shared/contract';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, type DeskWorkspace } from './deskWorkspace';

const tempDir = useTempDir('file');
let ws: DeskWorkspace;

/** A day on this computer's calendar, `offset` days from today, as the desk types it. */
const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const ids = {} as Record<'suspend' | 'plan' | 'billing' | 'draft' | 'imported', number>;

beforeAll(async () => {
  ws = await deskWorkspace(tempDir(), 'Ana Lopez');
  const cisco = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 2);
  ws.sim('jasper').setFaults({ deviceFailures: { [cisco[1]!]: 'SIM is locked' } });
  ids.suspend = (await ws.run('statusUpdate', { action: 'suspend' }, cisco)).id;
  const [pondLine] = ws.iccids(
    "a.carrier = 'pond' AND d.status = 'active' AND d.carrier_rate_plan_id IS NOT (SELECT max(id) FROM carrier_rate_plans WHERE carrier_account_id = a.id)",
    1,
  );
  const pondPlan = ws.db
    .prepare(
      "SELECT p.code FROM carrier_rate_plans p JOIN carrier_accounts a ON a.id = p.carrier_account_id WHERE a.carrier = 'pond' ORDER BY p.id DESC LIMIT 1",
    )
    .pluck()
    .get() as string;
  ids.plan = (await ws.run('carrierRatePlanChange', { ratePlan: pondPlan }, [pondLine!])).id;
  const plan = ws.db
    .prepare('SELECT id FROM customer_rate_plans ORDER BY id LIMIT 1')
    .pluck()
    .get();
  const billed = ws.iccids(
    'd.customer_id IS NOT NULL AND d.customer_rate_plan_id IS NOT ?',
    2,
    plan,
  );
  ids.billing = (await ws.run('customerRatePlanChange', { customerRatePlanId: plan }, billed)).id;
  ids.draft = (
    await ws.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices: ws.iccids("a.carrier = 'thingspace' AND d.status = 'active'", 1),
    })
  ).bulkChangeId;
  const [fromFile] = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 1);
  const sheet = await ws.call('import:open', {
    source: {
      kind: 'upload',
      name: 'acme-suspend.csv',
      base64: Buffer.from(`ICCID,Target status\r\n${fromFile}\r\n`).toString('base64'),
    },
  });
  await ws.call('import:check', {
    importId: sheet.importId,
    mapping: sheet.mapping,
    setup: { changeType: 'statusUpdate', params: { action: 'suspend' } },
  });
  const submitted = await ws.call('import:submit', { importId: sheet.importId });
  ids.imported = submitted.bulkChangeIds[0]!;
  await ws.untilFinal(ids.imported);
});
afterAll(async () => {
  await ws.close();
});

const history = (filter: RequestOf<'bulk:history'> = {}) => ws.call('bulk:history', filter);
const idsOf = async (filter: RequestOf<'bulk:history'>) =>
  (await history(filter)).entries.map((e) => e.id);

describe('the history of bulk changes', () => {
  it('lists every change newest first with its final counts, the carriers it called and its file', async () => {
    const all = await history();
    expect(all.total).toBe(5);
    expect(all.entries.map((e) => e.id)).toEqual([
      ids.imported,
      ids.draft,
      ids.billing,
      ids.plan,
      ids.suspend,
    ]);
    const byId = new Map(all.entries.map((e) => [e.id, e]));
    expect(byId.get(ids.suspend)).toMatchObject({
      changeType: 'statusUpdate',
      status: 'PARTIAL',
      createdBy: 'Ana Lopez',
      carriers: ['jasper'],
      total: 2,
      counts: { SUCCEEDED: 1, FAILED: 1, PENDING: 0 },
      sourceName: null,
      completedAt: expect.any(String),
    });
    expect(byId.get(ids.plan)).toMatchObject({
      status: 'PROCESSED',
      carriers: ['pond'],
      sandbox: true,
    });
    // A billing change is made in our store only: no carrier was called, so nothing to rehearse.
    expect(byId.get(ids.billing)).toMatchObject({
      status: 'PROCESSED',
      carriers: [],
      total: 2,
      sandbox: false,
    });
    expect(byId.get(ids.draft)).toMatchObject({
      status: 'DRAFT',
      carriers: ['thingspace'],
      counts: { PENDING: 1 },
      completedAt: null,
    });
    expect(byId.get(ids.imported)).toMatchObject({ sourceName: 'acme-suspend.csv' });
    expect(await ws.call('bulk:detail', { bulkChangeId: ids.imported })).toMatchObject({
      sourceName: 'acme-suspend.csv',
    });
  });

  it('filters by status, type, carrier, user and calendar day, and pages', async () => {
    expect(await idsOf({ statuses: ['PARTIAL', 'DRAFT'] })).toEqual([ids.draft, ids.suspend]);
    expect(
      await idsOf({ changeTypes: ['carrierRatePlanChange', 'customerRatePlanChange'] }),
    ).toEqual([ids.billing, ids.plan]);
    expect(await idsOf({ carriers: ['jasper', 'pond'] })).toEqual([
      ids.imported,
      ids.plan,
      ids.suspend,
    ]);
    expect(await idsOf({ carriers: ['telegence'] })).toEqual([]);
    expect(await idsOf({ changeTypes: ['statusUpdate'], carriers: ['thingspace'] })).toEqual([
      ids.draft,
    ]);
    expect((await history({ createdBy: ' lopez ' })).total).toBe(5);
    expect((await history({ createdBy: 'bob' })).total).toBe(0);
    expect((await history({ from: day(0), to: day(0) })).total).toBe(5);
    expect((await history({ from: day(1) })).total).toBe(0);
    expect((await history({ to: day(-1) })).total).toBe(0);
    const page = await history({ offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.id)).toEqual([ids.draft, ids.billing]);
    expect(await history({ offset: 10 })).toEqual({ total: 5, entries: [] });
  });
});

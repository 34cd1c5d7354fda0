import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from './deskWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

/** A day on this computer's calendar, `offset` days from today, as the desk types it. */
const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const startOf = (localDay: string) => {
  const [y, m, d] = localDay.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toISOString();
};

/**
 * Three active, billed devices with a plan change on day +10, one of them moved again on day +20,
 * one also in a draft and one in a submitted (paused) status change.
 */
async function crowdedSchedule(desk: DeskWorkspace) {
  const [first, second] = desk.db
    .prepare('SELECT id, code FROM customer_rate_plans ORDER BY id LIMIT 2')
    .all() as { id: number; code: string }[];
  const devices = desk.iccids(
    "d.status = 'active' AND d.customer_id IS NOT NULL AND d.customer_rate_plan_id NOT IN (?, ?)",
    3,
    first!.id,
    second!.id,
  );
  const [a, b, c] = devices as [string, string, string];
  const soon = await desk.call('bulk:create', {
    changeType: 'customerRatePlanChange',
    params: { customerRatePlanId: first!.id, effectiveDate: day(10) },
    devices,
    submit: true,
  });
  const later = await desk.call('bulk:create', {
    changeType: 'customerRatePlanChange',
    params: { customerRatePlanId: second!.id, effectiveDate: day(20) },
    devices: [a],
    submit: true,
  });
  const draft = await desk.call('bulk:create', {
    changeType: 'statusUpdate',
    params: { action: 'suspend' },
    devices: [b],
  });
  const held = await desk.call('bulk:create', {
    changeType: 'statusUpdate',
    params: { action: 'suspend' },
    devices: [c],
  });
  await desk.call('bulk:pause', { bulkChangeId: held.bulkChangeId });
  await desk.call('bulk:submit', { bulkChangeId: held.bulkChangeId });
  const rowOf = async (bulkChangeId: number, iccid: string) =>
    (await desk.call('bulk:rows', { bulkChangeId, search: iccid })).rows[0]!;
  return {
    a,
    b,
    c,
    plans: [first!, second!],
    soon: soon.bulkChangeId,
    later: later.bulkChangeId,
    draft: draft.bulkChangeId,
    held: held.bulkChangeId,
    rowOf,
  };
}

describe('scheduled changes', () => {
  it('lists every future-dated change by due date, flagging devices with another change open', async () => {
    ws = await deskWorkspace(tempDir());
    const s = await crowdedSchedule(ws);
    const planCode = (iccid: string) =>
      ws!.db
        .prepare(
          'SELECT p.code FROM devices d JOIN customer_rate_plans p ON p.id = d.customer_rate_plan_id WHERE d.iccid = ?',
        )
        .pluck()
        .get(iccid) as string;

    const list = await ws.call('schedule:list', {});
    expect(list.total).toBe(4);
    expect(list.entries.map((e) => [e.bulkChangeId, e.iccid, e.dueAt, e.conflict])).toEqual([
      [s.soon, s.a, startOf(day(10)), `also in bulk change #${s.later}, due ${day(20)}`],
      [s.soon, s.b, startOf(day(10)), `also in draft bulk change #${s.draft}`],
      [s.soon, s.c, startOf(day(10)), `also in running bulk change #${s.held}`],
      [s.later, s.a, startOf(day(20)), `also in bulk change #${s.soon}, due ${day(10)}`],
    ]);
    expect(list.entries[0]).toMatchObject({
      changeType: 'customerRatePlanChange',
      bulkTitle: 'Customer rate plan change of 3 devices',
      carrier: expect.any(String),
      sandbox: true,
      changes: [{ field: 'customerRatePlan', from: planCode(s.a), to: s.plans[0]!.code }],
    });
    const page = await ws.call('schedule:list', { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.entries.map((e) => e.iccid)).toEqual([s.b, s.c]);
    const row = await s.rowOf(s.soon, s.a);
    expect(row).toMatchObject({ status: 'PENDING', dueAt: startOf(day(10)), attempts: 0 });
  });

  it('cancels waiting rows with who did it, closes a change left with nothing to do, and refuses rows that moved on', async () => {
    ws = await deskWorkspace(tempDir());
    const s = await crowdedSchedule(ws);
    const soonA = await s.rowOf(s.soon, s.a);
    const soonB = await s.rowOf(s.soon, s.b);
    const laterA = await s.rowOf(s.later, s.a);
    const heldC = await s.rowOf(s.held, s.c);
    const cancel = (...deviceChangeIds: number[]) =>
      ws!.call('schedule:cancel', { deviceChangeIds });
    const again = 'Nothing was cancelled; refresh the schedule and choose again.';

    expect(await refusal(cancel(soonA.deviceChangeId, heldC.deviceChangeId, 99_999))).toEqual({
      code: 'conflict',
      message: `There is no device change 99999. ICCID ${s.c} (device change ${heldC.deviceChangeId}) is not a scheduled change; cancel it from bulk change #${s.held} instead. ${again}`,
    });
    expect((await s.rowOf(s.soon, s.a)).status).toBe('PENDING');

    expect(await cancel(laterA.deviceChangeId)).toEqual({ cancelled: 1 });
    expect(await ws.call('bulk:get', { bulkChangeId: s.later })).toMatchObject({
      status: 'CANCELLED',
      counts: { CANCELLED: 1 },
    });
    await ws.untilProgress(s.later, (p) => p.status === 'CANCELLED');
    expect(await refusal(cancel(laterA.deviceChangeId))).toEqual({
      code: 'conflict',
      message: `ICCID ${s.a} (device change ${laterA.deviceChangeId}) is no longer waiting: it was already cancelled. ${again}`,
    });

    expect(await cancel(soonB.deviceChangeId, soonB.deviceChangeId)).toEqual({ cancelled: 1 });
    expect(await s.rowOf(s.soon, s.b)).toMatchObject({
      status: 'CANCELLED',
      dueAt: null,
      lastError: 'Cancelled from the schedule by desk before its date; nothing was sent.',
    });
    expect((await ws.call('bulk:get', { bulkChangeId: s.soon })).status).toBe('QUEUED');
    const history = await ws.call('bulk:deviceHistory', { deviceChangeId: soonB.deviceChangeId });
    expect(history.at(-1)).toMatchObject({
      status: 'CANCELLED FROM SCHEDULE',
      by: 'desk',
      request: 'desk cancelled 1 scheduled row before its date.',
    });
    const kept = ws.db
      .prepare(
        'SELECT device_change_id AS id, status FROM customer_rate_plan_schedule ORDER BY device_change_id',
      )
      .all();
    expect(kept).toEqual([
      { id: soonA.deviceChangeId, status: 'SCHEDULED' },
      { id: soonB.deviceChangeId, status: 'CANCELLED' },
      { id: expect.any(Number), status: 'SCHEDULED' },
      { id: laterA.deviceChangeId, status: 'CANCELLED' },
    ]);

    const list = await ws.call('schedule:list', {});
    expect(list.entries.map((e) => [e.iccid, e.conflict])).toEqual([
      [s.a, null],
      [s.c, `also in running bulk change #${s.held}`],
    ]);
    expect(await ws.call('audit:verify', {})).toMatchObject({ ok: true });
  });
});

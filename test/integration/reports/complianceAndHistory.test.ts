import { afterEach, describe, expect, it } from 'vitest';
import { demoIccid } from '../../../main/core/workspace/demoDevices';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from '../bulkView/deskWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => dayOf(Date.now());
const daysAgo = (n: number) => dayOf(Date.now() - n * DAY);

describe('the compliance report', () => {
  it('lists who changed what over a range of days, narrowed by carrier, change type, outcome and user', async () => {
    ws = await deskWorkspace(tempDir());
    const cisco = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 3);
    const pond = ws.iccids(
      "a.carrier = 'pond' AND d.status = 'active' AND d.carrier_rate_plan_id IS NOT (SELECT id FROM carrier_rate_plans WHERE code = 'POND-NA-1GB')",
      2,
    );
    ws.sim('jasper').setFaults({
      deviceFailures: { [cisco[0]!]: 'SIM is locked by the customer' },
    });
    // Taken before the changes run: a run that crosses UTC midnight still falls in the range.
    const before = Date.now();
    const suspend = await ws.run('statusUpdate', { action: 'suspend' }, cisco.slice(0, 2));
    const plan = await ws.run('carrierRatePlanChange', { ratePlan: 'POND-NA-1GB' }, pond);
    const range = { from: dayOf(before), to: today(), timeZone: 'UTC' };
    const col = (page: { columns: string[] }, name: string) => page.columns.indexOf(name);

    const all = await ws.call('reports:compliance', range);
    expect(all.total).toBe(4);
    expect(all.summary).toContainEqual({ label: 'Filters', value: 'None' });
    expect(new Set(all.rows.map((r) => r[col(all, 'Bulk change')]))).toEqual(
      new Set([String(suspend.id), String(plan.id)]),
    );
    expect(all.rows.every((r) => r[col(all, 'Submitted by')] === 'desk')).toBe(true);
    expect(all.rows.every((r) => /Z$|\+00:00$/.test(r[col(all, 'When')]!))).toBe(true);

    const cisoOnly = await ws.call('reports:compliance', { ...range, carrier: 'jasper' });
    expect(cisoOnly.rows.map((r) => r[col(cisoOnly, 'ICCID')])).toEqual(cisco.slice(0, 2));
    expect(cisoOnly.summary).toContainEqual({ label: 'Carrier', value: 'Cisco Control Center' });

    const failed = await ws.call('reports:compliance', { ...range, outcome: 'FAILED' });
    expect(
      failed.rows.map((r) => [r[col(failed, 'ICCID')], r[col(failed, 'Error reason')]]),
    ).toEqual([[cisco[0], expect.stringContaining('SIM is locked by the customer')]]);

    const plans = await ws.call('reports:compliance', {
      ...range,
      changeType: 'carrierRatePlanChange',
    });
    expect(plans.rows.map((r) => r[col(plans, 'ICCID')])).toEqual(pond);
    expect(plans.rows[0]![col(plans, 'Change type')]).toBe('Carrier rate plan change');

    expect((await ws.call('reports:compliance', { ...range, user: 'someone-else' })).total).toBe(0);
    const earlier = { from: dayOf(before - 3 * DAY), to: dayOf(before - DAY), timeZone: 'UTC' };
    expect((await ws.call('reports:compliance', earlier)).total).toBe(0);
  });

  it('refuses a range whose end is before its start, saying to swap the days', async () => {
    ws = await deskWorkspace(tempDir());
    const refused = await refusal(ws.call('reports:compliance', { from: today(), to: daysAgo(2) }));
    expect(refused.code).toBe('invalid_request');
    expect(refused.message).toMatch(/swap the two days/);
  });
});

describe('the device history report', () => {
  it('finds every change of a device by the ICCID it had before a swap, and by its new one', async () => {
    ws = await deskWorkspace(tempDir());
    const [former] = ws.iccids("a.carrier = 'telegence' AND d.status = 'active'", 1);
    const swapped = demoIccid('8901410', 900_001);
    await ws.run('identifierChange', { swaps: [{ iccid: former, newIccid: swapped }] }, [former!]);
    await ws.run('statusUpdate', { action: 'suspend' }, [swapped]);

    for (const identifier of [former!, swapped]) {
      const history = await ws.call('reports:deviceHistory', { identifier, timeZone: 'UTC' });
      const summary = new Map(history.summary.map((line) => [line.label, line.value]));
      expect(summary.get('ICCID now')).toBe(swapped);
      expect(summary.get('Former ICCIDs and IMEIs')).toBe(former);
      expect(summary.get('Carrier')).toBe('AT&T Telegence');
      const at = (name: string) => history.columns.indexOf(name);
      expect(
        history.rows.map((r) => [r[at('Change type')], r[at('ICCID')], r[at('Outcome')]]),
      ).toEqual([
        ['ICCID/IMEI change', former, 'SUCCEEDED'],
        ['Status update', swapped, 'SUCCEEDED'],
      ]);
      expect(history.rows[0]![at('Before → after')]).toBe(`iccid: ${former} → ${swapped}`);
    }
  });

  it('says plainly when no device has or had the number asked for', async () => {
    ws = await deskWorkspace(tempDir());
    const refused = await refusal(
      ws.call('reports:deviceHistory', { identifier: '8901000000000000000' }),
    );
    expect(refused).toMatchObject({ code: 'not_found' });
    expect(refused.message).toMatch(/No device has or had .* 8901000000000000000/);
  });

  it('reads the number as a pasted id is read: spaces, typographic dashes, a leading +', async () => {
    ws = await deskWorkspace(tempDir());
    const [iccid] = ws.iccids("a.carrier = 'jasper'", 1);
    const typed = `${iccid!.slice(0, 4)} ${iccid!.slice(4, 10)}\u2013${iccid!.slice(10)}`;
    const history = await ws.call('reports:deviceHistory', { identifier: typed });
    expect(new Map(history.summary.map((l) => [l.label, l.value])).get('ICCID now')).toBe(iccid);
    const damaged = await refusal(ws.call('reports:deviceHistory', { identifier: '8.9014E+19' }));
    expect(damaged).toMatchObject({ code: 'invalid_request' });
    expect(damaged.message).toMatch(/scientific|Excel/i);
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { demoIccid, demoImei } from '../../../main/core/workspace/demoDevices';
import { useTempDir } from '../../support/tempDir';
import { sandboxCore } from '../../support/sandboxCore';

const tempDir = useTempDir();
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});
function start() {
  const dataDir = tempDir();
  const desk = sandboxCore(dataDir);
  cores.push(desk.core);
  const db = () => new Database(join(dataDir, 'workspace.sqlite'), { readonly: true });
  return { ...desk, db };
}
type Desk = ReturnType<typeof start>;
const devicesOf = async (
  desk: Desk,
  carrier: 'thingspace' | 'jasper' | 'telegence' | 'pond',
  status: 'active' | 'inventory',
  n: number,
) => (await desk.call('devices:list', { carriers: [carrier], statuses: [status], limit: n })).rows;

describe('each change type end to end against the sandbox carriers', () => {
  it('moves devices to another carrier rate plan, POND in its three steps', async () => {
    const desk = start();
    const pond = await devicesOf(desk, 'pond', 'active', 3);
    const jasper = await devicesOf(desk, 'jasper', 'active', 3);
    for (const [devices, plan] of [
      [pond, 'POND-NA-1GB'],
      [jasper, 'IOT_500MB'],
    ] as const) {
      const created = await desk.call('bulk:create', {
        changeType: 'carrierRatePlanChange',
        params: { ratePlan: plan },
        devices: devices.map((d) => d.iccid),
        submit: true,
        allowRefused: true,
      });
      const targets = created.accepted;
      expect(targets.length).toBeGreaterThan(0);
      expect(await desk.untilFinal(created.bulkChangeId)).toMatchObject({ status: 'PROCESSED' });
      const db = desk.db();
      const plans = db
        .prepare(
          `SELECT p.code FROM devices d JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id WHERE d.iccid IN (${targets.map(() => '?').join(',')})`,
        )
        .pluck()
        .all(...targets.map((d) => d.iccid));
      expect(new Set(plans)).toEqual(new Set([plan]));
      db.close();
    }
  });

  it('changes customer rate plans in our store only, with no carrier call', async () => {
    const desk = start();
    const devices = (await desk.call('devices:list', { statuses: ['active'], limit: 6 })).rows;
    const db = desk.db();
    const plan = db
      .prepare("SELECT id FROM customer_rate_plans WHERE code = 'PLUS-1G'")
      .pluck()
      .get() as number;
    db.close();
    const created = await desk.call('bulk:create', {
      changeType: 'customerRatePlanChange',
      params: { customerRatePlanId: plan },
      devices: devices.map((d) => d.iccid),
      submit: true,
      allowRefused: true,
    });
    const final = await desk.untilFinal(created.bulkChangeId);
    expect(final.lanes).toEqual([expect.objectContaining({ carrier: 'local' })]);
    expect(final.counts.SUCCEEDED).toBe(created.accepted.length);
    const after = desk.db();
    expect(
      after
        .prepare(
          `SELECT DISTINCT customer_rate_plan_id FROM devices WHERE iccid IN (${created.accepted.map(() => '?').join(',')})`,
        )
        .pluck()
        .all(...created.accepted.map((a) => a.iccid)),
    ).toEqual([plan]);
    after.close();
  });

  it('assigns devices to a revenue customer and site, creating their revenue services', async () => {
    const desk = start();
    const devices = await devicesOf(desk, 'telegence', 'active', 4);
    const db = desk.db();
    const customer = db
      .prepare("SELECT id FROM customers WHERE rev_customer_id = 'REV-10002'")
      .pluck()
      .get() as number;
    const site = db
      .prepare('SELECT id FROM sites WHERE customer_id = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(customer) as number;
    db.close();
    const created = await desk.call('bulk:create', {
      changeType: 'customerAssignment',
      params: { customerId: customer, siteId: site },
      devices: devices.map((d) => d.iccid),
      submit: true,
      allowRefused: true,
    });
    expect(await desk.untilFinal(created.bulkChangeId)).toMatchObject({ status: 'PROCESSED' });
    const after = desk.db();
    for (const { iccid } of created.accepted) {
      expect(
        after.prepare('SELECT customer_id, site_id FROM devices WHERE iccid = ?').get(iccid),
      ).toEqual({ customer_id: customer, site_id: site });
      expect(
        after
          .prepare(
            "SELECT count(*) FROM revenue_services r JOIN devices d ON d.id = r.device_id WHERE d.iccid = ? AND r.status = 'active' AND r.customer_id = ?",
          )
          .pluck()
          .get(iccid, customer),
      ).toBe(1);
    }
    after.close();
  });

  it('swaps an ICCID at Telegence and an IMEI at ThingSpace, asynchronously, and refuses Cisco', async () => {
    const desk = start();
    const [telegence] = await devicesOf(desk, 'telegence', 'active', 1);
    const [thingspace] = await devicesOf(desk, 'thingspace', 'active', 1);
    const [jasper] = await devicesOf(desk, 'jasper', 'active', 1);
    const swaps = [
      { iccid: telegence!.iccid, newIccid: demoIccid('8901410', 900_001) },
      { iccid: thingspace!.iccid, newImei: demoImei(900_002) },
      { iccid: jasper!.iccid, newIccid: demoIccid('8901170', 900_003) },
    ];
    const preview = await desk.call('bulk:preview', {
      changeType: 'identifierChange',
      params: { swaps },
      devices: swaps.map((s) => s.iccid),
    });
    expect(preview.refused).toEqual([
      expect.objectContaining({
        row: 3,
        reason: expect.stringMatching(/Cisco Control Center.*portal/),
      }),
    ]);
    const created = await desk.call('bulk:create', {
      changeType: 'identifierChange',
      params: { swaps: swaps.slice(0, 2) },
      devices: swaps.slice(0, 2).map((s) => s.iccid),
      submit: true,
    });
    expect(await desk.untilFinal(created.bulkChangeId)).toMatchObject({
      status: 'PROCESSED',
      counts: { SUCCEEDED: 2 },
    });
    const db = desk.db();
    expect(
      db.prepare('SELECT count(*) FROM devices WHERE iccid = ?').pluck().get(swaps[0]!.newIccid),
    ).toBe(1);
    expect(
      db.prepare('SELECT imei FROM devices WHERE iccid = ?').pluck().get(thingspace!.iccid),
    ).toBe(swaps[1]!.newImei);
    db.close();
  });
});

describe('scheduled customer rate plan changes', () => {
  it('wait for their effective date, then apply', async () => {
    const desk = start();
    const devices = (await desk.call('devices:list', { statuses: ['active'], limit: 3 })).rows;
    const db = desk.db();
    const plan = db
      .prepare("SELECT id FROM customer_rate_plans WHERE code = 'BASIC-10'")
      .pluck()
      .get() as number;
    db.close();
    const effectiveDate = new Date(Date.now() + 1_500).toISOString();
    const created = await desk.call('bulk:create', {
      changeType: 'customerRatePlanChange',
      params: { customerRatePlanId: plan, effectiveDate },
      devices: devices.map((d) => d.iccid),
      submit: true,
      allowRefused: true,
    });
    const waiting = desk.db();
    expect(
      waiting
        .prepare(
          "SELECT count(*) FROM customer_rate_plan_schedule WHERE bulk_change_id = ? AND status = 'SCHEDULED'",
        )
        .pluck()
        .get(created.bulkChangeId),
    ).toBe(created.accepted.length);
    waiting.close();
    const final = await desk.untilFinal(created.bulkChangeId);
    expect(final.status).toBe('PROCESSED');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(effectiveDate));
    const applied = desk.db();
    expect(
      applied
        .prepare(
          "SELECT count(*) FROM customer_rate_plan_schedule WHERE bulk_change_id = ? AND status = 'APPLIED'",
        )
        .pluck()
        .get(created.bulkChangeId),
    ).toBe(created.accepted.length);
    applied.close();
  });

  it('run at start-up when their date passed while the console was closed', async () => {
    const dataDir = tempDir();
    const first = sandboxCore(dataDir);
    const devices = (await first.call('devices:list', { statuses: ['active'], limit: 2 })).rows;
    const effectiveDate = new Date(Date.now() + 800).toISOString();
    const created = await first.call('bulk:create', {
      changeType: 'customerRatePlanChange',
      params: { dataAllocationMb: 77, effectiveDate },
      devices: devices.map((d) => d.iccid),
      submit: true,
      allowRefused: true,
    });
    await first.core.close();
    // The console is closed while the date passes.
    await new Promise((resolve) =>
      setTimeout(resolve, Date.parse(effectiveDate) - Date.now() + 50),
    );
    const second = sandboxCore(dataDir);
    cores.push(second.core);
    expect(await second.untilFinal(created.bulkChangeId)).toMatchObject({ status: 'PROCESSED' });
    const db = new Database(join(dataDir, 'workspace.sqlite'), { readonly: true });
    expect(
      db
        .prepare(
          `SELECT DISTINCT data_allocation_mb FROM devices WHERE iccid IN (${created.accepted.map(() => '?').join(',')})`,
        )
        .pluck()
        .all(...created.accepted.map((a) => a.iccid)),
    ).toEqual([77]);
    db.close();
  });
});

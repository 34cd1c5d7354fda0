import { beforeAll, describe, expect, it } from 'vitest';
import { carrierRatePlanChange as handler } from '../../../main/core/changes/carrierRatePlanChange';
import type { CarrierDeviceState } from '../../../main/core/carriers/types';
import type { Db } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';
import {
  accepted,
  deviceRow,
  findDevice,
  idOf,
  planFor,
  queued,
  refused,
  sandboxStore,
  untouched,
} from './fixture';

const tempDir = useTempDir('file');
let db: Db;

beforeAll(async () => {
  db = await sandboxStore(tempDir());
  return () => db.close();
});

const plan = (ratePlan: string, device: ReturnType<typeof findDevice>) =>
  planFor(db, handler, { ratePlan }, device);

describe('planning a carrier rate plan change', () => {
  it('moves an active line to another plan of its own account', () => {
    const device = findDevice(db, "a.carrier = 'jasper' AND d.status = 'active'");
    const to = device.carrierRatePlan === 'IOT_500MB' ? 'IOT_5MB_POOL' : 'IOT_500MB';
    const result = accepted(plan(to, device));
    expect(result.request).toEqual({ ratePlan: to });
    expect(result.changes).toEqual([
      { field: 'carrierRatePlan', from: device.carrierRatePlan, to },
    ]);
  });

  it("refuses a plan code that is not in the device's account, naming that account", () => {
    const device = findDevice(db, "a.carrier = 'jasper' AND d.status = 'active'");
    expect(refused(plan('M2MDATA1GB', device))).toBe(
      `Rate plan M2MDATA1GB is not in the plan list of Cisco Control Center (sandbox), the account ICCID ${device.iccid} is on; check the code against that account's rate plans.`,
    );
  });

  it('refuses a plan the account has retired', () => {
    db.prepare("UPDATE carrier_rate_plans SET active = 0 WHERE code = 'POND-NA-1GB'").run();
    const device = findDevice(
      db,
      "a.carrier = 'pond' AND d.status = 'active' AND d.carrier_rate_plan_id IS NOT (SELECT id FROM carrier_rate_plans WHERE code = 'POND-NA-1GB')",
    );
    expect(refused(plan('POND-NA-1GB', device))).toMatch(
      /^Rate plan POND-NA-1GB is no longer active on POND IoT \(sandbox\); pick an active plan/,
    );
  });

  it('refuses a device that is already on the plan: nothing to change', () => {
    const device = findDevice(db, "a.carrier = 'telegence' AND d.status = 'active'");
    expect(refused(plan(device.carrierRatePlan!, device))).toBe(
      `ICCID ${device.iccid} is already on rate plan ${device.carrierRatePlan}; nothing to change.`,
    );
  });

  it('refuses a deactivated line and says to activate it on the plan instead', () => {
    const device = findDevice(db, "a.carrier = 'jasper' AND d.status = 'deactivated'");
    expect(refused(plan('IOT_500MB', device))).toBe(
      `ICCID ${device.iccid} is deactivated; a deactivated line has no rate plan to change. Activate it on IOT_500MB instead.`,
    );
  });

  it('refuses a suspended ThingSpace line up front, as ThingSpace would, and says to restore it', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'suspended'");
    const to = device.carrierRatePlan === 'M2MDATA1GB' ? 'M2MDATA1MB' : 'M2MDATA1GB';
    expect(refused(plan(to, device))).toMatch(
      new RegExp(
        `^ICCID ${device.iccid} is suspended, and Verizon ThingSpace doesn't change the plan of a suspended line; restore it first`,
      ),
    );
  });

  it('refuses a ThingSpace SIM still in inventory: its plan is chosen at activation', () => {
    const device = findDevice(db, "a.carrier = 'thingspace' AND d.status = 'inventory'");
    const to = device.carrierRatePlan === 'M2MDATA1GB' ? 'M2MDATA1MB' : 'M2MDATA1GB';
    expect(refused(plan(to, device))).toContain('choose the plan when you activate it');
  });

  it('lets a suspended line through where the carrier has no such rule (Cisco)', () => {
    const device = findDevice(db, "a.carrier = 'jasper' AND d.status = 'suspended'");
    const to = device.carrierRatePlan === 'IOT_500MB' ? 'IOT_5MB_POOL' : 'IOT_500MB';
    expect(plan(to, device).ok).toBe(true);
  });

  it('needs a plan code', () => {
    const parsed = handler.params.safeParse({ ratePlan: '  ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'Choose the carrier rate plan to move the devices to.',
    );
  });
});

describe('after the carrier has answered', () => {
  const state = (ratePlan: string | null): CarrierDeviceState => ({
    iccid: '89014100000000000000',
    imei: null,
    msisdn: null,
    status: 'active',
    carrierStatus: 'A',
    ratePlan,
    communicationPlan: null,
  });

  it('reads a line already on the new plan as applied, and one on another plan as not', () => {
    const device = findDevice(db, "a.carrier = 'telegence' AND d.status = 'active'");
    const item = queued(db, 'carrierRatePlanChange', device, { ratePlan: 'IOTDATA1G' });
    expect(handler.isApplied!(state('IOTDATA1G'), { ratePlan: 'IOTDATA1G' }, item)).toBe(true);
    expect(handler.isApplied!(state('IOTDATA10'), { ratePlan: 'IOTDATA1G' }, item)).toBe(false);
  });

  it("writes only the device's carrier rate plan: that plan's row for the device's own account", () => {
    const device = findDevice(db, "a.carrier = 'pond' AND d.status = 'active'");
    const to =
      device.carrierRatePlan === 'POND-GLOBAL-10MB' ? 'POND-GLOBAL-100MB' : 'POND-GLOBAL-10MB';
    const params = { ratePlan: to };
    const item = queued(db, 'carrierRatePlanChange', device, accepted(plan(to, device)).request);
    const before = deviceRow(db, device.id);
    db.transaction(() => handler.applyLocal(db, params, item, undefined))();
    const after = deviceRow(db, device.id);
    expect(after.carrier_rate_plan_id).toBe(
      idOf(
        db,
        'SELECT id FROM carrier_rate_plans WHERE carrier_account_id = ? AND code = ?',
        device.accountId,
        to,
      ),
    );
    expect(untouched(after, 'carrier_rate_plan_id')).toEqual(
      untouched(before, 'carrier_rate_plan_id'),
    );
  });
});

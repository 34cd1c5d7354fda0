import { beforeAll, describe, expect, it } from 'vitest';
import {
  closeSchedule,
  customerRatePlanChange as handler,
  recordSchedule,
} from '../../../main/core/changes/customerRatePlanChange';
import type { Db } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';
import {
  accepted,
  deviceRow,
  findDevice,
  idOf,
  planAndApply,
  planFor,
  queued,
  refusal,
  refused,
  reload,
  sandboxStore,
  untouched,
} from './fixture';

const tempDir = useTempDir('file');
let db: Db;
const ids = { basic: 0, plus: 0, pooled: 0, acmePool: 0, otherPlan: 0, otherPool: 0 };

beforeAll(async () => {
  db = await sandboxStore(tempDir());
  const plan = (code: string) =>
    idOf(db, 'SELECT id FROM customer_rate_plans WHERE code = ?', code);
  ids.basic = plan('BASIC-10');
  ids.plus = plan('PLUS-1G');
  ids.pooled = plan('POOLED');
  ids.acmePool = idOf(db, "SELECT id FROM customer_pools WHERE name = 'Acme Fleet Pool'");
  const other = Number(
    db.prepare("INSERT INTO tenants (name) VALUES ('Southwind')").run().lastInsertRowid,
  );
  ids.otherPlan = Number(
    db
      .prepare(
        "INSERT INTO customer_rate_plans (tenant_id, code, name) VALUES (?, 'SW-1', 'Southwind 1')",
      )
      .run(other).lastInsertRowid,
  );
  ids.otherPool = Number(
    db
      .prepare("INSERT INTO customer_pools (tenant_id, name) VALUES (?, 'Southwind Pool')")
      .run(other).lastInsertRowid,
  );
  return () => db.close();
});

/** A device with a customer, not on `planId`. */
const customerDevice = (planId: number, skip = 0) =>
  findDevice(
    db,
    `d.customer_id IS NOT NULL AND d.customer_rate_plan_id IS NOT ? AND d.id > (SELECT min(id) + ? FROM devices)`,
    planId,
    skip,
  );

describe('checking a customer rate plan change as a whole', () => {
  it('needs a plan, a pool or an allocation to change', () => {
    const parsed = handler.params.safeParse({ effectiveDate: '2030-01-01' });
    expect(parsed.error?.issues[0]?.message).toBe(
      'Choose a customer rate plan, a pool or a data allocation to change.',
    );
  });

  it('takes an effective day or moment, and says how to write one it cannot read', () => {
    for (const effectiveDate of ['2030-01-01', '2030-01-01T09:00:00Z', '2030-01-01T09:00'])
      expect(handler.params.safeParse({ customerRatePlanId: 1, effectiveDate }).success).toBe(true);
    const parsed = handler.params.safeParse({ customerRatePlanId: 1, effectiveDate: '01/02/2030' });
    expect(parsed.error?.issues[0]?.message).toBe(
      'Give the effective date as a day (2026-12-01) or a moment (2026-12-01T09:00:00Z).',
    );
  });

  it('refuses a plan that does not exist', () => {
    const error = refusal(() => handler.checkParams!(db, { customerRatePlanId: 9999 }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(
      'There is no customer rate plan 9999; pick one from the customer rate plan list.',
    );
  });

  it('refuses a retired plan', () => {
    const retired = Number(
      db
        .prepare(
          "INSERT INTO customer_rate_plans (tenant_id, code, name, active) SELECT id, 'OLD-5', 'Old 5 MB', 0 FROM tenants LIMIT 1",
        )
        .run().lastInsertRowid,
    );
    expect(refusal(() => handler.checkParams!(db, { customerRatePlanId: retired })).message).toBe(
      'Customer rate plan OLD-5 is no longer active; pick an active plan.',
    );
  });

  it('refuses a pool that does not exist', () => {
    expect(refusal(() => handler.checkParams!(db, { customerPoolId: 4242 })).message).toBe(
      'There is no customer pool 4242; pick one from the customer pool list.',
    );
  });

  it('refuses a plan and a pool of different tenants', () => {
    expect(
      refusal(() =>
        handler.checkParams!(db, { customerRatePlanId: ids.basic, customerPoolId: ids.otherPool }),
      ).message,
    ).toBe(
      "Customer rate plan BASIC-10 is Northwind IoT Services's but pool Southwind Pool is Southwind's; pick a plan and a pool of the same tenant.",
    );
  });
});

describe('planning each device', () => {
  it('moves a customer device to the plan, showing from and to by code', () => {
    const device = customerDevice(ids.plus);
    const result = accepted(planFor(db, handler, { customerRatePlanId: ids.plus }, device));
    expect(result.request).toEqual({ customerRatePlanId: ids.plus });
    expect(result.changes).toEqual([
      {
        field: 'customerRatePlan',
        from: db
          .prepare('SELECT code FROM customer_rate_plans WHERE id = ?')
          .pluck()
          .get(device.customerRatePlanId),
        to: 'PLUS-1G',
      },
    ]);
  });

  it('refuses a device without a customer and says to assign one first', () => {
    const device = findDevice(db, 'd.customer_id IS NULL');
    expect(refused(planFor(db, handler, { customerRatePlanId: ids.basic }, device))).toBe(
      `ICCID ${device.iccid} has no customer, so it has no customer rate plan to change; assign it to a customer first.`,
    );
  });

  it("refuses a plan from another tenant than the device's customer, naming both", () => {
    const device = customerDevice(ids.otherPlan);
    const customer = db
      .prepare('SELECT name FROM customers WHERE id = ?')
      .pluck()
      .get(device.customerId) as string;
    expect(refused(planFor(db, handler, { customerRatePlanId: ids.otherPlan }, device))).toBe(
      `ICCID ${device.iccid} belongs to ${customer} (tenant Northwind IoT Services), but customer rate plan SW-1 is one of Southwind's; pick a plan of Northwind IoT Services.`,
    );
  });

  it('refuses a device that already has everything asked for, saying what it has', () => {
    const device = findDevice(
      db,
      'd.customer_id IS NOT NULL AND d.customer_rate_plan_id = ? AND d.customer_pool_id IS NULL',
      ids.basic,
    );
    expect(
      refused(
        planFor(db, handler, { customerRatePlanId: ids.basic, dataAllocationMb: 10 }, device),
      ),
    ).toBe(
      `ICCID ${device.iccid} already has customer rate plan BASIC-10, no pool, 10 MB; nothing to change.`,
    );
  });

  it('holds a future effective date as effectiveAt, the start of that day on this computer', () => {
    const device = customerDevice(ids.plus);
    const result = accepted(
      planFor(db, handler, { customerRatePlanId: ids.plus, effectiveDate: '2099-03-01' }, device),
    );
    expect(result.request.effectiveAt).toBe(new Date(2099, 2, 1).getTime());
  });

  it('applies a past effective date at once, as the seeds do', () => {
    const device = customerDevice(ids.plus);
    const result = accepted(
      planFor(
        db,
        handler,
        { customerRatePlanId: ids.plus, effectiveDate: '2020-03-01T10:00:00Z' },
        device,
      ),
    );
    expect(result.request).not.toHaveProperty('effectiveAt');
  });
});

describe('applying the change to the store', () => {
  it('writes only the fields asked for: a new pool, allocation left alone', () => {
    const device = findDevice(db, 'd.customer_id IS NOT NULL AND d.data_allocation_mb IS NOT NULL');
    const before = deviceRow(db, device.id);
    planAndApply(
      db,
      handler,
      { customerRatePlanId: ids.pooled, customerPoolId: ids.acmePool },
      device,
    );
    const after = deviceRow(db, device.id);
    expect(after).toMatchObject({
      customer_rate_plan_id: ids.pooled,
      customer_pool_id: ids.acmePool,
      data_allocation_mb: before.data_allocation_mb,
    });
    expect(untouched(after, 'customer_rate_plan_id', 'customer_pool_id')).toEqual(
      untouched(before, 'customer_rate_plan_id', 'customer_pool_id'),
    );
  });

  it('clears a pool and an allocation given as null', () => {
    const device = findDevice(
      db,
      'd.customer_pool_id IS NOT NULL AND d.data_allocation_mb IS NULL',
    );
    planAndApply(db, handler, { customerPoolId: null, dataAllocationMb: 250 }, device);
    expect(reload(db, device.id)).toMatchObject({ customerPoolId: null, dataAllocationMb: 250 });
  });

  it('keeps the schedule truthful: SCHEDULED when queued for later, APPLIED when it runs', () => {
    const device = customerDevice(ids.plus, 50);
    const params = handler.params.parse({
      customerRatePlanId: ids.plus,
      effectiveDate: '2099-03-01',
    });
    const { request } = accepted(handler.plan(db, params, device));
    const item = queued(db, 'customerRatePlanChange', device, request);
    recordSchedule(db, item.deviceChangeId, device.id, params, request.effectiveAt as number);
    const row = () =>
      db
        .prepare(
          'SELECT bulk_change_id AS bulk, customer_rate_plan_id AS plan, effective_at AS at, status, applied_at AS appliedAt FROM customer_rate_plan_schedule WHERE device_change_id = ?',
        )
        .all(item.deviceChangeId);
    const bulk = idOf(
      db,
      'SELECT bulk_change_id FROM device_changes WHERE id = ?',
      item.deviceChangeId,
    );
    const at = new Date(2099, 2, 1).toISOString();
    expect(row()).toEqual([{ bulk, plan: ids.plus, at, status: 'SCHEDULED', appliedAt: null }]);

    db.transaction(() => handler.applyLocal(db, params, item, undefined))();
    expect(row()).toEqual([
      { bulk, plan: ids.plus, at, status: 'APPLIED', appliedAt: expect.any(String) },
    ]);
    expect(reload(db, device.id).customerRatePlanId).toBe(ids.plus);
  });

  it('records an APPLIED schedule row even when none was recorded when queued', () => {
    const device = customerDevice(ids.plus, 80);
    const params = handler.params.parse({
      customerRatePlanId: ids.plus,
      effectiveDate: '2099-03-01',
    });
    const item = queued(
      db,
      'customerRatePlanChange',
      device,
      accepted(handler.plan(db, params, device)).request,
    );
    db.transaction(() => handler.applyLocal(db, params, item, undefined))();
    expect(
      db
        .prepare('SELECT status FROM customer_rate_plan_schedule WHERE device_change_id = ?')
        .pluck()
        .all(item.deviceChangeId),
    ).toEqual(['APPLIED']);
  });

  it('closes a scheduled row that was cancelled before its day', () => {
    const device = customerDevice(ids.plus, 110);
    const item = queued(db, 'customerRatePlanChange', device, { customerRatePlanId: ids.plus });
    recordSchedule(
      db,
      item.deviceChangeId,
      device.id,
      { customerRatePlanId: ids.plus },
      Date.now() + 86_400_000,
    );
    closeSchedule(db, item.deviceChangeId, 'CANCELLED');
    expect(
      db
        .prepare('SELECT status FROM customer_rate_plan_schedule WHERE device_change_id = ?')
        .pluck()
        .get(item.deviceChangeId),
    ).toBe('CANCELLED');
  });

  it('re-checks the tenant when it applies: a scheduled device may have changed customer since', () => {
    const device = customerDevice(ids.plus, 140);
    const item = queued(db, 'customerRatePlanChange', device, {
      customerRatePlanId: ids.otherPlan,
    });
    const error = refusal(() =>
      handler.applyLocal(db, { customerRatePlanId: ids.otherPlan }, item, undefined),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('customer rate plan SW-1 is one of Southwind');
  });
});

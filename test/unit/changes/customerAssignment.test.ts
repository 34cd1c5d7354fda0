import { beforeAll, describe, expect, it } from 'vitest';
import { customerAssignment as handler } from '../../../main/core/changes/customerAssignment';
import type { Db } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';
import {
  accepted,
  deviceRow,
  findDevice,
  idOf,
  planAndApply,
  planFor,
  refusal,
  refused,
  reload,
  sandboxStore,
  untouched,
} from './fixture';

const tempDir = useTempDir('file');
let db: Db;
const ids = {
  internal: 0,
  lab: 0,
  acme: 0,
  dallas: 0,
  memphis: 0,
  blueRiver: 0,
  meterFleet: 0,
  basic: 0,
  southwind: 0,
  southwindPlan: 0,
};

beforeAll(async () => {
  db = await sandboxStore(tempDir());
  const customer = (name: string) => idOf(db, 'SELECT id FROM customers WHERE name = ?', name);
  const site = (name: string) => idOf(db, 'SELECT id FROM sites WHERE name = ?', name);
  ids.internal = customer('Northwind Internal Test Pool');
  ids.lab = site('Lab Bench');
  ids.acme = customer('Acme Logistics');
  ids.dallas = site('Dallas Depot');
  ids.memphis = site('Memphis Hub');
  ids.blueRiver = customer('Blue River Utilities');
  ids.meterFleet = site('Meter Fleet');
  ids.basic = idOf(db, "SELECT id FROM customer_rate_plans WHERE code = 'BASIC-10'");
  const tenant = db
    .prepare("INSERT INTO tenants (name) VALUES ('Southwind')")
    .run().lastInsertRowid;
  ids.southwind = Number(
    db
      .prepare(
        "INSERT INTO customers (tenant_id, name, kind, rev_customer_id) VALUES (?, 'Southwind Rail', 'revenue', 'REV-20001')",
      )
      .run(tenant).lastInsertRowid,
  );
  ids.southwindPlan = Number(
    db
      .prepare(
        "INSERT INTO customer_rate_plans (tenant_id, code, name) VALUES (?, 'SW-1', 'Southwind 1')",
      )
      .run(tenant).lastInsertRowid,
  );
  return () => db.close();
});

const services = (deviceId: number) =>
  db
    .prepare(
      'SELECT customer_id AS customerId, service_code AS code, status, effective_date AS effective FROM revenue_services WHERE device_id = ? ORDER BY id',
    )
    .all(deviceId);

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

describe('checking a customer assignment as a whole', () => {
  it('refuses a customer that does not exist', () => {
    const error = refusal(() => handler.checkParams!(db, { customerId: 999 }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('There is no customer 999; pick one from the customer list.');
  });

  it("refuses another customer's site, naming whose it is", () => {
    expect(
      refusal(() => handler.checkParams!(db, { customerId: ids.acme, siteId: ids.meterFleet }))
        .message,
    ).toBe(
      "Site Meter Fleet belongs to Blue River Utilities, not Acme Logistics; pick one of Acme Logistics's sites.",
    );
  });

  it('refuses a customer rate plan of another tenant than the customer', () => {
    expect(
      refusal(() =>
        handler.checkParams!(db, { customerId: ids.acme, customerRatePlanId: ids.southwindPlan }),
      ).message,
    ).toBe(
      "Customer rate plan SW-1 is one of Southwind's, but Acme Logistics is a customer of Northwind IoT Services; pick one of Northwind IoT Services's.",
    );
  });

  it('refuses a carrier rate plan and says to run a carrier rate plan change after', () => {
    const error = refusal(() =>
      handler.checkParams!(db, { customerId: ids.acme, carrierRatePlan: 'M2MDATA1GB' }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(
      "A customer assignment doesn't change carrier rate plans. Assign the devices first, then run a carrier rate plan change to M2MDATA1GB for them.",
    );
  });

  it('refuses a service code for a customer that gets no revenue service', () => {
    expect(
      refusal(() => handler.checkParams!(db, { customerId: ids.internal, serviceCode: 'X-1' }))
        .message,
    ).toContain('Northwind Internal Test Pool is not a revenue customer');
  });
});

describe('planning each device', () => {
  it('refuses a deactivated device and says to activate it first', () => {
    const device = findDevice(db, "d.status = 'deactivated'");
    expect(refused(planFor(db, handler, { customerId: ids.acme }, device))).toBe(
      `ICCID ${device.iccid} is deactivated; activate it before assigning it to a customer.`,
    );
  });

  it('refuses a device already with that customer at that site: nothing to change', () => {
    const device = findDevice(
      db,
      "d.status = 'active' AND d.customer_id = ? AND d.site_id = ?",
      ids.internal,
      ids.lab,
    );
    expect(
      refused(planFor(db, handler, { customerId: ids.internal, siteId: ids.lab }, device)),
    ).toBe(
      `ICCID ${device.iccid} is already assigned to Northwind Internal Test Pool at Lab Bench; nothing to change.`,
    );
  });

  it('previews a new SIM going to a revenue customer: customer, site and a new service', () => {
    const device = findDevice(db, "d.status = 'inventory' AND d.customer_id IS NULL");
    const result = accepted(
      planFor(db, handler, { customerId: ids.acme, siteId: ids.dallas }, device),
    );
    expect(result.changes).toEqual([
      { field: 'customer', from: null, to: 'Acme Logistics' },
      { field: 'site', from: null, to: 'Dallas Depot' },
      { field: 'revenueService', from: null, to: 'REV-10001-M2M' },
    ]);
  });
});

describe('applying the assignment to the store', () => {
  it('puts a device with a non-revenue customer: customer and site only, no revenue service', () => {
    const device = findDevice(db, "d.status = 'inventory' AND d.customer_id IS NULL");
    const before = deviceRow(db, device.id);
    planAndApply(db, handler, { customerId: ids.internal, siteId: ids.lab }, device);
    const after = deviceRow(db, device.id);
    expect(after).toMatchObject({ customer_id: ids.internal, site_id: ids.lab });
    expect(untouched(after, 'customer_id', 'site_id')).toEqual(
      untouched(before, 'customer_id', 'site_id'),
    );
    expect(services(device.id)).toEqual([]);
  });

  it('creates an active revenue service from today, disconnecting the previous one', () => {
    const device = findDevice(db, "d.status = 'active' AND d.customer_id = ?", ids.internal);
    planAndApply(db, handler, { customerId: ids.blueRiver, siteId: ids.meterFleet }, device);
    planAndApply(
      db,
      handler,
      { customerId: ids.acme, serviceCode: 'ACME-TRACK' },
      reload(db, device.id),
    );
    expect(deviceRow(db, device.id)).toMatchObject({ customer_id: ids.acme, site_id: null });
    expect(services(device.id)).toEqual([
      {
        customerId: ids.blueRiver,
        code: 'REV-10002-M2M',
        status: 'disconnected',
        effective: today(),
      },
      { customerId: ids.acme, code: 'ACME-TRACK', status: 'active', effective: today() },
    ]);
  });

  it('keeps the service of a device that only moves to another site of its customer', () => {
    const device = findDevice(db, "d.status = 'active' AND d.customer_id = ?", ids.internal);
    planAndApply(db, handler, { customerId: ids.acme, siteId: ids.dallas }, device);
    const moved = reload(db, device.id);
    const result = accepted(
      planFor(db, handler, { customerId: ids.acme, siteId: ids.memphis }, moved),
    );
    expect(result.changes).toEqual([{ field: 'site', from: 'Dallas Depot', to: 'Memphis Hub' }]);
    planAndApply(db, handler, { customerId: ids.acme, siteId: ids.memphis }, moved);
    expect(services(device.id)).toEqual([
      { customerId: ids.acme, code: 'REV-10001-M2M', status: 'active', effective: today() },
    ]);
  });

  it('ends the revenue service of a device that goes back to a non-revenue customer', () => {
    const device = findDevice(db, "d.status = 'suspended' AND d.customer_id <> ?", ids.acme);
    planAndApply(db, handler, { customerId: ids.acme }, device);
    const withAcme = reload(db, device.id);
    const back = accepted(planFor(db, handler, { customerId: ids.internal }, withAcme));
    expect(back.changes).toContainEqual({
      field: 'revenueService',
      from: 'REV-10001-M2M',
      to: null,
    });
    planAndApply(db, handler, { customerId: ids.internal }, withAcme);
    expect(services(device.id)).toMatchObject([{ status: 'disconnected' }]);
  });

  it("clears the customer plan, pool and allocation of a device that leaves its customer's tenant", () => {
    const device = findDevice(
      db,
      "d.status = 'active' AND d.customer_rate_plan_id IS NOT NULL AND d.data_allocation_mb IS NOT NULL",
    );
    planAndApply(db, handler, { customerId: ids.southwind }, device);
    expect(deviceRow(db, device.id)).toMatchObject({
      customer_id: ids.southwind,
      customer_rate_plan_id: null,
      customer_pool_id: null,
      data_allocation_mb: null,
    });
  });

  it('sets the customer plan given with the assignment', () => {
    const device = findDevice(db, "d.status = 'inventory' AND d.customer_id IS NULL");
    planAndApply(db, handler, { customerId: ids.internal, customerRatePlanId: ids.basic }, device);
    expect(deviceRow(db, device.id)).toMatchObject({
      customer_id: ids.internal,
      customer_rate_plan_id: ids.basic,
    });
  });
});

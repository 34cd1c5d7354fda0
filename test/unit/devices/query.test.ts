import { describe, expect, it } from 'vitest';
import type { DeviceQuery, DeviceSort } from '../../../shared/contract/devices';
import { deviceFilterOptions } from '../../../main/core/devices/filterOptions';
import { WALK_ROWS } from '../../../main/core/devices/pageIds';
import { deviceFacets, listDevices } from '../../../main/core/devices/query';
import { useSeededWorkspace, type Inventory } from './workspace';

// More devices than one bounded walk reads, so sorted pages take both of their routes.
const DEVICES = WALK_ROWS + 10_000;
const { db, inventory } = useSeededWorkspace(DEVICES);

type PageRequest = DeviceQuery & { offset?: number; limit?: number; sort?: DeviceSort };
const page = (request: PageRequest) => listDevices(db(), { offset: 0, limit: 100, ...request });
const ids = (request: PageRequest) => page(request).rows.map((row) => row.id);

/** What a page should hold, worked out in plain JavaScript from every device. */
function expected(
  devices: readonly Inventory[],
  keep: (device: Inventory) => boolean,
  { offset = 0, limit = 100, sort }: PageRequest,
): { total: number; ids: number[] } {
  const matching = devices.filter(keep);
  const key = (d: Inventory): (string | number)[] =>
    sort?.by === 'iccid'
      ? [d.iccid]
      : sort?.by === 'status'
        ? [d.status, d.id]
        : sort?.by === 'updated'
          ? [d.updated_at, d.id]
          : [d.id];
  const sign = sort?.direction === 'desc' ? -1 : 1;
  matching.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -sign : sign;
    return 0;
  });
  return { total: matching.length, ids: matching.slice(offset, offset + limit).map((d) => d.id) };
}

describe('paging the inventory', () => {
  it('returns the total and one page at a time, in a stable order', () => {
    const first = page({});
    const second = page({ offset: 100 });
    expect(first.total).toBe(DEVICES);
    expect(first.rows).toHaveLength(100);
    expect(second.rows[0]!.id).toBeGreaterThan(first.rows[99]!.id);
    expect(first.rows[0]).toMatchObject({
      iccid: expect.stringMatching(/^89\d{18}$/),
      carrier: expect.any(String),
      accountName: expect.stringContaining('(sandbox)'),
    });
  });

  it('filters by carrier and status, matching the facet counts', () => {
    const facets = deviceFacets(db());
    expect(facets.total).toBe(DEVICES);
    const jasper = page({ carriers: ['jasper'] });
    expect(jasper.total).toBe(facets.byCarrier.jasper);
    expect(jasper.rows.every((r) => r.carrier === 'jasper')).toBe(true);
    const suspendedOrInventory = page({ statuses: ['suspended', 'inventory'] });
    expect(suspendedOrInventory.total).toBe(facets.byStatus.suspended + facets.byStatus.inventory);
  });

  it('finds a device by its whole ICCID, with the spaces a spreadsheet adds', () => {
    const target = page({ offset: 1234, limit: 1 }).rows[0]!;
    const spaced = target.iccid.replace(/(\d{4})/g, '$1 ');
    expect(ids({ search: spaced })).toEqual([target.id]);
  });

  it('finds devices by the first digits of an IMEI or MSISDN', () => {
    const target = page({ statuses: ['active'], limit: 1 }).rows[0]!;
    expect(ids({ search: target.imei!.slice(0, 12) })).toContain(target.id);
    expect(ids({ search: `+${target.msisdn!}` })).toContain(target.id);
  });

  it('answers an unknown id with an empty page, not an error', () => {
    expect(page({ search: '8999999999' })).toEqual({ total: 0, rows: [] });
  });
});

describe('filtering by customer, site and rate plans', () => {
  it('shows only the devices of the customers, sites or plans picked', () => {
    const options = deviceFilterOptions(db());
    const customer = options.customers[1]!;
    const site = options.sites.find((s) => s.customerId === customer.id)!;
    const plan = options.carrierRatePlans[2]!;
    const billing = options.customerRatePlans[0]!;
    const cases: [PageRequest, (d: Inventory) => boolean][] = [
      [{ customers: [customer.id] }, (d) => d.customer_id === customer.id],
      [{ sites: [site.id] }, (d) => d.site_id === site.id],
      [{ carrierRatePlans: [plan.id] }, (d) => d.carrier_rate_plan_id === plan.id],
      [{ customerRatePlans: [billing.id] }, (d) => d.customer_rate_plan_id === billing.id],
      [
        { customers: options.customers.slice(0, 2).map((c) => c.id), statuses: ['suspended'] },
        (d) =>
          d.status === 'suspended' &&
          options.customers.slice(0, 2).some((c) => c.id === d.customer_id),
      ],
      [
        { carriers: ['pond'], customerRatePlans: [billing.id], offset: 150 },
        (d) => d.carrier === 'pond' && d.customer_rate_plan_id === billing.id,
      ],
    ];
    const devices = inventory();
    for (const [request, keep] of cases) {
      const want = expected(devices, keep, request);
      expect(want.total).toBeGreaterThan(0);
      expect({ total: page(request).total, ids: ids(request) }).toEqual(want);
    }
  });

  it('offers every customer, site and plan with its device count in the workspace', () => {
    const options = deviceFilterOptions(db());
    expect(options.customers.length).toBeGreaterThan(1);
    for (const customer of options.customers)
      expect(customer.devices).toBe(page({ customers: [customer.id], limit: 1 }).total);
    for (const site of options.sites)
      expect(site.devices).toBe(page({ sites: [site.id], limit: 1 }).total);
    for (const plan of options.carrierRatePlans)
      expect(plan.devices).toBe(page({ carrierRatePlans: [plan.id], limit: 1 }).total);
    expect(options.customerRatePlans.reduce((sum, p) => sum + p.devices, 0)).toBe(
      inventory().filter((d) => d.customer_rate_plan_id !== null).length,
    );
    expect(options.carrierRatePlans[0]).toMatchObject({
      code: expect.any(String),
      accountName: expect.stringContaining('(sandbox)'),
      carrier: expect.any(String),
    });
    expect(options.customers[0]).toMatchObject({ tenant: 'Northwind IoT Services' });
  });
});

describe('sorting', () => {
  const sorts: DeviceSort[] = (['iccid', 'status', 'updated'] as const).flatMap((by) => [
    { by, direction: 'asc' as const },
    { by, direction: 'desc' as const },
  ]);

  it('orders the whole inventory by ICCID, status or last update, either way, at any depth', () => {
    // Some devices changed recently, so "updated" is not simply the order they were added.
    const changed = db().prepare('UPDATE devices SET updated_at = ? WHERE id % 997 = 0');
    changed.run('2031-01-01T00:00:00.000Z');
    const devices = inventory();
    for (const sort of sorts)
      for (const offset of [0, DEVICES - 150]) {
        const request = { sort, offset };
        expect(ids(request), `${sort.by} ${sort.direction} at ${offset}`).toEqual(
          expected(devices, () => true, request).ids,
        );
      }
    expect(page({ sort: { by: 'updated', direction: 'desc' }, limit: 1 }).rows[0]!.updatedAt).toBe(
      '2031-01-01T00:00:00.000Z',
    );
  });

  it('sorts filtered devices the same whether a walk finds the page or SQLite sorts them', () => {
    const cases: [PageRequest, (d: Inventory) => boolean][] = [
      // Common: the walk fills the page.
      [{ statuses: ['active'] }, (d) => d.status === 'active'],
      // POND's ICCIDs sort last, so a walk in ICCID order comes up short and SQLite sorts.
      [{ carriers: ['pond'] }, (d) => d.carrier === 'pond'],
      // Rare: straight to SQLite's sort.
      [
        { statuses: ['suspended'], carriers: ['jasper'] },
        (d) => d.status === 'suspended' && d.carrier === 'jasper',
      ],
      [
        { search: '35' },
        (d) => [d.iccid, d.imei, d.msisdn, d.eid].some((v) => v?.startsWith('35')),
      ],
    ];
    const devices = inventory();
    for (const [filter, keep] of cases)
      for (const sort of sorts)
        for (const offset of [0, 300]) {
          const request = { ...filter, sort, offset };
          expect(ids(request), JSON.stringify(request)).toEqual(
            expected(devices, keep, request).ids,
          );
        }
  });
});

import { describe, expect, it } from 'vitest';
import type { DeviceQuery, DeviceSort } from '../../../shared/contract/devices';
import { indexedPageSql, orderBy, walkedPageSql } from '../../../main/core/devices/pageIds';
import { MATCH_SQL } from '../../../main/core/devices/match';
import { matchPaste } from '../../../main/core/devices/paste';
import { buildWhere, whereSql } from '../../../main/core/devices/where';
import { queryPlan, useSeededWorkspace } from './workspace';

// Plans, not timings: a statement that scans or sorts 1M devices shows it in its plan already.
const { db } = useSeededWorkspace(2000);

const pagePlan = (query: DeviceQuery, sort?: DeviceSort) => {
  const where = buildWhere(db(), query);
  return queryPlan(db(), indexedPageSql(where, orderBy(sort)), ...where.params, 100, 0);
};
const countPlan = (query: DeviceQuery) => {
  const where = buildWhere(db(), query);
  return queryPlan(db(), `SELECT count(*) FROM devices d ${whereSql(where)}`, ...where.params);
};

describe('query plans over the inventory', () => {
  it('reads a page under any one filter as a range of that filter’s index, already in order', () => {
    const list = matchPaste(db(), '1 2 3').listId;
    const cases: [DeviceQuery, RegExp][] = [
      [{ statuses: ['active'] }, /SEARCH d USING (COVERING )?INDEX devices_status \(status=\?\)/],
      [
        { carriers: ['jasper'] },
        /SEARCH d USING (COVERING )?INDEX devices_account \(carrier_account_id=\?\)/,
      ],
      [{ customers: [2] }, /SEARCH d USING (COVERING )?INDEX devices_customer \(customer_id=\?\)/],
      [{ sites: [3] }, /SEARCH d USING (COVERING )?INDEX devices_site \(site_id=\?\)/],
      [
        { carrierRatePlans: [4] },
        /SEARCH d USING (COVERING )?INDEX devices_carrier_plan \(carrier_rate_plan_id=\?\)/,
      ],
      [
        { customerRatePlans: [1] },
        /SEARCH d USING (COVERING )?INDEX devices_customer_plan \(customer_rate_plan_id=\?\)/,
      ],
      [
        { carriers: ['jasper'], statuses: ['suspended'] },
        /SEARCH d USING (COVERING )?INDEX devices_account_status \(carrier_account_id=\? AND status=\?\)/,
      ],
      [{ listId: list }, /SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/],
    ];
    for (const [query, index] of cases) {
      const plan = pagePlan(query);
      expect(plan, JSON.stringify(query)).toMatch(index);
      expect(plan, JSON.stringify(query)).not.toMatch(/TEMP B-TREE|SCAN d\b/);
      expect(countPlan(query), JSON.stringify(query)).not.toMatch(/SCAN d\b/);
    }
  });

  it('reads several values of a filter through its index, never the whole table', () => {
    const cases: DeviceQuery[] = [
      { statuses: ['active', 'suspended'] },
      { carriers: ['jasper', 'pond'] },
      { customers: [1, 2] },
      { sites: [1, 2, 3] },
      { carrierRatePlans: [1, 5] },
      { customerRatePlans: [1, 2] },
    ];
    for (const query of cases) {
      expect(pagePlan(query), JSON.stringify(query)).toMatch(/SEARCH d USING (COVERING )?INDEX/);
      expect(countPlan(query), JSON.stringify(query)).not.toMatch(/SCAN d\b/);
    }
  });

  it('walks an index for each sort of the whole inventory instead of sorting it', () => {
    const cases: [DeviceSort['by'], RegExp][] = [
      ['iccid', /SCAN d USING (COVERING )?INDEX sqlite_autoindex_devices_1/],
      ['status', /SCAN d USING (COVERING )?INDEX devices_status/],
      ['updated', /SCAN d USING (COVERING )?INDEX devices_updated/],
    ];
    for (const [by, index] of cases)
      for (const direction of ['asc', 'desc'] as const) {
        const plan = pagePlan({}, { by, direction });
        expect(plan, `${by} ${direction}`).toMatch(index);
        expect(plan, `${by} ${direction}`).not.toMatch(/TEMP B-TREE/);
      }
  });

  it('bounds a sorted walk under a filter to a stretch of the sort’s index', () => {
    const where = buildWhere(db(), { customers: [2] });
    const plan = queryPlan(
      db(),
      walkedPageSql(where, orderBy({ by: 'iccid', direction: 'desc' })),
      ...where.params,
      100,
      0,
    );
    expect(plan).toMatch(/SCAN d USING INDEX sqlite_autoindex_devices_1/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('searches each identifier’s index for a prefix', () => {
    expect(pagePlan({ search: '8901' })).toMatch(/MULTI-INDEX OR/);
    expect(pagePlan({ search: '8901' })).not.toMatch(/SCAN d\b/);
  });

  it('matches pasted ids through the ICCID, IMEI, MSISDN and EID indexes', () => {
    const plan = queryPlan(db(), MATCH_SQL, '["1"]');
    for (const index of [
      'sqlite_autoindex_devices_1',
      'devices_imei',
      'devices_msisdn',
      'devices_eid',
    ])
      expect(plan).toMatch(new RegExp(`SEARCH d USING (COVERING )?INDEX ${index}`));
    expect(plan).not.toMatch(/SCAN d\b/);
  });
});

import type { DeviceFacets, DevicePage, DeviceQuery } from '../../../shared/contract/devices';
import { Carrier } from '../../../shared/domain/carriers';
import { DeviceStatus, type DeviceRow } from '../../../shared/domain/devices';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { pageIds, type PageSpan } from './pageIds';
import { listPage } from './pastedLists';
import { buildWhere, whereSql } from './where';

const ROWS_BY_ID = `SELECT d.id, d.iccid, d.imei, d.msisdn, d.eid, a.carrier, a.name AS accountName, d.status,
    d.carrier_status AS carrierStatus, p.name AS carrierRatePlan, d.communication_plan AS communicationPlan,
    cp.name AS customerRatePlan, c.name AS customer, s.name AS site, d.updated_at AS updatedAt
  FROM devices d
  JOIN carrier_accounts a ON a.id = d.carrier_account_id
  LEFT JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id
  LEFT JOIN customer_rate_plans cp ON cp.id = d.customer_rate_plan_id
  LEFT JOIN customers c ON c.id = d.customer_id
  LEFT JOIN sites s ON s.id = d.site_id
  WHERE d.id IN (SELECT value FROM json_each(?))`;

/** Grid rows for these device ids, in the order given. */
function rowsByIds(db: Db, ids: readonly number[]): DeviceRow[] {
  const found = new Map(
    (cached(db, ROWS_BY_ID).all(JSON.stringify(ids)) as DeviceRow[]).map((row) => [row.id, row]),
  );
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** A page of the inventory matching the filters, in the order asked for (default: as added). */
export function listDevices(db: Db, request: DeviceQuery & PageSpan): DevicePage {
  const where = buildWhere(db, request);
  if (request.listId !== undefined && where.clauses.length === 1 && !request.sort) {
    // Devices are never deleted, so a list on its own is counted and paged from the list.
    const { total, ids } = listPage(db, request.listId, request.offset, request.limit);
    return { total, rows: rowsByIds(db, ids) };
  }
  const total = db
    .prepare(`SELECT count(*) FROM devices d ${whereSql(where)}`)
    .pluck()
    .get(...where.params) as number;
  if (total === 0) return { total, rows: [] };
  const search = request.search !== undefined && request.search.trim() !== '';
  return { total, rows: rowsByIds(db, pageIds(db, where, request, total, search)) };
}

/** Counts for the filter chips, read from the account-and-status index alone. */
export function deviceFacets(db: Db): DeviceFacets {
  const byCarrier = Object.fromEntries(
    Carrier.options.map((c) => [c, 0]),
  ) as DeviceFacets['byCarrier'];
  const byStatus = Object.fromEntries(
    DeviceStatus.options.map((s) => [s, 0]),
  ) as DeviceFacets['byStatus'];
  const carrierOf = new Map(
    (
      cached(db, 'SELECT id, carrier FROM carrier_accounts').all() as {
        id: number;
        carrier: Carrier;
      }[]
    ).map((a) => [a.id, a.carrier]),
  );
  let total = 0;
  // Grouped by account id rather than joined to carrier: a join makes SQLite sort 1M rows.
  const groups = cached(
    db,
    'SELECT carrier_account_id AS account, status, count(*) AS n FROM devices GROUP BY carrier_account_id, status',
  ).all() as { account: number; status: DeviceStatus; n: number }[];
  for (const { account, status, n } of groups) {
    byCarrier[carrierOf.get(account)!] += n;
    byStatus[status] += n;
    total += n;
  }
  return { total, byCarrier, byStatus };
}

import type { DeviceFacets, DevicePage, DeviceQuery } from '../../../shared/contract/devices';
import { Carrier } from '../../../shared/domain/carriers';
import { DeviceStatus, type DeviceRow } from '../../../shared/domain/devices';
import type { Db } from '../store/open';

interface Where {
  sql: string;
  params: (string | number)[];
}

/** Turns what the desk typed into the digits we store: spaces, dashes and a leading + go. */
const searchDigits = (search: string | undefined): string | undefined => {
  const cleaned = search?.replace(/[\s\-+()]/g, '');
  return cleaned ? cleaned : undefined;
};

function buildWhere(query: DeviceQuery): Where {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (query.carriers && query.carriers.length > 0) {
    clauses.push(
      `d.carrier_account_id IN (SELECT id FROM carrier_accounts WHERE carrier IN (${query.carriers.map(() => '?').join(',')}))`,
    );
    params.push(...query.carriers);
  }
  if (query.statuses && query.statuses.length > 0) {
    clauses.push(`d.status IN (${query.statuses.map(() => '?').join(',')})`);
    params.push(...query.statuses);
  }
  const digits = searchDigits(query.search);
  if (digits) {
    // Prefix ranges keep each identifier's index usable; '~' sorts after every digit.
    const upper = `${digits}~`;
    clauses.push(
      '((d.iccid >= ? AND d.iccid < ?) OR (d.imei >= ? AND d.imei < ?) OR (d.msisdn >= ? AND d.msisdn < ?) OR (d.eid >= ? AND d.eid < ?))',
    );
    params.push(digits, upper, digits, upper, digits, upper, digits, upper);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** A page of the inventory, ordered by when devices were added. */
export function listDevices(
  db: Db,
  query: DeviceQuery & { offset: number; limit: number },
): DevicePage {
  const where = buildWhere(query);
  const total = (
    db.prepare(`SELECT count(*) AS n FROM devices d ${where.sql}`).get(...where.params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(
      `SELECT d.id, d.iccid, d.imei, d.msisdn, d.eid, a.carrier, a.name AS accountName, d.status,
              d.carrier_status AS carrierStatus, p.name AS carrierRatePlan, d.communication_plan AS communicationPlan,
              cp.name AS customerRatePlan, c.name AS customer, s.name AS site, d.updated_at AS updatedAt
       FROM (SELECT * FROM devices d ${where.sql} ORDER BY d.id LIMIT ? OFFSET ?) d
       JOIN carrier_accounts a ON a.id = d.carrier_account_id
       LEFT JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id
       LEFT JOIN customer_rate_plans cp ON cp.id = d.customer_rate_plan_id
       LEFT JOIN customers c ON c.id = d.customer_id
       LEFT JOIN sites s ON s.id = d.site_id
       ORDER BY d.id`,
    )
    .all(...where.params, query.limit, query.offset) as DeviceRow[];
  return { total, rows };
}

/** Counts for the filter chips. */
export function deviceFacets(db: Db): DeviceFacets {
  const byCarrier = Object.fromEntries(
    Carrier.options.map((c) => [c, 0]),
  ) as DeviceFacets['byCarrier'];
  const byStatus = Object.fromEntries(
    DeviceStatus.options.map((s) => [s, 0]),
  ) as DeviceFacets['byStatus'];
  let total = 0;
  const rows = db
    .prepare(
      `SELECT a.carrier, d.status, count(*) AS n FROM devices d
       JOIN carrier_accounts a ON a.id = d.carrier_account_id GROUP BY a.carrier, d.status`,
    )
    .all() as { carrier: Carrier; status: DeviceStatus; n: number }[];
  for (const row of rows) {
    byCarrier[row.carrier] += row.n;
    byStatus[row.status] += row.n;
    total += row.n;
  }
  return { total, byCarrier, byStatus };
}

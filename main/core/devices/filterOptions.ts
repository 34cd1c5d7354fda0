import type { DeviceFilterOptions } from '../../../shared/contract/devices';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

// Each count is a range of an index that starts with the column (0003, 0006), not a table scan.
const CUSTOMERS = `SELECT c.id, c.name, t.name AS tenant,
    (SELECT count(*) FROM devices d WHERE d.customer_id = c.id) AS devices
  FROM customers c JOIN tenants t ON t.id = c.tenant_id
  ORDER BY c.name COLLATE NOCASE, t.name, c.id`;

const SITES = `SELECT s.id, s.name, s.customer_id AS customerId,
    (SELECT count(*) FROM devices d WHERE d.site_id = s.id) AS devices
  FROM sites s ORDER BY s.name COLLATE NOCASE, s.id`;

const CARRIER_RATE_PLANS = `SELECT p.id, p.name, p.code, a.name AS accountName, a.carrier,
    (SELECT count(*) FROM devices d WHERE d.carrier_rate_plan_id = p.id) AS devices
  FROM carrier_rate_plans p JOIN carrier_accounts a ON a.id = p.carrier_account_id
  ORDER BY a.name, p.name COLLATE NOCASE, p.id`;

const CUSTOMER_RATE_PLANS = `SELECT p.id, p.name, p.code, t.name AS tenant,
    (SELECT count(*) FROM devices d WHERE d.customer_rate_plan_id = p.id) AS devices
  FROM customer_rate_plans p JOIN tenants t ON t.id = p.tenant_id
  ORDER BY p.name COLLATE NOCASE, t.name, p.id`;

/** Everything the grid's pickers offer, each with its devices in the whole workspace. */
export function deviceFilterOptions(db: Db): DeviceFilterOptions {
  return {
    customers: cached(db, CUSTOMERS).all() as DeviceFilterOptions['customers'],
    sites: cached(db, SITES).all() as DeviceFilterOptions['sites'],
    carrierRatePlans: cached(
      db,
      CARRIER_RATE_PLANS,
    ).all() as DeviceFilterOptions['carrierRatePlans'],
    customerRatePlans: cached(
      db,
      CUSTOMER_RATE_PLANS,
    ).all() as DeviceFilterOptions['customerRatePlans'],
  };
}

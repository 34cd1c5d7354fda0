/**
 * Indexes for the Devices grid's filters and sorts. Each filter's index ends in id, so a page
 * of one account's, site's or plan's devices in the order they were added is an index range
 * (devices_account_status puts status before id, so it can't serve an account on its own);
 * devices_updated serves the grid's "updated" sort.
 */
export const sql = /* sql */ `
CREATE INDEX devices_account ON devices (carrier_account_id, id);
CREATE INDEX devices_site ON devices (site_id, id);
CREATE INDEX devices_carrier_plan ON devices (carrier_rate_plan_id, id);
CREATE INDEX devices_customer_plan ON devices (customer_rate_plan_id, id);
CREATE INDEX devices_updated ON devices (updated_at, id);
`;

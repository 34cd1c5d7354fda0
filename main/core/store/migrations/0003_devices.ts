/** The inventory (the seeds' M2M_Device) and revenue services. */
export const sql = /* sql */ `
CREATE TABLE devices (
  id                     INTEGER PRIMARY KEY,
  carrier_account_id     INTEGER NOT NULL REFERENCES carrier_accounts (id),
  iccid                  TEXT NOT NULL UNIQUE,
  imei                   TEXT,
  msisdn                 TEXT,
  eid                    TEXT,
  status                 TEXT NOT NULL CHECK (status IN ('inventory', 'active', 'suspended', 'deactivated', 'pending')),
  carrier_status         TEXT NOT NULL,
  carrier_rate_plan_id   INTEGER REFERENCES carrier_rate_plans (id),
  communication_plan     TEXT,
  customer_id            INTEGER REFERENCES customers (id),
  site_id                INTEGER REFERENCES sites (id),
  customer_rate_plan_id  INTEGER REFERENCES customer_rate_plans (id),
  customer_pool_id       INTEGER REFERENCES customer_pools (id),
  data_allocation_mb     INTEGER CHECK (data_allocation_mb >= 0),
  activated_at           TEXT,
  created_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Pages are ordered by id; each filter the grid offers has an index that ends in id,
-- so a page of a 1M-device inventory is an index range, not a sort.
CREATE INDEX devices_account_status ON devices (carrier_account_id, status, id);
CREATE INDEX devices_status ON devices (status, id);
CREATE INDEX devices_customer ON devices (customer_id, id);
CREATE INDEX devices_imei ON devices (imei) WHERE imei IS NOT NULL;
CREATE INDEX devices_msisdn ON devices (msisdn) WHERE msisdn IS NOT NULL;
CREATE INDEX devices_eid ON devices (eid) WHERE eid IS NOT NULL;

CREATE TABLE revenue_services (
  id             INTEGER PRIMARY KEY,
  customer_id    INTEGER NOT NULL REFERENCES customers (id),
  device_id      INTEGER NOT NULL REFERENCES devices (id),
  service_code   TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'disconnected')),
  effective_date TEXT NOT NULL,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX revenue_services_device ON revenue_services (device_id);
CREATE INDEX revenue_services_customer ON revenue_services (customer_id);
`;

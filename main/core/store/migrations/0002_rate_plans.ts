/** Carrier rate plan catalogs, customer (billing) rate plans and pools. */
export const sql = /* sql */ `
CREATE TABLE carrier_rate_plans (
  id                  INTEGER PRIMARY KEY,
  carrier_account_id  INTEGER NOT NULL REFERENCES carrier_accounts (id),
  code                TEXT NOT NULL,
  name                TEXT NOT NULL,
  plan_uuid           TEXT,
  jasper_rate_plan_id INTEGER,
  data_mb             INTEGER,
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (carrier_account_id, code)
) STRICT;

CREATE TABLE customer_rate_plans (
  id                 INTEGER PRIMARY KEY,
  tenant_id          INTEGER NOT NULL REFERENCES tenants (id),
  code               TEXT NOT NULL,
  name               TEXT NOT NULL,
  monthly_fee_cents  INTEGER NOT NULL DEFAULT 0 CHECK (monthly_fee_cents >= 0),
  data_allocation_mb INTEGER CHECK (data_allocation_mb >= 0),
  overage_cents_per_mb INTEGER CHECK (overage_cents_per_mb >= 0),
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (tenant_id, code)
) STRICT;

CREATE TABLE customer_pools (
  id            INTEGER PRIMARY KEY,
  tenant_id     INTEGER NOT NULL REFERENCES tenants (id),
  name          TEXT NOT NULL,
  total_data_mb INTEGER CHECK (total_data_mb >= 0),
  UNIQUE (tenant_id, name)
) STRICT;
`;

/** Carrier accounts (the seeds' service providers), tenants, customers and sites. */
export const sql = /* sql */ `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The secret never lives here: credential_ref names the OS keychain entry.
CREATE TABLE carrier_accounts (
  id                    INTEGER PRIMARY KEY,
  carrier               TEXT NOT NULL CHECK (carrier IN ('thingspace', 'jasper', 'telegence', 'pond')),
  name                  TEXT NOT NULL UNIQUE,
  mode                  TEXT NOT NULL CHECK (mode IN ('sandbox', 'live')),
  base_url              TEXT NOT NULL,
  rate_limit_per_second REAL NOT NULL CHECK (rate_limit_per_second > 0),
  max_concurrency       INTEGER NOT NULL CHECK (max_concurrency > 0),
  max_batch_size        INTEGER NOT NULL DEFAULT 1 CHECK (max_batch_size > 0),
  credential_ref        TEXT,
  settings_json         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings_json)),
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE tenants (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Non-revenue (AMOP) customers have no RevCustomerId; revenue customers must have one.
CREATE TABLE customers (
  id              INTEGER PRIMARY KEY,
  tenant_id       INTEGER NOT NULL REFERENCES tenants (id),
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('non_revenue', 'revenue')),
  rev_customer_id TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (tenant_id, name),
  CHECK ((kind = 'revenue') = (rev_customer_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX customers_rev_id ON customers (rev_customer_id) WHERE rev_customer_id IS NOT NULL;

CREATE TABLE sites (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  name        TEXT NOT NULL,
  address     TEXT,
  UNIQUE (customer_id, name)
) STRICT;
`;

/**
 * Bulk changes (DeviceBulkChange), their device rows (M2M_DeviceChange, which are also the
 * engine's queue), the per-request log (M2MDeviceBulkChangeLog) and the schedule of future
 * customer-rate-plan changes.
 */
export const sql = /* sql */ `
CREATE TABLE bulk_changes (
  id                 INTEGER PRIMARY KEY,
  change_type        TEXT NOT NULL CHECK (change_type IN ('statusUpdate', 'carrierRatePlanChange', 'customerRatePlanChange', 'customerAssignment', 'identifierChange')),
  status             TEXT NOT NULL CHECK (status IN ('DRAFT', 'QUEUED', 'PROCESSING', 'PROCESSED', 'PARTIAL', 'ERROR', 'CANCELLED')),
  carrier_account_id INTEGER REFERENCES carrier_accounts (id),
  tenant_id          INTEGER REFERENCES tenants (id),
  title              TEXT NOT NULL,
  request_json       TEXT NOT NULL CHECK (json_valid(request_json)),
  paused             INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  submitted_at       TEXT,
  completed_at       TEXT
) STRICT;
CREATE INDEX bulk_changes_status ON bulk_changes (status, id);

-- Claimed with one UPDATE ... RETURNING that sets lease_token and lease_expires_at;
-- finished only while the token still matches.
CREATE TABLE device_changes (
  id                 INTEGER PRIMARY KEY,
  bulk_change_id     INTEGER NOT NULL REFERENCES bulk_changes (id) ON DELETE CASCADE,
  device_id          INTEGER REFERENCES devices (id),
  iccid              TEXT,
  imei               TEXT,
  request_json       TEXT NOT NULL CHECK (json_valid(request_json)),
  status             TEXT NOT NULL CHECK (status IN ('PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER', 'SUCCEEDED', 'FAILED', 'NEEDS_REVIEW', 'CANCELLED')),
  attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts       INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  lease_token        TEXT,
  lease_expires_at   INTEGER,
  next_attempt_at    INTEGER NOT NULL DEFAULT 0,
  carrier_request_id TEXT,
  error_code         TEXT,
  error_message      TEXT,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  completed_at       TEXT,
  CHECK ((lease_token IS NULL) = (lease_expires_at IS NULL))
) STRICT;
CREATE INDEX device_changes_bulk ON device_changes (bulk_change_id, status, id);
CREATE INDEX device_changes_ready ON device_changes (status, next_attempt_at, id);
CREATE INDEX device_changes_device ON device_changes (device_id);
CREATE INDEX device_changes_carrier_request ON device_changes (carrier_request_id) WHERE carrier_request_id IS NOT NULL;

-- Append-only and hash-chained: hash = sha256(prev_hash || canonical row).
CREATE TABLE bulk_change_log (
  id                INTEGER PRIMARY KEY,
  bulk_change_id    INTEGER NOT NULL REFERENCES bulk_changes (id),
  device_change_id  INTEGER REFERENCES device_changes (id),
  request_text      TEXT,
  response_text     TEXT,
  has_errors        INTEGER NOT NULL CHECK (has_errors IN (0, 1)),
  response_status   TEXT NOT NULL,
  processed_by      TEXT NOT NULL,
  processed_at      TEXT NOT NULL,
  prev_hash         TEXT NOT NULL,
  hash              TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX bulk_change_log_bulk ON bulk_change_log (bulk_change_id, id);
CREATE INDEX bulk_change_log_device_change ON bulk_change_log (device_change_id, id);
CREATE TRIGGER bulk_change_log_no_update BEFORE UPDATE ON bulk_change_log
BEGIN SELECT RAISE(ABORT, 'the bulk change log is append-only'); END;
CREATE TRIGGER bulk_change_log_no_delete BEFORE DELETE ON bulk_change_log
BEGIN SELECT RAISE(ABORT, 'the bulk change log is append-only'); END;

CREATE TABLE customer_rate_plan_schedule (
  id                    INTEGER PRIMARY KEY,
  bulk_change_id        INTEGER NOT NULL REFERENCES bulk_changes (id),
  device_change_id      INTEGER REFERENCES device_changes (id),
  device_id             INTEGER NOT NULL REFERENCES devices (id),
  customer_rate_plan_id INTEGER REFERENCES customer_rate_plans (id),
  customer_pool_id      INTEGER REFERENCES customer_pools (id),
  data_allocation_mb    INTEGER CHECK (data_allocation_mb >= 0),
  effective_at          TEXT NOT NULL,
  status                TEXT NOT NULL CHECK (status IN ('SCHEDULED', 'APPLIED', 'CANCELLED', 'FAILED')),
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  applied_at            TEXT
) STRICT;
CREATE INDEX customer_rate_plan_schedule_due ON customer_rate_plan_schedule (status, effective_at);
CREATE INDEX customer_rate_plan_schedule_device ON customer_rate_plan_schedule (device_id);
`;

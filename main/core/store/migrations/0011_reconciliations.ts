/**
 * Reconciliation runs of a bulk change: what we held for each device, what its carrier said
 * when asked, and whether they agree. A run is written as `running` and ends `complete` or
 * `cancelled`. The process running it beats `heartbeat_at`; a run whose heartbeat has gone
 * quiet belonged to a process that died, and is closed as cancelled, its unasked devices not
 * checked. At most one run of a bulk change is running at a time.
 */
export const sql = /* sql */ `
CREATE TABLE reconciliations (
  id             INTEGER PRIMARY KEY,
  bulk_change_id INTEGER NOT NULL REFERENCES bulk_changes (id) ON DELETE CASCADE,
  state          TEXT NOT NULL CHECK (state IN ('running', 'complete', 'cancelled')),
  started_by     TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT CHECK ((state = 'running') = (finished_at IS NULL)),
  heartbeat_at   TEXT NOT NULL,
  devices        INTEGER NOT NULL DEFAULT 0 CHECK (devices >= 0),
  matching       INTEGER NOT NULL DEFAULT 0 CHECK (matching >= 0),
  differences    INTEGER NOT NULL DEFAULT 0 CHECK (differences >= 0),
  not_checked    INTEGER NOT NULL DEFAULT 0 CHECK (not_checked >= 0)
) STRICT;
CREATE INDEX reconciliations_bulk ON reconciliations (bulk_change_id, id);
CREATE UNIQUE INDEX reconciliations_running ON reconciliations (bulk_change_id) WHERE state = 'running';

-- ours_*: our record when the carrier was asked; carrier_*: the carrier's answer, no more than
-- a CarrierDeviceState holds. Differences are the desk's words, one line per field.
CREATE TABLE reconciliation_rows (
  id                         INTEGER PRIMARY KEY,
  reconciliation_id          INTEGER NOT NULL REFERENCES reconciliations (id) ON DELETE CASCADE,
  device_change_id           INTEGER NOT NULL REFERENCES device_changes (id) ON DELETE CASCADE,
  account_id                 INTEGER REFERENCES carrier_accounts (id),
  outcome                    TEXT NOT NULL,
  ours_iccid                 TEXT NOT NULL,
  ours_imei                  TEXT,
  ours_msisdn                TEXT,
  ours_status                TEXT,
  ours_rate_plan             TEXT,
  carrier_iccid              TEXT,
  carrier_imei               TEXT,
  carrier_msisdn             TEXT,
  carrier_status             TEXT,
  carrier_status_word        TEXT,
  carrier_rate_plan          TEXT,
  carrier_communication_plan TEXT,
  verdict                    TEXT NOT NULL CHECK (verdict IN ('match', 'differs', 'not_checked')),
  verdict_order              INTEGER GENERATED ALWAYS AS (CASE verdict WHEN 'differs' THEN 0 WHEN 'not_checked' THEN 1 ELSE 2 END) VIRTUAL,
  differences                TEXT,
  asked_at                   TEXT,
  lookup_error               TEXT,
  UNIQUE (reconciliation_id, device_change_id)
) STRICT;
-- The report's order, differences first, walked from the index rather than sorted.
CREATE INDEX reconciliation_rows_report ON reconciliation_rows (reconciliation_id, verdict_order, ours_iccid, id);
`;

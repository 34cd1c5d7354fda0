/**
 * What the engine needs on each device change: its lane (the carrier account, or none for
 * changes made only in our store), how often it was polled, and what the carrier returned.
 */
export const sql = /* sql */ `
ALTER TABLE device_changes ADD COLUMN lane_account_id INTEGER REFERENCES carrier_accounts (id);
ALTER TABLE device_changes ADD COLUMN polls INTEGER NOT NULL DEFAULT 0 CHECK (polls >= 0);
ALTER TABLE device_changes ADD COLUMN result_json TEXT CHECK (result_json IS NULL OR json_valid(result_json));
CREATE INDEX device_changes_lane_ready ON device_changes (lane_account_id, status, next_attempt_at, id);
ALTER TABLE bulk_changes ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1));
`;

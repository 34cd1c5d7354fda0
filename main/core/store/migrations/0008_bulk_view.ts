/**
 * What the bulk change view shows and records: the file a change came from, each device's
 * before → after as planned, and who closed a NEEDS_REVIEW row, how and why.
 */
export const sql = /* sql */ `
ALTER TABLE bulk_changes ADD COLUMN source_name TEXT;
ALTER TABLE device_changes ADD COLUMN changes_json TEXT CHECK (changes_json IS NULL OR json_valid(changes_json));
ALTER TABLE device_changes ADD COLUMN resolved_by TEXT;
ALTER TABLE device_changes ADD COLUMN resolved_at TEXT;
ALTER TABLE device_changes ADD COLUMN resolution_reason TEXT;
CREATE INDEX bulk_changes_created ON bulk_changes (created_at);
`;

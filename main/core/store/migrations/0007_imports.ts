/** Remembered column layouts of customers' files, and drafts prepared for later submission. */
export const sql = /* sql */ `
-- One row per file layout (its headers in order); the mapping the desk last confirmed for it.
CREATE TABLE import_layouts (
  fingerprint   TEXT PRIMARY KEY,
  mapping_json  TEXT NOT NULL CHECK (json_valid(mapping_json)),
  used_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A draft keeps rows as the desk prepared them (field values as text, by spreadsheet row),
-- never a validation result: it is checked again against the inventory before submission.
CREATE TABLE drafts (
  id                   INTEGER PRIMARY KEY,
  title                TEXT NOT NULL,
  change_type          TEXT NOT NULL CHECK (change_type IN ('statusUpdate', 'carrierRatePlanChange', 'customerRatePlanChange', 'customerAssignment', 'identifierChange')),
  setup_json           TEXT NOT NULL CHECK (json_valid(setup_json)),
  source_name          TEXT NOT NULL,
  fields_json          TEXT NOT NULL CHECK (json_valid(fields_json)),
  rows_json            TEXT NOT NULL CHECK (json_valid(rows_json)),
  row_count            INTEGER NOT NULL CHECK (row_count >= 0),
  status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
  bulk_change_ids_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(bulk_change_ids_json)),
  created_by           TEXT NOT NULL,
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
`;

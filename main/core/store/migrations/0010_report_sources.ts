/**
 * What the audit reports name and look up: the SHA-256 of the file a bulk change was imported
 * from (so a report proves which file it was), and device changes by the ICCID or IMEI the
 * device had then, so a device's history is found by a former identifier after a swap.
 */
export const sql = /* sql */ `
ALTER TABLE bulk_changes ADD COLUMN source_sha256 TEXT CHECK (source_sha256 IS NULL OR (length(source_sha256) = 64 AND source_sha256 NOT GLOB '*[^0-9a-f]*'));
CREATE INDEX device_changes_iccid ON device_changes (iccid) WHERE iccid IS NOT NULL;
CREATE INDEX device_changes_imei ON device_changes (imei) WHERE imei IS NOT NULL;
`;

/**
 * What keeps the bulk change view quick at 100k rows per change: pages in listed order walked
 * from an index instead of sorted, counts per carrier account and status read from one covering
 * index (the header, history), and an ICCID or IMEI prefix searched as a range within the change.
 */
export const sql = /* sql */ `
CREATE INDEX device_changes_bulk_order ON device_changes (bulk_change_id);
CREATE INDEX device_changes_bulk_lane ON device_changes (bulk_change_id, lane_account_id, status);
CREATE INDEX device_changes_bulk_iccid ON device_changes (bulk_change_id, iccid);
CREATE INDEX device_changes_bulk_imei ON device_changes (bulk_change_id, imei) WHERE imei IS NOT NULL;
`;

import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';

/**
 * A sandbox workspace holding one finished bulk change of `rows` devices, one in ten failed with
 * a reason, written straight into the store: the big report the memory test and bench export.
 * Returns the bulk change's id.
 */
export async function seedBigReport(dataDir: string, rows: number): Promise<number> {
  const db = openStore(databaseFile(dataDir));
  await seedSandbox(db, { devices: 300 });
  const bulk = db
    .prepare(
      `INSERT INTO bulk_changes (change_type, status, title, request_json, created_by, submitted_at, completed_at, source_name)
       VALUES ('statusUpdate', 'PARTIAL', 'Suspend the fleet', '{"action":"suspend"}', 'desk',
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'fleet.xlsx')`,
    )
    .run().lastInsertRowid as number;
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @rows)
     INSERT INTO device_changes (bulk_change_id, device_id, iccid, imei, request_json, status, attempts,
       carrier_request_id, error_message, changes_json, completed_at)
     SELECT @bulk, (SELECT min(id) FROM devices) + i % 300, printf('8901%016d', i), printf('35%013d', i), '{}',
       CASE WHEN i % 10 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END, 1 + i % 3, 'req-' || i,
       CASE WHEN i % 10 = 0 THEN 'The carrier refused: line under fraud hold; call the carrier''s fraud desk.' END,
       '[{"field":"status","from":"active","to":"suspended"}]', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     FROM n`,
  ).run({ rows, bulk });
  db.close();
  return bulk;
}

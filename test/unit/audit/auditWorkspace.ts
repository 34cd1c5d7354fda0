import { join } from 'node:path';
import type { AuditEntryInput } from '../../../main/core/audit/auditLog';
import { openStore, type Db } from '../../../main/core/store/open';
import type { EntryContent } from '../../../main/core/audit/chainHash';

export interface AuditWorkspace {
  db: Db;
  file: string;
  bulkChangeId: number;
  deviceChangeIds: number[];
}

/** A real workspace database with one bulk change and a few device changes to log against. */
export function openAuditWorkspace(dir: string, deviceChanges = 3): AuditWorkspace {
  const file = join(dir, 'workspace.sqlite');
  const db = openStore(file);
  const bulkChangeId = Number(
    db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'PROCESSING', 'Suspend lost SIMs', '{}', 'desk')",
      )
      .run().lastInsertRowid,
  );
  const addChange = db.prepare(
    "INSERT INTO device_changes (bulk_change_id, iccid, request_json, status) VALUES (?, ?, '{}', 'PENDING')",
  );
  const deviceChangeIds = Array.from({ length: deviceChanges }, (_, i) =>
    Number(
      addChange.run(bulkChangeId, `8901410000000${String(i).padStart(6, '0')}`).lastInsertRowid,
    ),
  );
  return { db, file, bulkChangeId, deviceChangeIds };
}

/** A redacted carrier exchange as the engine would log it; `n` makes each one distinct. */
export function exchange(
  workspace: AuditWorkspace,
  n: number,
  overrides: Partial<AuditEntryInput> = {},
): AuditEntryInput {
  const deviceChangeId = workspace.deviceChangeIds[n % workspace.deviceChangeIds.length] ?? null;
  return {
    bulkChangeId: workspace.bulkChangeId,
    deviceChangeId,
    requestText: `PUT https://sim.test/rws/api/v1/devices/8901410000000${n}\n{"Authorization":"[redacted]"}\n{"status":"DEACTIVATED"}`,
    responseText: `{"iccid":"8901410000000${n}","status":"DEACTIVATED"}`,
    hasErrors: false,
    responseStatus: 'HTTP 200',
    processedBy: 'engine',
    processedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    ...overrides,
  };
}

/** Every row of the log, oldest first, as stored. */
export function storedRows(db: Db) {
  return db.prepare('SELECT * FROM bulk_change_log ORDER BY id').all() as (EntryContent & {
    id: number;
    prev_hash: string;
    hash: string;
  })[];
}

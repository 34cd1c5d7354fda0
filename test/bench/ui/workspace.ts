// The UI bench's workspace: a seeded sandbox with one 100k-device suspension, most of it
// already finished (some failed, some to review) and the rest pending, paused until the bench
// lets it stream.
import { changeHandlers } from '../../../main/core/changes';
import * as bulk from '../../../main/core/bulk/service';
import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';

/** Roughly this share of seeded devices is active, and so can be suspended. */
const ACTIVE_SHARE = 0.65;

export interface BenchWorkspace {
  bulkChangeId: number;
  devices: number;
  pending: number;
  seedMs: number;
  createMs: number;
}

/**
 * Seeds `dataDir` and creates a suspension of `size` active devices through core's own planning,
 * then writes the rows' states directly: 80% done, 2% failed with a carrier's reason, 1% to
 * review, 17% waiting; the change is paused so nothing runs until the bench resumes it.
 */
export async function benchWorkspace(dataDir: string, size: number): Promise<BenchWorkspace> {
  const db = openStore(databaseFile(dataDir));
  try {
    const seedStart = performance.now();
    await seedSandbox(db, { devices: Math.ceil(size / ACTIVE_SHARE) + 1_000 });
    const seedMs = performance.now() - seedStart;
    const iccids = db
      .prepare("SELECT iccid FROM devices WHERE status = 'active' ORDER BY id LIMIT ?")
      .pluck()
      .all(size) as string[];
    if (iccids.length < size) throw new Error(`only ${iccids.length} active devices were seeded`);

    const createStart = performance.now();
    const { bulkChangeId } = bulk.create(
      db,
      changeHandlers,
      {
        changeType: 'statusUpdate',
        params: { action: 'suspend' },
        devices: iccids,
        title: `Suspend ${size.toLocaleString('en-US')} devices (UI bench)`,
        submit: false,
        allowRefused: true,
      },
      'bench',
    );
    const createMs = performance.now() - createStart;
    const now = new Date().toISOString();
    db.transaction(() => {
      db.prepare(
        "UPDATE bulk_changes SET status = 'PROCESSING', paused = 1, submitted_at = ?, source_name = 'customer-suspensions.xlsx' WHERE id = ?",
      ).run(now, bulkChangeId);
      // Spread over the rows by id, so every stretch of the grid holds every status.
      db.prepare(
        `UPDATE device_changes SET
           status = CASE WHEN id % 100 < 80 THEN 'SUCCEEDED' WHEN id % 100 < 82 THEN 'FAILED' ELSE 'NEEDS_REVIEW' END,
           attempts = 1, completed_at = ?, updated_at = ?,
           error_code = CASE WHEN id % 100 BETWEEN 80 AND 81 THEN 'carrier_refused' END,
           error_message = CASE WHEN id % 100 BETWEEN 80 AND 81 THEN 'The carrier refused the change: SIM is locked by the customer.'
                                WHEN id % 100 = 82 THEN 'The call timed out after it was sent; check the line at the carrier.' END
         WHERE bulk_change_id = ? AND id % 100 < 83`,
      ).run(now, now, bulkChangeId);
    })();
    const pending = db
      .prepare(
        "SELECT count(*) FROM device_changes WHERE bulk_change_id = ? AND status = 'PENDING'",
      )
      .pluck()
      .get(bulkChangeId) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { bulkChangeId, devices: size, pending, seedMs, createMs };
  } finally {
    db.close();
  }
}

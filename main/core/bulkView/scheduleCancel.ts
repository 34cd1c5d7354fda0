import type { BulkStatus, DeviceChangeStatus } from '../../../shared/domain/changes';
import type { AuditLog } from '../audit/auditLog';
import { closeSchedule } from '../changes/customerRatePlanChange';
import { finalizeIfDone, statusCounts } from '../engine/bulkChanges';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { forDeviceChanges } from './idList';
import { firstFew, statusWords } from './refusals';
import { WAITING } from './schedule';

interface AskedRow {
  id: number;
  bulkId: number;
  bulkStatus: BulkStatus;
  status: DeviceChangeStatus;
  iccid: string | null;
  waiting: number;
  scheduled: number;
}

/** Why a row asked for can't be cancelled from the schedule any more. */
function notWaiting(row: AskedRow): string {
  const which = `ICCID ${row.iccid ?? '?'} (device change ${row.id})`;
  if (row.scheduled === 0)
    return `${which} is not a scheduled change; cancel it from bulk change #${row.bulkId} instead.`;
  if (row.status === 'PENDING')
    return row.bulkStatus === 'QUEUED' || row.bulkStatus === 'PROCESSING'
      ? `${which} is due now and about to be applied.`
      : `${which} is in bulk change #${row.bulkId}, which is ${row.bulkStatus.toLowerCase()}.`;
  return `${which} is no longer waiting: ${statusWords[row.status]}.`;
}

/** A bulk change whose every row was cancelled ends CANCELLED, not ERROR; otherwise as the engine decides. */
function settle(db: Db, bulkChangeId: number): void {
  const counts = statusCounts(db, bulkChangeId);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (counts.CANCELLED === total)
    cached(db, 'UPDATE bulk_changes SET cancel_requested = 1 WHERE id = ?').run(bulkChangeId);
  finalizeIfDone(db, bulkChangeId);
}

/**
 * Cancels future-dated rows that are still waiting for their day (nothing was sent for them):
 * all of them or, if any has moved on since the list was read, none. Each bulk change touched
 * gets one audit entry and its final status once nothing is left to do.
 */
export function cancelScheduled(
  db: Db,
  audit: AuditLog,
  who: string,
  deviceChangeIds: number[],
): { cancelled: number; bulkChangeIds: number[] } {
  const wanted = [...new Set(deviceChangeIds)];
  return db.transaction(() => {
    const now = Date.now();
    const asked = cached(
      db,
      `SELECT dc.id, b.id AS bulkId, b.status AS bulkStatus, dc.status, dc.iccid,
         (${WAITING}) AS waiting, json_extract(dc.request_json, '$.effectiveAt') IS NOT NULL AS scheduled
       FROM device_changes dc JOIN bulk_changes b ON b.id = dc.bulk_change_id
       WHERE dc.id IN (SELECT value FROM json_each(@ids))`,
    ).all({ ids: JSON.stringify(wanted), now }) as AskedRow[];
    const found = new Set(asked.map((r) => r.id));
    const reasons = [
      ...wanted.filter((id) => !found.has(id)).map((id) => `There is no device change ${id}.`),
      ...asked.filter((r) => r.waiting !== 1).map(notWaiting),
    ];
    if (reasons.length > 0)
      throw new CoreError(
        'conflict',
        `${firstFew(reasons)} Nothing was cancelled; refresh the schedule and choose again.`,
      );
    const at = new Date(now).toISOString();
    const cancel = cached(
      db,
      `UPDATE device_changes SET status = 'CANCELLED', completed_at = @at, updated_at = @at, error_message = @message
       WHERE id = @id AND status = 'PENDING' AND lease_token IS NULL`,
    );
    const message = `Cancelled from the schedule by ${who} before its date; nothing was sent.`;
    const byBulk = new Map<number, number[]>();
    for (const row of asked) {
      cancel.run({ id: row.id, at, message });
      closeSchedule(db, row.id, 'CANCELLED');
      const ids = byBulk.get(row.bulkId);
      if (ids) ids.push(row.id);
      else byBulk.set(row.bulkId, [row.id]);
    }
    for (const [bulkChangeId, ids] of byBulk) {
      const single = ids.length === 1 ? ids[0]! : null;
      audit.append({
        bulkChangeId,
        deviceChangeId: single,
        requestText: `${who} cancelled ${ids.length.toLocaleString('en-US')} scheduled row${ids.length === 1 ? '' : 's'} before ${ids.length === 1 ? 'its' : 'their'} date.`,
        responseText: null,
        hasErrors: false,
        responseStatus: `CANCELLED FROM SCHEDULE${single === null ? ` ${forDeviceChanges(ids)}` : ''}`,
        processedBy: who,
        processedAt: at,
      });
      settle(db, bulkChangeId);
    }
    return { cancelled: asked.length, bulkChangeIds: [...byBulk.keys()] };
  })();
}

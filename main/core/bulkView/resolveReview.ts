import type { AuditLog } from '../audit/auditLog';
import { assertRedacted } from '../audit/secretGuard';
import { changeHandlers } from '../changes';
import { closeSchedule } from '../changes/customerRatePlanChange';
import { loadDevices } from '../changes/devices';
import type { ChangeHandler } from '../changes/handler';
import { finalizeIfDone } from '../engine/bulkChanges';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { requireBulk, type BulkRecord } from './bulkRecord';
import { forDeviceChanges } from './idList';
import { refuseUnlisted } from './refusals';

export interface ResolveRequest {
  bulkChangeId: number;
  deviceChangeIds?: number[];
  outcome: 'SUCCEEDED' | 'FAILED';
  reason: string;
}

interface ReviewRow {
  id: number;
  deviceId: number | null;
  requestJson: string;
}

/** Throws a plain refusal if the reason would be refused by the audit log's secret guard. */
function checkReason(reason: string, bulkChangeId: number): void {
  try {
    assertRedacted(reason, 'reason', `Resolving rows of bulk change ${bulkChangeId}`);
  } catch {
    throw new CoreError(
      'invalid_request',
      'The reason looks like it holds a password, key or token, and the audit log keeps it forever; say what you checked without the credentials.',
    );
  }
}

/**
 * Our store catches up with what the desk saw at the carrier: the change was applied there, so
 * it is applied here too, exactly as the engine would have on success. One refusal (a plan that
 * left the catalog, an ICCID taken since) stops the whole resolution with its reason.
 */
function applyConfirmed(db: Db, bulk: BulkRecord, rows: ReviewRow[]): void {
  const handler = changeHandlers[bulk.changeType] as ChangeHandler;
  const json = cached(db, 'SELECT request_json FROM bulk_changes WHERE id = ?')
    .pluck()
    .get(bulk.id) as string;
  const params = handler.params.parse(JSON.parse(json));
  const devices = loadDevices(
    db,
    rows.flatMap((r) => (r.deviceId === null ? [] : [r.deviceId])),
  );
  for (const row of rows) {
    const device = row.deviceId === null ? undefined : devices.get(row.deviceId);
    if (!device)
      throw new CoreError(
        'conflict',
        `Device change ${row.id} has no device in the inventory any more, so it can't be marked as done; mark it failed instead.`,
      );
    const request = JSON.parse(row.requestJson) as Record<string, unknown>;
    try {
      handler.applyLocal(db, params, { deviceChangeId: row.id, device, request }, undefined);
    } catch (error) {
      if (error instanceof CoreError)
        throw new CoreError(error.code, `Nothing was marked done. ${error.message}`);
      throw error;
    }
  }
}

/**
 * The engine ends a bulk change once its last row is final, counting rows for review as not done.
 * Closing them can change that outcome (ERROR → PROCESSED), so it is judged again by the same rule.
 */
function judgeAgain(db: Db, bulkChangeId: number): void {
  cached(
    db,
    "UPDATE bulk_changes SET status = 'PROCESSING' WHERE id = ? AND status IN ('PROCESSED', 'PARTIAL', 'ERROR')",
  ).run(bulkChangeId);
  finalizeIfDone(db, bulkChangeId);
}

/**
 * Closes NEEDS_REVIEW rows after someone checked the carrier: as done (our store is updated to
 * match) or as failed. Who, how, why and how many rows go into the audit log in the same
 * transaction, and the bulk change gets its final status once nothing is left to do.
 */
export function resolveReview(db: Db, audit: AuditLog, who: string, request: ResolveRequest): void {
  const { bulkChangeId, outcome } = request;
  const bulk = requireBulk(db, bulkChangeId);
  const reason = request.reason.trim();
  checkReason(reason, bulkChangeId);
  db.transaction(() => {
    const rows = cached(
      db,
      `SELECT id, device_id AS deviceId, request_json AS requestJson FROM device_changes
       WHERE bulk_change_id = ? AND status = 'NEEDS_REVIEW' ORDER BY id`,
    ).all(bulkChangeId) as ReviewRow[];
    const chosen = request.deviceChangeIds
      ? refuseUnlisted(db, bulkChangeId, rows, request.deviceChangeIds)
      : rows;
    if (chosen.length === 0)
      throw new CoreError(
        'conflict',
        `Bulk change ${bulkChangeId} has no rows waiting for review; nothing was changed.`,
      );
    if (outcome === 'SUCCEEDED') applyConfirmed(db, bulk, chosen);
    const now = new Date().toISOString();
    const mark = cached(
      db,
      `UPDATE device_changes SET status = @outcome, resolved_by = @who, resolved_at = @now, resolution_reason = @reason,
         completed_at = @now, updated_at = @now
       WHERE id = @id AND status = 'NEEDS_REVIEW'`,
    );
    for (const row of chosen) {
      mark.run({ outcome, who, now, reason, id: row.id });
      if (outcome === 'FAILED') closeSchedule(db, row.id, 'FAILED');
    }
    const ids = chosen.map((r) => r.id);
    const single = ids.length === 1 ? ids[0]! : null;
    const rowsText = `${ids.length.toLocaleString('en-US')} row${ids.length === 1 ? '' : 's'}`;
    audit.append({
      bulkChangeId,
      deviceChangeId: single,
      requestText: `${who} marked ${rowsText} that needed review as ${outcome === 'SUCCEEDED' ? 'done at the carrier' : 'failed'}.`,
      responseText: JSON.stringify({ outcome, rows: ids.length, reason }),
      hasErrors: outcome === 'FAILED',
      responseStatus: `REVIEWED: ${outcome}${single === null ? ` ${forDeviceChanges(ids)}` : ''}`,
      processedBy: who,
      processedAt: now,
    });
    judgeAgain(db, bulkChangeId);
  })();
}

import {
  emptyStatusCounts,
  type BulkStatus,
  type ChangeType,
  type DeviceChangeStatus,
  type StatusCounts,
} from '../../../shared/domain/changes';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import type { ChangeHandler, DeviceRecord, FieldChange } from '../changes/handler';
import { cached } from '../store/statements';

export interface PlannedDevice {
  device: DeviceRecord;
  result:
    | { ok: true; request: Record<string, unknown>; changes: FieldChange[] }
    | { ok: false; reason: string };
}

/** Plans every device; nothing is written. The dry run and the real submit share this. */
export function planChange<P>(
  db: Db,
  handler: ChangeHandler<P>,
  params: P,
  devices: DeviceRecord[],
): PlannedDevice[] {
  handler.checkParams?.(db, params);
  return devices.map((device) => ({ device, result: handler.plan(db, params, device) }));
}

export interface NewBulkChange {
  changeType: ChangeType;
  title: string;
  params: unknown;
  createdBy: string;
  planned: PlannedDevice[];
  target: 'carrier' | 'local';
  /** The file the change was imported from, if any. */
  sourceName?: string | null;
}

/**
 * Writes a DRAFT bulk change and one PENDING row per accepted device, in one transaction.
 * Refused devices are not queued; the caller has already shown them to the user.
 */
export function createBulkChange(db: Db, input: NewBulkChange): number {
  const accepted = input.planned.filter((p) => p.result.ok);
  if (accepted.length === 0)
    throw new CoreError(
      'invalid_request',
      'None of the devices can take this change; nothing was created.',
    );
  return db.transaction(() => {
    const id = Number(
      cached(
        db,
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by, source_name) VALUES (?, 'DRAFT', ?, ?, ?, ?)",
      ).run(
        input.changeType,
        input.title,
        JSON.stringify(input.params),
        input.createdBy,
        input.sourceName ?? null,
      ).lastInsertRowid,
    );
    const insert = cached(
      db,
      `INSERT INTO device_changes (bulk_change_id, device_id, iccid, imei, request_json, changes_json, status, lane_account_id, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)`,
    );
    for (const { device, result } of accepted) {
      if (!result.ok) continue;
      const effectiveAt =
        typeof result.request.effectiveAt === 'number' ? result.request.effectiveAt : 0;
      insert.run(
        id,
        device.id,
        device.iccid,
        device.imei,
        JSON.stringify(result.request),
        JSON.stringify(result.changes),
        input.target === 'carrier' ? device.accountId : null,
        effectiveAt,
      );
    }
    return id;
  })();
}

function setStatus(db: Db, id: number, from: BulkStatus[], to: BulkStatus, what: string): void {
  const bulk = cached(db, 'SELECT status FROM bulk_changes WHERE id = ?').get(id) as
    { status: BulkStatus } | undefined;
  if (!bulk) throw new CoreError('not_found', `There is no bulk change ${id}.`);
  if (!from.includes(bulk.status))
    throw new CoreError(
      'conflict',
      `Bulk change ${id} is ${bulk.status.toLowerCase()}, so it can't be ${what}.`,
    );
  cached(
    db,
    'UPDATE bulk_changes SET status = ?, submitted_at = coalesce(submitted_at, ?) WHERE id = ?',
  ).run(to, to === 'QUEUED' ? new Date().toISOString() : null, id);
}

/** DRAFT → QUEUED: the engine may start. */
export const submitBulkChange = (db: Db, id: number) =>
  setStatus(db, id, ['DRAFT'], 'QUEUED', 'submitted');

export function pauseBulkChange(db: Db, id: number, paused: boolean): void {
  const changed = cached(
    db,
    "UPDATE bulk_changes SET paused = ? WHERE id = ? AND status IN ('DRAFT', 'QUEUED', 'PROCESSING')",
  ).run(paused ? 1 : 0, id).changes;
  if (changed === 0)
    throw new CoreError(
      'conflict',
      `Bulk change ${id} has finished or does not exist, so it can't be ${paused ? 'paused' : 'resumed'}.`,
    );
}

/** Cancels rows not yet sent; rows already at the carrier run to their end. */
export function cancelBulkChange(db: Db, id: number): number {
  return db.transaction(() => {
    const changed = cached(
      db,
      "UPDATE bulk_changes SET cancel_requested = 1 WHERE id = ? AND status IN ('DRAFT', 'QUEUED', 'PROCESSING')",
    ).run(id).changes;
    if (changed === 0)
      throw new CoreError(
        'conflict',
        `Bulk change ${id} has finished or does not exist, so it can't be cancelled.`,
      );
    const cancelled = cached(
      db,
      "UPDATE device_changes SET status = 'CANCELLED', completed_at = ?, error_message = 'Cancelled before it was sent.' WHERE bulk_change_id = ? AND status = 'PENDING' AND lease_token IS NULL",
    ).run(new Date().toISOString(), id).changes;
    cached(
      db,
      "UPDATE customer_rate_plan_schedule SET status = 'CANCELLED' WHERE bulk_change_id = ? AND status = 'SCHEDULED'",
    ).run(id);
    finalizeIfDone(db, id);
    return cancelled;
  })();
}

/** FAILED rows go back to the queue with fresh attempts. */
export function retryFailed(db: Db, id: number): number {
  return db.transaction(() => {
    const retried = cached(
      db,
      "UPDATE device_changes SET status = 'PENDING', attempts = 0, polls = 0, next_attempt_at = 0, error_code = NULL, error_message = NULL, completed_at = NULL, resolved_by = NULL, resolved_at = NULL, resolution_reason = NULL WHERE bulk_change_id = ? AND status = 'FAILED'",
    ).run(id).changes;
    if (retried > 0)
      cached(
        db,
        "UPDATE bulk_changes SET status = 'QUEUED', completed_at = NULL, cancel_requested = 0 WHERE id = ? AND status IN ('PARTIAL', 'ERROR', 'PROCESSED', 'QUEUED', 'PROCESSING', 'CANCELLED')",
      ).run(id);
    return retried;
  })();
}

export type { StatusCounts };

export function statusCounts(db: Db, id: number): StatusCounts {
  const counts = emptyStatusCounts();
  for (const row of cached(
    db,
    'SELECT status, count(*) AS n FROM device_changes WHERE bulk_change_id = ? GROUP BY status',
  ).all(id) as { status: DeviceChangeStatus; n: number }[])
    counts[row.status] = row.n;
  return counts;
}

/** Once no row can change any more, the bulk change gets its final status. */
export function finalizeIfDone(db: Db, id: number): BulkStatus | undefined {
  const c = statusCounts(db, id);
  if (c.PENDING + c.IN_FLIGHT + c.AWAITING_CARRIER > 0) return undefined;
  const bulk = cached(
    db,
    'SELECT status, cancel_requested AS cancelled FROM bulk_changes WHERE id = ?',
  ).get(id) as { status: BulkStatus; cancelled: number };
  if (!['QUEUED', 'PROCESSING'].includes(bulk.status)) return undefined;
  const total = c.SUCCEEDED + c.FAILED + c.NEEDS_REVIEW + c.CANCELLED;
  const status: BulkStatus = bulk.cancelled
    ? 'CANCELLED'
    : c.SUCCEEDED === total
      ? 'PROCESSED'
      : c.SUCCEEDED === 0
        ? 'ERROR'
        : 'PARTIAL';
  cached(db, 'UPDATE bulk_changes SET status = ?, completed_at = ? WHERE id = ?').run(
    status,
    new Date().toISOString(),
    id,
  );
  return status;
}

import type { z } from 'zod';
import type { BulkPlan, BulkRequest, BulkSummary } from '../../../shared/contract/bulk';
import { describeIssues } from '../../../shared/contract/validate';
import { changeTypeLabels, type ChangeType } from '../../../shared/domain/changes';
import type { ChangeHandler } from '../changes/handler';
import { findDevices } from '../changes/devices';
import {
  cancelBulkChange,
  createBulkChange,
  pauseBulkChange,
  planChange,
  retryFailed,
  statusCounts,
  submitBulkChange,
  type NewBulkChange,
  type PlannedDevice,
} from '../engine/bulkChanges';
import { CoreError } from '../errors';
import type { Db } from '../store/open';

type Request = z.infer<typeof BulkRequest>;
type Handlers = Record<ChangeType, ChangeHandler<never>>;

/** Writes a DRAFT bulk change of planned devices, and whatever the change type records with it. */
export function writeBulkChange(
  db: Db,
  handler: ChangeHandler,
  input: Omit<NewBulkChange, 'target'>,
): number {
  const bulkChangeId = createBulkChange(db, { ...input, target: handler.target });
  if (handler.afterCreate) {
    const rows = db
      .prepare(
        'SELECT id, device_id AS deviceId, request_json AS json FROM device_changes WHERE bulk_change_id = ?',
      )
      .all(bulkChangeId) as { id: number; deviceId: number; json: string }[];
    const byDevice = new Map(input.planned.map((p) => [p.device.id, p.device]));
    db.transaction(() =>
      handler.afterCreate!(
        db,
        input.params,
        rows.map((r) => ({
          deviceChangeId: r.id,
          item: {
            deviceChangeId: r.id,
            device: byDevice.get(r.deviceId)!,
            request: JSON.parse(r.json) as Record<string, unknown>,
          },
        })),
      ),
    )();
  }
  return bulkChangeId;
}

/** Validates a request and plans every device; nothing is written. */
export function preview(
  db: Db,
  handlers: Handlers,
  request: Request,
): { plan: BulkPlan; planned: PlannedDevice[]; params: unknown } {
  const handler = handlers[request.changeType] as ChangeHandler;
  const parsed = handler.params.safeParse(request.params);
  if (!parsed.success)
    throw new CoreError(
      'invalid_request',
      `The ${changeTypeLabels[request.changeType].toLowerCase()} settings are not right: ${describeIssues(parsed.error.issues.map((i) => ({ ...i, path: ['params', ...i.path] })))}`,
    );
  const found = findDevices(db, request.devices);
  const planned = planChange(
    db,
    handler,
    parsed.data,
    found.devices.map((f) => f.device),
  );
  const refused = [...found.problems];
  const accepted: BulkPlan['accepted'] = [];
  planned.forEach(({ device, result }, i) => {
    if (result.ok) accepted.push({ iccid: device.iccid, changes: result.changes });
    else
      refused.push({
        row: found.devices[i]!.row,
        value: request.devices[found.devices[i]!.row - 1]!,
        reason: result.reason,
      });
  });
  refused.sort((a, b) => a.row - b.row);
  return { plan: { accepted, refused }, planned, params: parsed.data };
}

/** Creates the bulk change; refused devices stop it unless the desk chose to go ahead without them. */
export function create(
  db: Db,
  handlers: Handlers,
  request: Request & { submit: boolean; allowRefused: boolean },
  createdBy: string,
): BulkPlan & { bulkChangeId: number } {
  const { plan, planned, params } = preview(db, handlers, request);
  if (plan.refused.length > 0 && !request.allowRefused) {
    const first = plan.refused
      .slice(0, 3)
      .map((r) => `row ${r.row}: ${r.reason}`)
      .join(' ');
    throw new CoreError(
      'invalid_request',
      `${plan.refused.length} of ${request.devices.length} devices can't take this change. ${first}${plan.refused.length > 3 ? ' …' : ''} Fix those rows, or go ahead without them.`,
    );
  }
  const bulkChangeId = writeBulkChange(db, handlers[request.changeType] as ChangeHandler, {
    changeType: request.changeType,
    title:
      request.title ??
      `${changeTypeLabels[request.changeType]} of ${plan.accepted.length.toLocaleString('en-US')} devices`,
    params,
    createdBy,
    planned,
  });
  if (request.submit) submitBulkChange(db, bulkChangeId);
  return { ...plan, bulkChangeId };
}

export function summary(db: Db, id: number): BulkSummary {
  const row = db
    .prepare(
      'SELECT id, title, change_type AS changeType, status, paused, created_by AS createdBy, created_at AS createdAt, completed_at AS completedAt FROM bulk_changes WHERE id = ?',
    )
    .get(id) as (Omit<BulkSummary, 'paused' | 'counts'> & { paused: number }) | undefined;
  if (!row) throw new CoreError('not_found', `There is no bulk change ${id}.`);
  return { ...row, paused: row.paused === 1, counts: statusCounts(db, id) };
}

export function list(db: Db, limit: number): BulkSummary[] {
  return (
    db
      .prepare('SELECT id FROM bulk_changes ORDER BY id DESC LIMIT ?')
      .pluck()
      .all(limit) as number[]
  ).map((id) => summary(db, id));
}

export const actions = {
  submit: (db: Db, id: number) => submitBulkChange(db, id),
  pause: (db: Db, id: number) => pauseBulkChange(db, id, true),
  resume: (db: Db, id: number) => pauseBulkChange(db, id, false),
  cancel: (db: Db, id: number) => void cancelBulkChange(db, id),
  retryFailed: (db: Db, id: number) => {
    if (retryFailed(db, id) === 0)
      throw new CoreError('conflict', `Bulk change ${id} has no failed rows to retry.`);
  },
};

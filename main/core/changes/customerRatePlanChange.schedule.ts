import { z } from 'zod';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true, local: true });

/** An effective date as a desk worker gives it: a day (2026-12-01) or a moment with or without offset. */
export const EffectiveDate = z
  .string()
  .trim()
  .refine(
    (text) => isoDate.safeParse(text).success || isoDateTime.safeParse(text).success,
    'Give the effective date as a day (2026-12-01) or a moment (2026-12-01T09:00:00Z).',
  );

/**
 * The effective date in ms since the epoch. A day alone means the start of that day on this
 * computer, the clock the desk worker reads; a moment without an offset is local time too.
 */
export function effectiveAtOf(text: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime();
  return Date.parse(text.trim());
}

/** The values a scheduled row records; `undefined` (left unchanged) is stored as NULL. */
export interface ScheduledValues {
  customerRatePlanId?: number | null;
  customerPoolId?: number | null;
  dataAllocationMb?: number | null;
}

type ScheduleStatus = 'SCHEDULED' | 'APPLIED' | 'CANCELLED' | 'FAILED';

function writeSchedule(
  db: Db,
  deviceChangeId: number,
  deviceId: number,
  values: ScheduledValues,
  effectiveAt: number,
  status: ScheduleStatus,
): void {
  const now = new Date().toISOString();
  const row = {
    deviceChangeId,
    deviceId,
    plan: values.customerRatePlanId ?? null,
    pool: values.customerPoolId ?? null,
    allocation: values.dataAllocationMb ?? null,
    effectiveAt: new Date(effectiveAt).toISOString(),
    status,
    appliedAt: status === 'APPLIED' ? now : null,
  };
  const updated = cached(
    db,
    `UPDATE customer_rate_plan_schedule SET customer_rate_plan_id = @plan, customer_pool_id = @pool,
         data_allocation_mb = @allocation, effective_at = @effectiveAt, status = @status, applied_at = @appliedAt
       WHERE device_change_id = @deviceChangeId`,
  ).run(row).changes;
  if (updated > 0) return;
  cached(
    db,
    `INSERT INTO customer_rate_plan_schedule (bulk_change_id, device_change_id, device_id, customer_rate_plan_id,
       customer_pool_id, data_allocation_mb, effective_at, status, applied_at)
     SELECT bulk_change_id, @deviceChangeId, @deviceId, @plan, @pool, @allocation, @effectiveAt, @status, @appliedAt
     FROM device_changes WHERE id = @deviceChangeId`,
  ).run(row);
}

/**
 * Records a future-dated customer rate plan change as SCHEDULED, for the scheduled-changes view.
 * The engine calls it when it queues the device change; applying it later flips it to APPLIED.
 */
export function recordSchedule(
  db: Db,
  deviceChangeId: number,
  deviceId: number,
  params: ScheduledValues,
  effectiveAt: number,
): void {
  writeSchedule(db, deviceChangeId, deviceId, params, effectiveAt, 'SCHEDULED');
}

/** Marks a scheduled row APPLIED (creating it if the engine never recorded it). */
export function markScheduleApplied(
  db: Db,
  deviceChangeId: number,
  deviceId: number,
  values: ScheduledValues,
  effectiveAt: number,
): void {
  writeSchedule(db, deviceChangeId, deviceId, values, effectiveAt, 'APPLIED');
}

/** Closes the schedule row of a device change that was cancelled or failed before it applied. */
export function closeSchedule(
  db: Db,
  deviceChangeId: number,
  status: Extract<ScheduleStatus, 'CANCELLED' | 'FAILED'>,
): void {
  cached(
    db,
    "UPDATE customer_rate_plan_schedule SET status = ? WHERE device_change_id = ? AND status = 'SCHEDULED'",
  ).run(status, deviceChangeId);
}

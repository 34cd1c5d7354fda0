import { z } from 'zod';

/** The five bulk change types (seed documents' ChangeRequestType). */
export const ChangeType = z.enum([
  'statusUpdate',
  'carrierRatePlanChange',
  'customerRatePlanChange',
  'customerAssignment',
  'identifierChange',
]);
export type ChangeType = z.infer<typeof ChangeType>;

/** A bulk change as a whole. The seeds' NEW/PENDING map to DRAFT/QUEUED. */
export const BulkStatus = z.enum([
  'DRAFT',
  'QUEUED',
  'PROCESSING',
  'PROCESSED',
  'PARTIAL',
  'ERROR',
  'CANCELLED',
]);
export type BulkStatus = z.infer<typeof BulkStatus>;

const FINAL_BULK_STATUSES: ReadonlySet<string> = new Set<BulkStatus>([
  'PROCESSED',
  'PARTIAL',
  'ERROR',
  'CANCELLED',
]);

/** A bulk change that has stopped for good: nothing more is sent, only reports and packs. */
export const isFinalBulkStatus = (status: string): boolean => FINAL_BULK_STATUSES.has(status);

/** One device inside a bulk change. */
export const DeviceChangeStatus = z.enum([
  'PENDING',
  'IN_FLIGHT',
  'AWAITING_CARRIER',
  'SUCCEEDED',
  'FAILED',
  'NEEDS_REVIEW',
  'CANCELLED',
]);
export type DeviceChangeStatus = z.infer<typeof DeviceChangeStatus>;

/** How many device changes are in each status; every status present, zero or not. */
export type StatusCounts = Record<DeviceChangeStatus, number>;

/** Every status at zero, so a view always shows all of them. */
export const emptyStatusCounts = (): StatusCounts =>
  Object.fromEntries(DeviceChangeStatus.options.map((status) => [status, 0])) as StatusCounts;

/** The four status moves a desk worker asks for. */
export const StatusAction = z.enum(['activate', 'suspend', 'restore', 'deactivate']);
export type StatusAction = z.infer<typeof StatusAction>;

export const changeTypeLabels: Record<ChangeType, string> = {
  statusUpdate: 'Status update',
  carrierRatePlanChange: 'Carrier rate plan change',
  customerRatePlanChange: 'Customer rate plan change',
  customerAssignment: 'Customer assignment',
  identifierChange: 'ICCID/IMEI change',
};

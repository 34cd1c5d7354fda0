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

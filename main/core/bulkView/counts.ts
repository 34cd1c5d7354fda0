import type { StatusCounts } from '../engine/bulkChanges';

/** Every device change status at zero, so a view always shows all of them. */
export const emptyCounts = (): StatusCounts => ({
  PENDING: 0,
  IN_FLIGHT: 0,
  AWAITING_CARRIER: 0,
  SUCCEEDED: 0,
  FAILED: 0,
  NEEDS_REVIEW: 0,
  CANCELLED: 0,
});

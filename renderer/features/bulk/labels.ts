import {
  accountLabel as sharedAccountLabel,
  carrierLabels,
  Carrier,
} from '../../../shared/domain/carriers';
import type { BulkStatus, DeviceChangeStatus } from '../../../shared/domain/changes';

/** A bulk change's status as the desk says it. */
export const bulkStatusLabels: Record<BulkStatus, string> = {
  DRAFT: 'Draft',
  QUEUED: 'Queued',
  PROCESSING: 'Running',
  PROCESSED: 'Done',
  PARTIAL: 'Done with failures',
  ERROR: 'Failed',
  CANCELLED: 'Cancelled',
};

/** One device's change as the desk says it. */
export const rowStatusLabels: Record<DeviceChangeStatus, string> = {
  PENDING: 'Waiting',
  IN_FLIGHT: 'Sending',
  AWAITING_CARRIER: 'At the carrier',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  NEEDS_REVIEW: 'Needs review',
  CANCELLED: 'Cancelled',
};

/** `Paused` wins over the status: a paused bulk change is what the desk needs to notice. */
export const bulkStateLabel = (status: BulkStatus, paused: boolean): string =>
  paused && (status === 'QUEUED' || status === 'PROCESSING' || status === 'DRAFT')
    ? 'Paused'
    : bulkStatusLabels[status];

/** A progress lane's name: the carrier, or the console itself for changes made only here. */
export function laneLabel(carrier: string): string {
  const known = Carrier.safeParse(carrier);
  return known.success ? carrierLabels[known.data] : 'In the console';
}

/** Which colour of the status bar a row's status takes. */
export const rowStatusPart: Record<DeviceChangeStatus, string> = {
  PENDING: 'waiting',
  IN_FLIGHT: 'sending',
  AWAITING_CARRIER: 'sending',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  NEEDS_REVIEW: 'review',
  CANCELLED: 'cancelled',
};

/** An account as the desk knows it, named as the reports name it (see shared accountLabel). */
export const accountLabel = (carrier: string, accountName: string): string => {
  const known = Carrier.safeParse(carrier);
  return known.success
    ? sharedAccountLabel(known.data, accountName)
    : `${laneLabel(carrier)} (${accountName})`;
};

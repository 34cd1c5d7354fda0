import type { DeviceChangeStatus } from '../../../shared/domain/changes';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

/** Where a device change stands, in the words of a refusal. */
export const statusWords: Record<DeviceChangeStatus, string> = {
  PENDING: 'it is waiting to be sent',
  IN_FLIGHT: 'it is being sent to the carrier',
  AWAITING_CARRIER: 'the carrier is still working on it',
  SUCCEEDED: 'it is already done',
  FAILED: 'it has failed',
  NEEDS_REVIEW: 'it is waiting for review',
  CANCELLED: 'it was already cancelled',
};

/** "A. B. C. …and 4 more." for a refusal that names the first few rows. */
export function firstFew(reasons: string[], show = 3): string {
  const more = reasons.length > show ? ` …and ${reasons.length - show} more.` : '';
  return `${reasons.slice(0, show).join(' ')}${more}`;
}

/** The rows asked for, or a refusal naming those that are not waiting for review in this bulk change. */
export function refuseUnlisted<Row extends { id: number }>(
  db: Db,
  bulkChangeId: number,
  waiting: Row[],
  asked: number[],
): Row[] {
  const byId = new Map(waiting.map((row) => [row.id, row]));
  const wanted = [...new Set(asked)];
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length === 0) return wanted.map((id) => byId.get(id)!);
  const found = new Map(
    (
      cached(
        db,
        'SELECT id, bulk_change_id AS bulkId, status, iccid FROM device_changes WHERE id IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(missing)) as {
        id: number;
        bulkId: number;
        status: DeviceChangeStatus;
        iccid: string | null;
      }[]
    ).map((row) => [row.id, row]),
  );
  const reasons = missing.map((id) => {
    const row = found.get(id);
    if (!row || row.bulkId !== bulkChangeId)
      return `Device change ${id} is not part of bulk change ${bulkChangeId}.`;
    return `ICCID ${row.iccid ?? '?'} (device change ${id}) is not waiting for review: ${statusWords[row.status]}.`;
  });
  throw new CoreError(
    'conflict',
    `${firstFew(reasons)} Nothing was changed; refresh the view and choose again.`,
  );
}

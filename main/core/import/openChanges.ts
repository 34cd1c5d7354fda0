import type { Db } from '../store/open';

/** Where a device is already headed: an unfinished or scheduled bulk change. */
export interface OpenChange {
  bulkChangeId: number;
  title: string;
  status: string;
  scheduledAt: number | null;
}

/** Every device with a row still waiting or in flight in a bulk change, including drafts and scheduled ones. */
export function openChangesByDevice(db: Db, now = Date.now()): Map<number, OpenChange> {
  const rows = db
    .prepare(
      `SELECT dc.device_id AS deviceId, b.id AS bulkChangeId, b.title, b.status, dc.next_attempt_at AS nextAt
       FROM bulk_changes b JOIN device_changes dc ON dc.bulk_change_id = b.id
       WHERE b.status IN ('DRAFT', 'QUEUED', 'PROCESSING')
         AND dc.status IN ('PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER') AND dc.device_id IS NOT NULL`,
    )
    .all() as {
    deviceId: number;
    bulkChangeId: number;
    title: string;
    status: string;
    nextAt: number;
  }[];
  const open = new Map<number, OpenChange>();
  for (const row of rows)
    open.set(row.deviceId, {
      bulkChangeId: row.bulkChangeId,
      title: row.title,
      status: row.status,
      scheduledAt: row.nextAt > now ? row.nextAt : null,
    });
  return open;
}

/** The day on this computer's calendar, as the desk gave it (2026-12-01). */
const localDay = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The refusal for a device that another change already holds. */
export function openChangeMessage(iccid: string, open: OpenChange): string {
  const state =
    open.scheduledAt !== null
      ? `scheduled for ${localDay(open.scheduledAt)}`
      : open.status === 'DRAFT'
        ? 'a draft not yet submitted'
        : open.status === 'QUEUED'
          ? 'queued'
          : 'running';
  return `ICCID ${iccid} is already in bulk change #${open.bulkChangeId} "${open.title}" (${state}). Wait for it to finish, or cancel it there, before changing this device again.`;
}

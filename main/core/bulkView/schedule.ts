import type { ScheduledChange } from '../../../shared/contract/bulkView';
import type { Carrier } from '../../../shared/domain/carriers';
import type { BulkStatus, ChangeType } from '../../../shared/domain/changes';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { plannedChanges } from './plannedChanges';
import { localDay } from './localDay';

/**
 * A future-dated row waiting for its day: PENDING, not leased, due later, with an effective
 * moment in its request (a retry waiting out a backoff has none), in a submitted bulk change.
 * The due-date range is the engine's ready index, so the list costs what it shows.
 */
export const WAITING = `dc.status = 'PENDING' AND dc.lease_token IS NULL AND dc.next_attempt_at > @now
  AND json_extract(dc.request_json, '$.effectiveAt') IS NOT NULL AND b.status IN ('QUEUED', 'PROCESSING')`;

interface WaitingRow {
  deviceChangeId: number;
  bulkChangeId: number;
  bulkTitle: string;
  changeType: ChangeType;
  iccid: string | null;
  carrier: Carrier | null;
  mode: 'sandbox' | 'live' | null;
  deviceId: number | null;
  dueAt: number;
  changesJson: string | null;
}

interface OpenRow {
  id: number;
  deviceId: number;
  bulkId: number;
  bulkStatus: BulkStatus;
  nextAt: number;
  scheduled: number;
}

const PAGE = `
  SELECT dc.id AS deviceChangeId, b.id AS bulkChangeId, b.title AS bulkTitle, b.change_type AS changeType,
    dc.iccid, a.carrier, a.mode, dc.device_id AS deviceId, dc.next_attempt_at AS dueAt, dc.changes_json AS changesJson
  FROM device_changes dc
  JOIN bulk_changes b ON b.id = dc.bulk_change_id
  LEFT JOIN devices d ON d.id = dc.device_id
  LEFT JOIN carrier_accounts a ON a.id = coalesce(dc.lane_account_id, d.carrier_account_id)
  WHERE ${WAITING}
  ORDER BY dc.next_attempt_at, dc.id LIMIT @limit OFFSET @offset`;

// Every other unfinished row on the same devices, in a draft, queued or running bulk change.
const OPEN_ON_DEVICES = `
  SELECT dc.id, dc.device_id AS deviceId, b.id AS bulkId, b.status AS bulkStatus, dc.next_attempt_at AS nextAt,
    json_extract(dc.request_json, '$.effectiveAt') IS NOT NULL AS scheduled
  FROM device_changes dc JOIN bulk_changes b ON b.id = dc.bulk_change_id
  WHERE dc.device_id IN (SELECT value FROM json_each(?))
    AND dc.status IN ('PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER') AND b.status IN ('DRAFT', 'QUEUED', 'PROCESSING')
  ORDER BY dc.next_attempt_at, dc.id`;

function conflictWords(other: OpenRow, now: number): string {
  if (other.bulkStatus === 'DRAFT') return `also in draft bulk change #${other.bulkId}`;
  if (other.scheduled === 1 && other.nextAt > now)
    return `also in bulk change #${other.bulkId}, due ${localDay(other.nextAt)}`;
  return `also in running bulk change #${other.bulkId}`;
}

/** Every future-dated change still waiting, soonest first, each flagged when its device has another change open. */
export function scheduleList(
  db: Db,
  page: { offset: number; limit: number },
): { total: number; entries: ScheduledChange[] } {
  const now = Date.now();
  const total = cached(
    db,
    `SELECT count(*) FROM device_changes dc JOIN bulk_changes b ON b.id = dc.bulk_change_id WHERE ${WAITING}`,
  )
    .pluck()
    .get({ now }) as number;
  const rows = cached(db, PAGE).all({ now, ...page }) as WaitingRow[];
  const others = new Map<number, OpenRow[]>();
  const devices = rows.flatMap((r) => (r.deviceId === null ? [] : [r.deviceId]));
  for (const open of cached(db, OPEN_ON_DEVICES).all(JSON.stringify(devices)) as OpenRow[]) {
    const list = others.get(open.deviceId) ?? [];
    list.push(open);
    others.set(open.deviceId, list);
  }
  const entries = rows.map((row): ScheduledChange => {
    const elsewhere = (row.deviceId === null ? [] : (others.get(row.deviceId) ?? [])).filter(
      (o) => o.id !== row.deviceChangeId,
    );
    const first = elsewhere[0];
    return {
      deviceChangeId: row.deviceChangeId,
      bulkChangeId: row.bulkChangeId,
      bulkTitle: row.bulkTitle,
      changeType: row.changeType,
      iccid: row.iccid,
      carrier: row.carrier,
      sandbox: row.mode === 'sandbox',
      dueAt: new Date(row.dueAt).toISOString(),
      changes: plannedChanges(row.changesJson),
      conflict: first
        ? `${conflictWords(first, now)}${elsewhere.length > 1 ? ` (and ${elsewhere.length - 1} more open change${elsewhere.length > 2 ? 's' : ''})` : ''}`
        : null,
    };
  });
  return { total, entries };
}

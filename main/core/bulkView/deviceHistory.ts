import type { z } from 'zod';
import type { DeviceHistoryEntry } from '../../../shared/contract/bulkView';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { namesDeviceChange } from './idList';

type Entry = z.infer<typeof DeviceHistoryEntry>;

interface StoredEntry {
  id: number;
  at: string;
  status: string;
  hasErrors: number;
  request: string | null;
  response: string | null;
  by: string;
}

interface Change {
  bulkId: number;
  status: string;
  resolved: number;
}

/** How far back, in entries made for several device changes, one call of a batch is looked for. */
const BATCH_LOOKBACK = 5_000;

const COLUMNS = `id, processed_at AS at, response_status AS status, has_errors AS hasErrors,
  request_text AS request, response_text AS response, processed_by AS by`;

const toEntry = (row: StoredEntry): Entry => ({ ...row, hasErrors: row.hasErrors === 1 });

/**
 * Every audit entry of one device change, oldest first: those made for it alone, plus the calls
 * of batches it went out in and the desk's actions on many rows at once. Those are logged once
 * for several device changes and name them in their status, so they are looked for just before
 * the device change's outcomes (and after its last one while it is open or was closed by hand).
 */
export function deviceHistory(db: Db, deviceChangeId: number): Entry[] {
  const change = cached(
    db,
    `SELECT bulk_change_id AS bulkId, status, resolved_by IS NOT NULL AS resolved
     FROM device_changes WHERE id = ?`,
  ).get(deviceChangeId) as Change | undefined;
  if (!change) throw new CoreError('not_found', `There is no device change ${deviceChangeId}.`);
  const own = cached(
    db,
    `SELECT ${COLUMNS} FROM bulk_change_log WHERE device_change_id = ? ORDER BY id`,
  ).all(deviceChangeId) as StoredEntry[];
  const shared = sharedEntries(db, deviceChangeId, change, own);
  return [...own, ...shared].sort((a, b) => a.id - b.id).map(toEntry);
}

/** The id windows that may hold entries shared with other device changes. */
function windows(change: Change, own: StoredEntry[]): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  let calls = 0;
  for (const entry of own) {
    if (entry.request !== null) calls += 1;
    // An outcome with no call of its own before it: the call went out in a batch.
    else if (calls === 0) found.push([from, entry.id]);
    if (entry.request === null) {
      from = entry.id;
      calls = 0;
    }
  }
  const open = ['PENDING', 'IN_FLIGHT', 'AWAITING_CARRIER'].includes(change.status);
  if (open || change.resolved === 1 || change.status === 'CANCELLED')
    found.push([from, Number.MAX_SAFE_INTEGER]);
  return found;
}

function sharedEntries(
  db: Db,
  deviceChangeId: number,
  change: Change,
  own: StoredEntry[],
): StoredEntry[] {
  const heads = cached(
    db,
    `SELECT id, response_status AS status FROM bulk_change_log
     WHERE bulk_change_id = @bulk AND device_change_id IS NULL AND id > @from AND id < @to
     ORDER BY id DESC LIMIT ${BATCH_LOOKBACK}`,
  );
  const ids: number[] = [];
  for (const [from, to] of windows(change, own))
    for (const head of heads.all({ bulk: change.bulkId, from, to }) as {
      id: number;
      status: string;
    }[])
      if (namesDeviceChange(head.status, deviceChangeId)) ids.push(head.id);
  if (ids.length === 0) return [];
  return cached(
    db,
    `SELECT ${COLUMNS} FROM bulk_change_log WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as StoredEntry[];
}

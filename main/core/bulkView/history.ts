import type { BulkHistoryEntry } from '../../../shared/contract/bulkView';
import type { Carrier } from '../../../shared/domain/carriers';
import type { BulkStatus, ChangeType, DeviceChangeStatus } from '../../../shared/domain/changes';
import type { Db } from '../store/open';
import { emptyCounts } from './counts';
import { dayStartIso } from './localDay';

export interface HistoryRequest {
  statuses?: BulkStatus[];
  changeTypes?: ChangeType[];
  carriers?: Carrier[];
  createdBy?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

interface StoredBulk {
  id: number;
  title: string;
  changeType: ChangeType;
  status: BulkStatus;
  paused: number;
  createdBy: string;
  createdAt: string;
  completedAt: string | null;
  sourceName: string | null;
}

/** `?, ?, ?` for a list bound positionally. */
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function whereOf(request: HistoryRequest): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (request.statuses?.length)
    add(`b.status IN (${marks(request.statuses)})`, ...request.statuses);
  if (request.changeTypes?.length)
    add(`b.change_type IN (${marks(request.changeTypes)})`, ...request.changeTypes);
  const who = request.createdBy?.trim();
  if (who) add('instr(lower(b.created_by), lower(?)) > 0', who);
  // Days on the desk's calendar; created_at is UTC, so each day is its local start to the next.
  if (request.from) add('b.created_at >= ?', dayStartIso(request.from));
  if (request.to) add('b.created_at < ?', dayStartIso(request.to, 1));
  // A carrier is involved when it was called: one index seek per bulk change and account.
  if (request.carriers?.length)
    add(
      `EXISTS (SELECT 1 FROM carrier_accounts a JOIN device_changes dc ON dc.lane_account_id = a.id
         WHERE a.carrier IN (${marks(request.carriers)}) AND dc.bulk_change_id = b.id)`,
      ...request.carriers,
    );
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Bulk changes, newest first, with final (or current) counts and the carriers they called.
 * Three statements whatever the page size: the count, the page, and the page's counts by
 * carrier account and status from one covering index.
 */
export function bulkHistory(
  db: Db,
  request: HistoryRequest,
): { total: number; entries: BulkHistoryEntry[] } {
  const where = whereOf(request);
  const total = db
    .prepare(`SELECT count(*) FROM bulk_changes b ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  if (total === 0 || request.offset >= total) return { total, entries: [] };
  const page = db
    .prepare(
      `SELECT b.id, b.title, b.change_type AS changeType, b.status, b.paused, b.created_by AS createdBy,
         b.created_at AS createdAt, b.completed_at AS completedAt, b.source_name AS sourceName
       FROM bulk_changes b ${where.sql} ORDER BY b.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...where.params, request.limit, request.offset) as StoredBulk[];
  const entries = new Map<number, BulkHistoryEntry>(
    page.map((b) => [
      b.id,
      {
        ...b,
        paused: b.paused === 1,
        counts: emptyCounts(),
        carriers: [],
        sandbox: false,
        total: 0,
      },
    ]),
  );
  const groups = db
    .prepare(
      `SELECT g.bulkId, a.carrier, a.mode, g.status, g.n FROM (
         SELECT bulk_change_id AS bulkId, lane_account_id AS lane, status, count(*) AS n FROM device_changes
         WHERE bulk_change_id IN (SELECT value FROM json_each(?)) GROUP BY bulk_change_id, lane_account_id, status
       ) g LEFT JOIN carrier_accounts a ON a.id = g.lane`,
    )
    .all(JSON.stringify(page.map((b) => b.id))) as {
    bulkId: number;
    carrier: Carrier | null;
    mode: 'sandbox' | 'live' | null;
    status: DeviceChangeStatus;
    n: number;
  }[];
  const live = new Set(groups.filter((g) => g.mode === 'live').map((g) => g.bulkId));
  for (const group of groups) {
    const entry = entries.get(group.bulkId)!;
    entry.counts[group.status] += group.n;
    entry.total += group.n;
    if (group.carrier !== null && !entry.carriers.includes(group.carrier))
      entry.carriers.push(group.carrier);
  }
  for (const entry of entries.values()) {
    entry.carriers.sort();
    entry.sandbox = entry.carriers.length > 0 && !live.has(entry.id);
  }
  return { total, entries: [...entries.values()] };
}

import type { BulkRow } from '../../../shared/contract/bulkView';
import type { Carrier } from '../../../shared/domain/carriers';
import type { DeviceChangeStatus } from '../../../shared/domain/changes';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { plannedChanges } from './plannedChanges';
import { requireBulk } from './bulkRecord';

export interface RowsRequest {
  bulkChangeId: number;
  statuses?: DeviceChangeStatus[];
  search?: string;
  offset: number;
  limit: number;
}

/** A device change as stored, joined to the account its device is on. */
interface StoredRow {
  deviceChangeId: number;
  iccid: string | null;
  imei: string | null;
  carrier: Carrier | null;
  accountName: string | null;
  changesJson: string | null;
  status: DeviceChangeStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number;
  updatedAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionReason: string | null;
}

const ROWS_BY_ID = `
  SELECT dc.id AS deviceChangeId, dc.iccid, dc.imei, a.carrier, a.name AS accountName, dc.changes_json AS changesJson,
    dc.status, dc.attempts, dc.error_message AS lastError, dc.next_attempt_at AS nextAttemptAt, dc.updated_at AS updatedAt,
    dc.resolved_by AS resolvedBy, dc.resolved_at AS resolvedAt, dc.resolution_reason AS resolutionReason
  FROM device_changes dc
  LEFT JOIN devices d ON d.id = dc.device_id
  LEFT JOIN carrier_accounts a ON a.id = coalesce(dc.lane_account_id, d.carrier_account_id)
  WHERE dc.id IN (SELECT value FROM json_each(?)) ORDER BY dc.id`;

/** The digits of a search, or a refusal that says what the box takes. */
function searchDigits(search: string | undefined): string | undefined {
  const text = search?.replace(/[\s-]/g, '') ?? '';
  if (text === '') return undefined;
  if (!/^\d+$/.test(text))
    throw new CoreError(
      'invalid_request',
      `Search finds devices by the first digits of their ICCID or IMEI; "${search!.trim()}" has other characters in it.`,
    );
  return text;
}

/**
 * The ids a filter selects, as a compound of index ranges that SQLite merges in id order: one
 * arm per status (each walks the status index in id order), or one per identifier column for
 * a prefix search. An `IN` list or an `OR` would instead walk every row of the change.
 */
function selection(statuses: DeviceChangeStatus[], searching: boolean): string {
  const from = 'SELECT id FROM device_changes WHERE bulk_change_id = @bulk';
  const marks = statuses.map((_, i) => `@s${i}`);
  if (searching) {
    const statusIn = statuses.length > 0 ? ` AND status IN (${marks.join(', ')})` : '';
    // ':' sorts right after '9': [prefix, prefix + ':') is every digit string that starts with it.
    return ['iccid', 'imei']
      .map((column) => `${from} AND ${column} >= @from AND ${column} < @to${statusIn}`)
      .join(' UNION ');
  }
  if (statuses.length === 0) return from;
  return marks.map((mark) => `${from} AND status = ${mark}`).join(' UNION ALL ');
}

/**
 * A page of a bulk change's devices in the order they were listed. Every filter is an index
 * range of the bulk change (status, or an ICCID/IMEI prefix), so a page of a 100k-row change is
 * as quick as one of ten rows.
 */
export function bulkRows(db: Db, request: RowsRequest): { total: number; rows: BulkRow[] } {
  requireBulk(db, request.bulkChangeId);
  const prefix = searchDigits(request.search);
  const statuses = [...new Set(request.statuses ?? [])];
  const ids = selection(statuses, prefix !== undefined);
  const params: Record<string, unknown> = {
    bulk: request.bulkChangeId,
    ...Object.fromEntries(statuses.map((s, i) => [`s${i}`, s])),
    ...(prefix === undefined ? {} : { from: prefix, to: `${prefix}:` }),
  };
  const total = cached(db, `SELECT count(*) FROM (${ids})`).pluck().get(params) as number;
  if (total === 0 || request.offset >= total) return { total, rows: [] };
  const page = cached(db, `${ids} ORDER BY id LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...params, limit: request.limit, offset: request.offset }) as number[];
  const now = Date.now();
  const rows = (cached(db, ROWS_BY_ID).all(JSON.stringify(page)) as StoredRow[]).map(
    (row): BulkRow => ({
      deviceChangeId: row.deviceChangeId,
      iccid: row.iccid,
      imei: row.imei,
      carrier: row.carrier,
      accountName: row.accountName,
      changes: plannedChanges(row.changesJson),
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      dueAt:
        row.status === 'PENDING' && row.nextAttemptAt > now
          ? new Date(row.nextAttemptAt).toISOString()
          : null,
      updatedAt: row.updatedAt,
      resolution:
        row.resolvedBy === null
          ? null
          : {
              by: row.resolvedBy,
              at: row.resolvedAt ?? row.updatedAt,
              reason: row.resolutionReason ?? '',
              outcome: row.status,
            },
    }),
  );
  return { total, rows };
}

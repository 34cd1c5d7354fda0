import { carrierLabels, type Carrier } from '../../../shared/domain/carriers';
import { changeTypeLabels, type ChangeType } from '../../../shared/domain/changes';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import type { Column } from './sheetReport';
import type { ZonedTime } from './zonedTime';

/** One device change with its bulk change, device, account and tenant, as every report reads it. */
interface StoredChange {
  id: number;
  bulkId: number;
  title: string;
  changeType: ChangeType;
  user: string;
  tenant: string | null;
  iccid: string | null;
  imei: string | null;
  msisdn: string | null;
  carrier: Carrier | null;
  account: string | null;
  changes: string | null;
  requestId: string | null;
  attempts: number;
  status: string;
  error: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** The FROM of every report: filters are added to its WHERE with `AND`. */
export const CHANGES_FROM = `
  FROM device_changes dc
  JOIN bulk_changes b ON b.id = dc.bulk_change_id
  LEFT JOIN devices d ON d.id = dc.device_id
  LEFT JOIN carrier_accounts a ON a.id = coalesce(dc.lane_account_id, d.carrier_account_id, b.carrier_account_id)
  LEFT JOIN tenants t ON t.id = b.tenant_id
  WHERE 1 = 1`;

const SELECT = `SELECT dc.id, dc.bulk_change_id AS bulkId, b.title, b.change_type AS changeType,
  b.created_by AS user, t.name AS tenant, dc.iccid, dc.imei, d.msisdn, a.carrier, a.name AS account,
  dc.changes_json AS changes, dc.carrier_request_id AS requestId, dc.attempts, dc.status,
  dc.error_message AS error, dc.resolved_by AS resolvedBy, dc.resolution_reason AS resolution,
  dc.created_at AS createdAt, dc.updated_at AS updatedAt, dc.completed_at AS completedAt`;

/** "status: active → suspended; iccid: 8901… → 8901…", from the planned changes. */
function beforeAfter(changes: string | null): string {
  if (changes === null) return '';
  const list = JSON.parse(changes) as { field: string; from: string | null; to: string | null }[];
  return list.map((c) => `${c.field}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`).join('; ');
}

function reason(row: StoredChange): string {
  const error = row.error ?? '';
  if (row.resolvedBy === null) return error;
  return `${error} Closed by ${row.resolvedBy} after review: ${row.resolution ?? ''}`.trim();
}

type Cell = (row: StoredChange, time: ZonedTime) => string;

/** Every column a report can show: its header, width and how a stored change fills it. */
const catalogue = {
  when: { label: 'When', width: 30, cell: (r, t) => t.format(r.completedAt ?? r.updatedAt) },
  bulkId: { label: 'Bulk change', width: 12, cell: (r) => String(r.bulkId) },
  title: { label: 'Title', width: 32, cell: (r) => r.title },
  changeType: { label: 'Change type', width: 26, cell: (r) => changeTypeLabels[r.changeType] },
  user: { label: 'Submitted by', width: 18, cell: (r) => r.user },
  tenant: { label: 'Tenant', width: 18, cell: (r) => r.tenant ?? '' },
  iccid: { label: 'ICCID', width: 22, cell: (r) => r.iccid ?? '' },
  imei: { label: 'IMEI', width: 17, cell: (r) => r.imei ?? '' },
  msisdn: { label: 'MSISDN', width: 14, cell: (r) => r.msisdn ?? '' },
  carrier: {
    label: 'Carrier',
    width: 22,
    cell: (r) => (r.carrier === null ? '' : carrierLabels[r.carrier]),
  },
  account: { label: 'Account', width: 22, cell: (r) => r.account ?? '' },
  change: { label: 'Before → after', width: 48, cell: (r) => beforeAfter(r.changes) },
  requestId: { label: 'Carrier request id', width: 24, cell: (r) => r.requestId ?? '' },
  attempts: { label: 'Attempts', width: 9, cell: (r) => String(r.attempts) },
  outcome: { label: 'Outcome', width: 16, cell: (r) => r.status },
  reason: { label: 'Error reason', width: 60, cell: reason },
  created: { label: 'Queued', width: 30, cell: (r, t) => t.format(r.createdAt) },
  updated: { label: 'Last update', width: 30, cell: (r, t) => t.format(r.updatedAt) },
  completed: { label: 'Completed', width: 30, cell: (r, t) => t.format(r.completedAt) },
} satisfies Record<string, Column & { cell: Cell }>;

export type ColumnKey = keyof typeof catalogue;

/** Rows a page per query: `where` narrows CHANGES_FROM, `params` fills its named parameters. */
export interface ChangeQuery {
  where: string;
  params: Record<string, unknown>;
  columns: ColumnKey[];
}

const PAGE = 500;

/** Reads and formats changes for one report in one time zone. */
export function changeRows(db: Db, query: ChangeQuery, time: ZonedTime) {
  const from = `${CHANGES_FROM} ${query.where}`;
  const cells = (row: StoredChange) => query.columns.map((key) => catalogue[key].cell(row, time));
  return {
    columns: query.columns.map((key) => ({
      label: catalogue[key].label,
      width: catalogue[key].width,
    })),
    total: () => cached(db, `SELECT count(*) ${from}`).pluck().get(query.params) as number,
    /** Rows at an offset, for a preview. */
    page: (offset: number, limit: number) =>
      (
        cached(db, `${SELECT} ${from} ORDER BY dc.id LIMIT @limit OFFSET @offset`).all({
          ...query.params,
          offset,
          limit,
        }) as StoredChange[]
      ).map(cells),
    /**
     * Every row, a page at a time after the last id read: each page is its own short read, so
     * the engine can write between pages, and memory holds one page however long the report.
     */
    async *pages(): AsyncGenerator<string[][]> {
      const next = cached(db, `${SELECT} ${from} AND dc.id > @after ORDER BY dc.id LIMIT ${PAGE}`);
      for (let after = 0; ;) {
        const rows = next.all({ ...query.params, after }) as StoredChange[];
        if (rows.length === 0) return;
        after = rows[rows.length - 1]!.id;
        yield rows.map(cells);
      }
    },
  };
}

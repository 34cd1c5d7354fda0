import type { DeviceSort } from '../../../shared/contract/devices';
import type { Db } from '../store/open';
import { whereSql, type Where } from './where';

/** Rows a bounded walk reads at most: about 10 ms over a 1M-device inventory. */
export const WALK_ROWS = 20_000;

/** Each order is an index walk: the ICCID's unique index, devices_status, devices_updated, the rowid. */
const ORDER_BY: Record<DeviceSort['by'] | 'added', Record<DeviceSort['direction'], string>> = {
  added: { asc: 'd.id', desc: 'd.id DESC' },
  iccid: { asc: 'd.iccid', desc: 'd.iccid DESC' },
  status: { asc: 'd.status, d.id', desc: 'd.status DESC, d.id DESC' },
  updated: { asc: 'd.updated_at, d.id', desc: 'd.updated_at DESC, d.id DESC' },
};

/** The ORDER BY of a sort; without one, the order devices were added. */
export const orderBy = (sort: DeviceSort | undefined): string =>
  ORDER_BY[sort?.by ?? 'added'][sort?.direction ?? 'asc'];

/** A page found through the filters' indexes; SQLite sorts the matches if the order needs it. */
export const indexedPageSql = (where: Where, order: string): string =>
  `SELECT d.id FROM devices d ${whereSql(where)} ORDER BY ${order} LIMIT ? OFFSET ?`;

/** A page found by walking the first WALK_ROWS devices in order and checking the filters. */
export const walkedPageSql = (where: Where, order: string): string =>
  `SELECT d.id FROM (SELECT * FROM devices d ORDER BY ${order} LIMIT ${WALK_ROWS}) d ${whereSql(where)}
   ORDER BY ${order} LIMIT ? OFFSET ?`;

export interface PageSpan {
  offset: number;
  limit: number;
  sort?: DeviceSort | undefined;
}

/**
 * Ids of one page, in order. A filter in the order devices were added is an index range. A
 * sort (or a search) under a filter would have SQLite sort every match (~0.3 s for 700k), so
 * when the matches are common enough to fill the page early, the order's index is walked first,
 * a bounded stretch, checking the filters row by row; only if that comes up short does SQLite sort.
 */
export function pageIds(
  db: Db,
  where: Where,
  span: PageSpan,
  total: number,
  search: boolean,
): number[] {
  const order = orderBy(span.sort);
  const needed = span.offset + span.limit;
  const page = [span.limit, span.offset];
  if (where.clauses.length > 0 && (span.sort !== undefined || search) && needed <= WALK_ROWS) {
    const inventory = db.prepare('SELECT count(*) FROM devices').pluck().get() as number;
    // Only worth trying when, spread evenly, the stretch holds twice the matches the page needs.
    if (needed * inventory * 2 <= WALK_ROWS * total) {
      const walked = db
        .prepare(walkedPageSql(where, order))
        .pluck()
        .all(...where.params, ...page) as number[];
      if (walked.length === span.limit || span.offset + walked.length >= total) return walked;
    }
  }
  return db
    .prepare(indexedPageSql(where, order))
    .pluck()
    .all(...where.params, ...page) as number[];
}

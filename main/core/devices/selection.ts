import type { DeviceSelection } from '../../../shared/contract/devices';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { buildWhere, whereSql } from './where';

const KNOWN_ICCIDS = `SELECT j.value, d.id IS NOT NULL FROM json_each(?) j
  LEFT JOIN devices d ON d.iccid = j.value ORDER BY j.key`;

/**
 * The ICCIDs a selection stands for. Picked ids keep the order given (repeats once) and any
 * that are not in the inventory are listed; a filter is every matching device, less the
 * unticked ones, in id order, read by one indexed query.
 */
export function resolveSelection(
  db: Db,
  selection: DeviceSelection,
): { iccids: string[]; unmatched: string[] } {
  if (selection.kind === 'ids') {
    const iccids: string[] = [];
    const unmatched: string[] = [];
    const seen = new Set<string>();
    const rows = cached(db, KNOWN_ICCIDS).raw().all(JSON.stringify(selection.ids)) as [
      string,
      number,
    ][];
    for (const [iccid, known] of rows) {
      if (!known) unmatched.push(iccid);
      else if (!seen.has(iccid)) {
        seen.add(iccid);
        iccids.push(iccid);
      }
    }
    return { iccids, unmatched };
  }
  const where = buildWhere(db, selection.filter);
  if (selection.except.length > 0) {
    where.clauses.push('d.iccid NOT IN (SELECT value FROM json_each(?))');
    where.params.push(JSON.stringify(selection.except));
  }
  const iccids = db
    .prepare(`SELECT d.iccid FROM devices d ${whereSql(where)} ORDER BY d.id`)
    .pluck()
    .all(...where.params) as string[];
  return { iccids, unmatched: [] };
}

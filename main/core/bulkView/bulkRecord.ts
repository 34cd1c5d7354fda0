import type { ChangeType } from '../../../shared/domain/changes';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

export interface BulkRecord {
  id: number;
  changeType: ChangeType;
  title: string;
}

/** The bulk change, or the refusal a desk worker sees for an id that isn't there. */
export function requireBulk(db: Db, id: number): BulkRecord {
  const bulk = cached(
    db,
    'SELECT id, change_type AS changeType, title FROM bulk_changes WHERE id = ?',
  ).get(id) as BulkRecord | undefined;
  if (!bulk) throw new CoreError('not_found', `There is no bulk change ${id}.`);
  return bulk;
}

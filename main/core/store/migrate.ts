import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { migrations as known, type Migration } from './migrations';

/** The schema version this build of the app writes. */
export const latestVersion = (list: readonly Migration[] = known): number =>
  list.length === 0 ? 0 : list[list.length - 1]!.version;

/**
 * Brings the database up to `target`, one migration per transaction, and refuses a database
 * written by a newer app (opening it could corrupt data that app relies on).
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = known,
  target = latestVersion(list),
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const newest = latestVersion(list);
  if (from > newest) {
    throw new CoreError(
      'workspace_incompatible',
      `This workspace was saved by a newer version of Carrier Ops Console (schema ${from}; this app knows up to ${newest}). ` +
        'Update the app to open it; nothing in the workspace was changed.',
    );
  }
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list out of order at ${migration.name}: expected version ${index + 1}`,
      );
    }
  });
  for (const migration of list) {
    if (migration.version <= from || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: Math.max(from, Math.min(target, newest)) };
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CoreError } from '../errors';
import { migrate } from './migrate';

export type Db = Database.Database;

/** Opens (creating if needed) a workspace database, applies pragmas and migrations. */
export function openStore(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new CoreError(
      'unavailable',
      `The workspace database at ${file} could not be opened: ${(error as Error).message}`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Makes INSERT OR REPLACE fire the log's delete trigger, so the audit log stays append-only.
    db.pragma('recursive_triggers = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

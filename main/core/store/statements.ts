import type Database from 'better-sqlite3';
import type { Db } from './open';

type Statement = Database.Statement;
const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement kept for the connection's life. Change handlers and the engine run
 * their SQL once per device: preparing it each time costs CPU and memory that better-sqlite3
 * only gives back when the event loop gets a turn.
 */
export function cached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

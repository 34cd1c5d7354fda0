import { randomUUID } from 'node:crypto';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

/** Lists kept per run; pasting another drops the oldest, so a long day can't fill the disk. */
const KEPT_LISTS = 8;

export interface PastedList {
  seq: number;
  id: string;
  /** Ids read so far over every piece of the paste. */
  ids: number;
  duplicates: number;
}

const ready = new WeakSet<Db>();

/**
 * Pasted lists live in TEMP tables: they belong to this run of the console, cost nothing on
 * disk once it closes, and a list id from before a restart is simply not found.
 */
function ensureTables(db: Db): void {
  if (ready.has(db)) return;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS pasted_lists (
      seq        INTEGER PRIMARY KEY,
      id         TEXT NOT NULL UNIQUE,
      ids        INTEGER NOT NULL DEFAULT 0,
      duplicates INTEGER NOT NULL DEFAULT 0
    );
    CREATE TEMP TABLE IF NOT EXISTS pasted_list_devices (
      list_seq  INTEGER NOT NULL,
      device_id INTEGER NOT NULL,
      PRIMARY KEY (list_seq, device_id)
    ) WITHOUT ROWID;
  `);
  ready.add(db);
}

/** Starts an empty list, forgetting the oldest ones beyond what is kept. */
export function startList(db: Db): PastedList {
  ensureTables(db);
  const id = randomUUID();
  const seq = Number(
    cached(db, 'INSERT INTO temp.pasted_lists (id) VALUES (?)').run(id).lastInsertRowid,
  );
  const stale = cached(db, 'SELECT seq FROM temp.pasted_lists WHERE seq <= ?')
    .pluck()
    .all(seq - KEPT_LISTS) as number[];
  for (const old of stale) {
    cached(db, 'DELETE FROM temp.pasted_list_devices WHERE list_seq = ?').run(old);
    cached(db, 'DELETE FROM temp.pasted_lists WHERE seq = ?').run(old);
  }
  return { seq, id, ids: 0, duplicates: 0 };
}

/** A list this run holds, or a not_found the desk can act on. */
export function findList(db: Db, id: string): PastedList {
  ensureTables(db);
  const list = cached(
    db,
    'SELECT seq, id, ids, duplicates FROM temp.pasted_lists WHERE id = ?',
  ).get(id) as PastedList | undefined;
  if (!list)
    throw new CoreError(
      'not_found',
      'The pasted list is no longer held (the console was restarted, or newer lists replaced it). Paste the ids again.',
    );
  return list;
}

/** Adds a device to a list; false if it was already there. */
export function addToList(db: Db, list: PastedList, deviceId: number): boolean {
  return (
    cached(
      db,
      'INSERT OR IGNORE INTO temp.pasted_list_devices (list_seq, device_id) VALUES (?, ?)',
    ).run(list.seq, deviceId).changes === 1
  );
}

/** Saves how many ids were read and how many repeated a device. */
export function saveCounts(db: Db, list: PastedList): void {
  cached(db, 'UPDATE temp.pasted_lists SET ids = ?, duplicates = ? WHERE seq = ?').run(
    list.ids,
    list.duplicates,
    list.seq,
  );
}

/** Distinct devices in a list. */
export function listSize(db: Db, list: PastedList): number {
  return cached(db, 'SELECT count(*) FROM temp.pasted_list_devices WHERE list_seq = ?')
    .pluck()
    .get(list.seq) as number;
}

/** A page of a list's device ids in id order, read from the list alone (no other filter on). */
export function listPage(
  db: Db,
  id: string,
  offset: number,
  limit: number,
): { total: number; ids: number[] } {
  const list = findList(db, id);
  const ids = cached(
    db,
    'SELECT device_id FROM temp.pasted_list_devices WHERE list_seq = ? ORDER BY device_id LIMIT ? OFFSET ?',
  )
    .pluck()
    .all(list.seq, limit, offset) as number[];
  return { total: listSize(db, list), ids };
}

/** The SQL condition "device d is in the list"; its rows come out in id order. */
export function inListClause(db: Db, id: string): { sql: string; params: number[] } {
  return {
    sql: 'd.id IN (SELECT device_id FROM temp.pasted_list_devices WHERE list_seq = ?)',
    params: [findList(db, id).seq],
  };
}

import type { Db } from '../store/open';

/** Small key/value facts about the workspace itself (name, sandbox flag, seed marker). */
export function readMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

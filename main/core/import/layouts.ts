import { createHash } from 'node:crypto';
import { ColumnMapping } from '../../../shared/contract/imports';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { normalizeHeader } from './fields';

/** A file layout's identity: its headers in order, as compared for mapping. */
export const layoutFingerprint = (headers: string[]): string =>
  createHash('sha256').update(headers.map(normalizeHeader).join('\u0000')).digest('hex');

/** The mapping confirmed last time for files laid out like this one, if any still fits. */
export function rememberedMapping(db: Db, headers: string[]): ColumnMapping | undefined {
  const row = cached(
    db,
    'SELECT mapping_json AS json FROM import_layouts WHERE fingerprint = ?',
  ).get(layoutFingerprint(headers)) as { json: string } | undefined;
  if (!row) return undefined;
  const parsed = ColumnMapping.safeParse(JSON.parse(row.json));
  if (!parsed.success || parsed.data.some((m) => m.column >= headers.length)) return undefined;
  return parsed.data;
}

/** Keeps the mapping the desk confirmed, for the next file with the same columns. */
export function rememberMapping(db: Db, headers: string[], mapping: ColumnMapping): void {
  cached(
    db,
    `INSERT INTO import_layouts (fingerprint, mapping_json) VALUES (?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET mapping_json = excluded.mapping_json,
       used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(layoutFingerprint(headers), JSON.stringify(mapping));
}

import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Db } from '../store/open';

/**
 * Imported spreadsheets are kept in the workspace under their SHA-256, so an evidence pack can
 * hold the very file a bulk change came from. Named by content: a file imported twice is kept
 * once, and nothing stored under a hash can be swapped without the pack's check noticing.
 */
const sourcesFolder = (db: Db) => join(dirname(db.name), 'sources');

const isSha256 = (text: string) => /^[0-9a-f]{64}$/.test(text);

/** Keeps an imported file's bytes under its hash, once; written whole or not at all. */
export async function keepSourceFile(db: Db, sha256: string, bytes: Uint8Array): Promise<void> {
  if (!isSha256(sha256)) return;
  const path = join(sourcesFolder(db), sha256);
  if (existsSync(path)) return;
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Where the kept file with that hash is, or null when the console did not keep it. */
export function keptSourceFile(db: Db, sha256: string | null): string | null {
  if (sha256 === null || !isSha256(sha256)) return null;
  const path = join(sourcesFolder(db), sha256);
  return existsSync(path) ? path : null;
}

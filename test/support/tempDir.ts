import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * Fresh folders for tests, removed afterwards: after each test by default, or after the whole
 * file with `scope: 'file'` (for a server started once in beforeAll).
 */
export function useTempDir(scope: 'test' | 'file' = 'test'): () => string {
  const made: string[] = [];
  (scope === 'test' ? afterEach : afterAll)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-test-'));
    made.push(dir);
    return dir;
  };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sheetWorkerEntry } from '../../../../main/core/import/read/sheetWorkerEntry';
import { useTempDir } from '../../../support/tempDir';

const tempDir = useTempDir();

/** The layout electron-vite emits: entries in out/main, shared code in out/main/chunks. */
function builtLayout(): string {
  const main = join(tempDir(), 'out', 'main');
  mkdirSync(join(main, 'chunks'), { recursive: true });
  writeFileSync(join(main, 'sheet-worker.js'), '');
  return main;
}

describe('finding the sheet worker', () => {
  it('runs the TypeScript sibling through tsx when running from source', () => {
    const entry = sheetWorkerEntry();
    expect(entry.url.pathname).toMatch(/main\/core\/import\/read\/sheetWorker\.ts$/);
    expect(entry.execArgv).toEqual(['--import', 'tsx']);
  });

  it('finds out/main/sheet-worker.js from a bundled entry in out/main and from a chunk', () => {
    const main = builtLayout();
    const worker = pathToFileURL(join(main, 'sheet-worker.js')).href;
    const fromEntry = sheetWorkerEntry(pathToFileURL(join(main, 'cli.js')).href);
    const fromChunk = sheetWorkerEntry(pathToFileURL(join(main, 'chunks', 'core-abc123.js')).href);
    expect(fromEntry).toEqual({ url: new URL(worker), execArgv: [] });
    expect(fromChunk).toEqual({ url: new URL(worker), execArgv: [] });
  });

  it('says the installation is broken when the worker is missing', () => {
    const empty = join(tempDir(), 'out', 'main');
    mkdirSync(empty, { recursive: true });
    expect(() => sheetWorkerEntry(pathToFileURL(join(empty, 'cli.js')).href)).toThrow(
      expect.objectContaining({ code: 'internal', message: expect.stringContaining('Reinstall') }),
    );
  });
});

import { existsSync } from 'node:fs';
import { CoreError } from '../../errors';

export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

/**
 * Where the sheet worker is. From source (tests, benches) this module is a .ts file and the
 * worker is its sibling, run through tsx. Built, electron-vite bundles this module into
 * out/main/<entry>.js or out/main/chunks/<chunk>.js, and the worker into out/main/sheet-worker.js
 * (its own entry in electron.vite.config.ts), so it is beside us or one folder up.
 */
export function sheetWorkerEntry(
  moduleUrl: string = import.meta.url,
  exists: (url: URL) => boolean = existsSync,
): WorkerEntry {
  if (moduleUrl.endsWith('.ts'))
    return { url: new URL('./sheetWorker.ts', moduleUrl), execArgv: ['--import', 'tsx'] };
  for (const candidate of ['./sheet-worker.js', '../sheet-worker.js']) {
    const url = new URL(candidate, moduleUrl);
    if (exists(url)) return { url, execArgv: [] };
  }
  throw new CoreError(
    'internal',
    'The spreadsheet reader (sheet-worker.js) is missing from this installation. Reinstall the app.',
  );
}

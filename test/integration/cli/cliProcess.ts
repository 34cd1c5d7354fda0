import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { databaseFile } from '../../../main/core/workspace/paths';

const repoRoot = resolve(import.meta.dirname, '../../..');

/**
 * The CLI from source under tsx, as its own process: it tests the code as it is now, with no
 * build to go stale or to race other test files writing out/.
 */
const entry = ['--import', 'tsx', 'main/cli/index.ts'];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout's non-empty lines. */
  lines: string[];
}

export interface RunningCli {
  /** Resolves with the first stdout line that matches; rejects if the CLI exits first. */
  line(matches: (line: string) => boolean): Promise<string>;
  /** Resolves once stderr (progress, messages) matches; rejects if the CLI exits first. */
  untilStderr(matches: RegExp): Promise<void>;
  interrupt(): void;
  result: Promise<CliResult>;
}

/** Starts `carrier-ops <args>` with its output piped, as a script would run it. */
export function startCli(args: string[]): RunningCli {
  const env = { ...process.env };
  delete env.CARRIER_OPS_DATA;
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { matches: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const lines = () => stdout.split('\n').filter((l) => l.trim() !== '');
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of [...watchers]) {
      const found = lines().find(w.matches);
      if (found !== undefined) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(found);
      }
    }
  });
  const stderrWatchers: { matches: RegExp; resolve: () => void }[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const w of [...stderrWatchers]) {
      if (!w.matches.test(stderr)) continue;
      stderrWatchers.splice(stderrWatchers.indexOf(w), 1);
      w.resolve();
    }
  });
  const result = new Promise<CliResult>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, lines: lines() }));
  });
  return {
    line(matches) {
      const found = lines().find(matches);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolveLine, reject) => {
        watchers.push({ matches, resolve: resolveLine });
        void result.then((r) =>
          reject(new Error(`carrier-ops exited (${r.code}) first:\n${r.stdout}\n${r.stderr}`)),
        );
      });
    },
    untilStderr(matches) {
      if (matches.test(stderr)) return Promise.resolve();
      return new Promise((resolveMatch, reject) => {
        stderrWatchers.push({ matches, resolve: resolveMatch });
        void result.then((r) =>
          reject(new Error(`carrier-ops exited (${r.code}) first:\n${r.stdout}\n${r.stderr}`)),
        );
      });
    },
    interrupt: () => child.kill('SIGINT'),
    result,
  };
}

export const runCli = (args: string[]): Promise<CliResult> => startCli(args).result;

/** `carrier-ops submit` of a suspend, the change most of these tests make. */
export const suspendArgs = (data: string, ...more: string[]) => [
  'submit',
  '--data',
  data,
  '--type',
  'statusUpdate',
  '--set',
  'action=suspend',
  ...more,
];

/** stdout's JSON lines, parsed. */
export const jsonLines = (result: CliResult): Record<string, unknown>[] =>
  result.lines.map((line) => JSON.parse(line) as Record<string, unknown>);

/** A fresh sandbox workspace made by `carrier-ops init`, with 200 demo devices. */
export async function initWorkspace(dataDir: string): Promise<string> {
  const init = await runCli(['init', '--devices', '200', '--data', dataDir]);
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  return dataDir;
}

/** Reads the workspace as an auditor would: its own read-only connection. */
export function readWorkspace<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type Carrier = 'thingspace' | 'jasper' | 'telegence' | 'pond';

/** ICCIDs of devices in a status, optionally on one carrier, in inventory order. */
export function iccids(dataDir: string, status: string, count: number, carrier?: Carrier) {
  return readWorkspace(
    dataDir,
    (db) =>
      db
        .prepare(
          `SELECT d.iccid FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id
           WHERE d.status = ? AND (? IS NULL OR a.carrier = ?) ORDER BY d.id LIMIT ?`,
        )
        .pluck()
        .all(status, carrier ?? null, carrier ?? null, count) as string[],
  );
}

export const statusesOf = (dataDir: string, list: string[]) =>
  readWorkspace(dataDir, (db) =>
    list.map(
      (iccid) =>
        db.prepare('SELECT status FROM devices WHERE iccid = ?').pluck().get(iccid) as string,
    ),
  );

export const bulkChangeCount = (dataDir: string) =>
  readWorkspace(
    dataDir,
    (db) => db.prepare('SELECT count(*) FROM bulk_changes').pluck().get() as number,
  );

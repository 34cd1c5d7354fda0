import { existsSync } from 'node:fs';
import { CoreError } from '../core/errors';
import { openStore, type Db } from '../core/store/open';
import { databaseFile } from '../core/workspace/paths';
import { CliError, ExitCode, fromCoreError } from './exitCodes';
import { listenForInterrupt } from './interrupt';
import { progressBar } from './progressBar';

/**
 * Reports how far the writing has got, and the step when there are several; throws once Ctrl-C
 * was pressed, so the work stops.
 */
export type WriteProgress = (done: number, total: number, step?: string) => void;

/**
 * Runs one file-writing command (a report, an evidence pack) on the workspace's database, with
 * a progress bar on stderr. Ctrl-C stops it; the writer leaves no half-written file behind.
 */
export async function writeOut<T>(
  dataDir: string,
  label: string,
  work: (db: Db, onProgress: WriteProgress) => Promise<T>,
): Promise<T> {
  if (!existsSync(databaseFile(dataDir)))
    throw new CliError(
      ExitCode.badInput,
      `There is no workspace in ${dataDir}. Create one with \`carrier-ops init --data ${dataDir}\`, or point --data at an existing one.`,
    );
  const db = openStore(databaseFile(dataDir));
  const bar = progressBar();
  const interrupt = listenForInterrupt();
  try {
    const result = await work(db, (done, total, step = label) => {
      if (interrupt.requested) throw new CliError(ExitCode.interrupted, `${label} was stopped.`);
      bar.update({ task: 'write', label: step, done, total });
    });
    bar.done();
    return result;
  } catch (error) {
    bar.done();
    if (error instanceof CoreError)
      throw error.code === 'unavailable'
        ? new CliError(ExitCode.badInput, error.message)
        : fromCoreError(error);
    throw error;
  } finally {
    interrupt.dispose();
    db.close();
  }
}

import { CoreError } from '../core/errors';
import { openStore } from '../core/store/open';
import { readMeta } from '../core/workspace/meta';
import { databaseFile } from '../core/workspace/paths';
import { DEFAULT_DEMO_DEVICES, seedSandbox } from '../core/workspace/seedSandbox';
import { progressBar } from './progressBar';

/** `carrier-ops init`: creates the sandbox workspace in `dataDir`. Ctrl-C cancels cleanly. */
export async function runInit(dataDir: string, devices = DEFAULT_DEMO_DEVICES): Promise<number> {
  const db = openStore(databaseFile(dataDir));
  const abort = new AbortController();
  const cancel = () => abort.abort();
  process.once('SIGINT', cancel);
  const bar = progressBar();
  try {
    if (readMeta(db, 'seeded_at')) {
      const count = (db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
      console.log(
        `The workspace in ${dataDir} is already set up (${count.toLocaleString('en-US')} devices). Nothing was changed.`,
      );
      return 0;
    }
    const started = performance.now();
    const result = await seedSandbox(db, { devices, signal: abort.signal, onProgress: bar.update });
    bar.done();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Created the sandbox workspace in ${dataDir} with ${result.devices.toLocaleString('en-US')} demo devices (${seconds} s).`,
    );
    return 0;
  } catch (error) {
    bar.done();
    if (error instanceof CoreError && error.code === 'cancelled') {
      console.error(error.message);
      return 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', cancel);
    db.close();
  }
}

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { CoreError } from '../core/errors';
import { defaultDataDir } from '../core/workspace/paths';
import { parseCliArgs, usage, type CliArgs } from './args';
import { runInit } from './init';
import { runServe } from './serve';

// This file is the built CLI's entry, so its own location finds its siblings in out/.
const here = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.help || !args.command) {
    console.log(usage);
    return args.help ? 0 : 2;
  }
  const dataDir = args.data ?? defaultDataDir();
  switch (args.command) {
    case 'init':
      return runInit(dataDir, args.devices);
    case 'serve':
      return runServe({
        dataDir,
        devices: args.devices,
        port: args.port,
        workerUrl: pathToFileURL(join(here, 'core-worker.js')),
        rendererDir: join(here, '..', 'renderer'),
        appVersion: version,
      });
    default:
      console.error(`Unknown command "${args.command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CoreError) console.error(error.message);
    else console.error('carrier-ops failed:', error);
    process.exit(1);
  },
);

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { CoreError } from '../core/errors';
import { defaultDataDir } from '../core/workspace/paths';
import { parseCliArgs, usage, type CliArgs } from './args';
import { bulkIdOf, runAction, runAndFollow, runStatus, runVerifyAudit } from './bulkCommands';
import { runEvidence } from './evidence';
import { runReconcile } from './reconcile';
import { CliError, ExitCode } from './exitCodes';
import { runInit } from './init';
import { runServe } from './serve';
import { runImport } from './importFile';
import { runReport } from './report';
import { runSubmit } from './submit';

// This file is the built CLI's entry, so its own location finds its siblings in out/.
const here = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    console.error(
      `${(error as Error).message}\nRun \`carrier-ops --help\` for commands and options.`,
    );
    return ExitCode.badInput;
  }
  if (args.help || !args.command) {
    console.log(usage);
    return args.help ? ExitCode.processed : ExitCode.badInput;
  }
  const dataDir = args.data ?? defaultDataDir();
  const [id] = args.operands;
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
    case 'submit':
      return runSubmit(dataDir, version, args);
    case 'import':
      return runImport(dataDir, version, id, args);
    case 'status':
      return runStatus(dataDir, version, id);
    case 'pause':
    case 'cancel':
      return runAction(dataDir, version, args.command, id);
    case 'resume':
    case 'retry-failed':
      return runAndFollow(dataDir, version, args.command, id);
    case 'verify-audit':
      return runVerifyAudit(dataDir, version, args.head);
    case 'report':
      return runReport(dataDir, args.operands, args);
    case 'evidence':
      return runEvidence(dataDir, bulkIdOf('evidence', id), args);
    case 'reconcile':
      return runReconcile(dataDir, version, bulkIdOf('reconcile', id), args);
    default:
      console.error(`Unknown command "${args.command}".\n\n${usage}`);
      return ExitCode.badInput;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    if (error instanceof CoreError) console.error(error.message);
    else console.error('carrier-ops failed:', error);
    process.exit(ExitCode.unexpected);
  },
);

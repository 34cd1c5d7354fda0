import { parseArgs } from 'node:util';
import { MAX_DEMO_DEVICES } from '../core/workspace/seedSandbox';

export const usage = `Usage: carrier-ops <command> [options]

Commands:
  init     Create the sandbox workspace (demo customers, carrier accounts, devices)
  serve    Serve the console to a browser on 127.0.0.1 (creates the sandbox if empty)

Options:
  --data <dir>     Workspace folder (default: $CARRIER_OPS_DATA or the app's data folder)
  --devices <n>    Demo devices for a new sandbox, 0 to ${MAX_DEMO_DEVICES.toLocaleString('en-US')} (default 2,000)
  --port <n>       serve: port on 127.0.0.1 (default: a free one)
  -h, --help       Show this help`;

export interface CliArgs {
  command: string | undefined;
  data: string | undefined;
  devices: number | undefined;
  port: number | undefined;
  help: boolean;
}

/** Parses argv, or throws an Error whose message tells the user what to type instead. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      devices: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    command: positionals[0],
    data: values.data,
    devices: wholeNumber('--devices', values.devices, 0, MAX_DEMO_DEVICES),
    port: wholeNumber('--port', values.port, 0, 65535),
    help: values.help ?? false,
  };
}

function wholeNumber(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${flag} takes a whole number from ${min} to ${max.toLocaleString('en-US')}; "${raw}" is not one.`,
    );
  }
  return value;
}

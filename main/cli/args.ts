import { parseArgs } from 'node:util';
import { MAX_DEMO_DEVICES } from '../core/workspace/seedSandbox';
import type { ImportOptions } from './importFile';
import type { ReportOptions } from './report';
import type { SubmitOptions } from './submit';

export { usage } from './usage';

export interface CliArgs
  extends SubmitOptions, Omit<ImportOptions, keyof SubmitOptions>, Omit<ReportOptions, 'type'> {
  command: string | undefined;
  /** What follows the command, e.g. the bulk change id of `pause 12`. */
  operands: string[];
  data: string | undefined;
  devices: number | undefined;
  port: number | undefined;
  help: boolean;
  /** verify-audit: a chain head recorded earlier, `<id>:<hash>`. */
  head: string | undefined;
}

const submitOptions = [
  'type',
  'set',
  'params',
  'ids',
  'file',
  'swaps',
  'title',
  'dry-run',
  'allow-refused',
];

const importOptions = ['type', 'set', 'params', 'title', 'dry-run', 'skip-errors', 'draft'];

const ID = 'one bulk change id';

/** Each command's own options (`--data` and `--help` go with all) and the one value it takes, if any. */
const commands: Record<string, { options: string[]; takes?: string; most?: number }> = {
  init: { options: ['devices'] },
  serve: { options: ['devices', 'port'] },
  submit: { options: submitOptions },
  import: { options: importOptions, takes: 'one file' },
  status: { options: [], takes: ID },
  pause: { options: [], takes: ID },
  resume: { options: [], takes: ID },
  cancel: { options: [], takes: ID },
  'retry-failed': { options: [], takes: ID },
  'verify-audit': { options: ['head'] },
  evidence: { options: ['out', 'time-zone'], takes: ID },
  reconcile: { options: ['out', 'time-zone'], takes: ID },
  report: {
    options: ['out', 'from', 'to', 'tenant', 'carrier', 'type', 'user', 'outcome', 'time-zone'],
    takes: 'a report kind and its id or identifier',
    most: 2,
  },
};

const options = {
  data: { type: 'string' },
  devices: { type: 'string' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  type: { type: 'string' },
  set: { type: 'string', multiple: true },
  params: { type: 'string' },
  ids: { type: 'string' },
  file: { type: 'string' },
  swaps: { type: 'string' },
  title: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'allow-refused': { type: 'boolean', default: false },
  'skip-errors': { type: 'boolean', default: false },
  draft: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  tenant: { type: 'string' },
  carrier: { type: 'string' },
  user: { type: 'string' },
  outcome: { type: 'string' },
  'time-zone': { type: 'string' },
  head: { type: 'string' },
} as const;

function parseOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, tokens: true, options });
  } catch (error) {
    // Node's own text goes on about positionals after "--"; its first sentence is the point.
    if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new Error((error as Error).message.replace(/\. To specify a positional.*$/s, '.'), {
        cause: error,
      });
    throw error;
  }
}

/** Parses argv, or throws an Error whose message tells the user what to type instead. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals, tokens } = parseOptions(argv);
  const [command, ...operands] = positionals;
  const spec = command === undefined ? undefined : commands[command];
  if (command !== undefined && !spec) throw new Error(`Unknown command "${command}".`);
  if (spec && !values.help) {
    for (const token of tokens) {
      if (token.kind !== 'option' || ['data', 'help'].includes(token.name)) continue;
      if (!spec.options.includes(token.name))
        throw new Error(`${token.rawName} is not an option of ${command}.`);
    }
    if (operands.length > (spec.takes ? (spec.most ?? 1) : 0))
      throw new Error(
        `${command} takes ${spec.takes ?? 'no values'}; "${operands.join(' ')}" is more than that.`,
      );
  }
  return {
    command,
    operands,
    data: values.data,
    devices: wholeNumber('--devices', values.devices, 0, MAX_DEMO_DEVICES),
    port: wholeNumber('--port', values.port, 0, 65535),
    help: values.help ?? false,
    type: values.type,
    set: values.set ?? [],
    params: values.params,
    ids: values.ids,
    file: values.file,
    swaps: values.swaps,
    title: values.title,
    dryRun: values['dry-run'] ?? false,
    allowRefused: values['allow-refused'] ?? false,
    skipErrors: values['skip-errors'] ?? false,
    draft: values.draft,
    out: values.out,
    from: values.from,
    to: values.to,
    tenant: values.tenant,
    carrier: values.carrier,
    user: values.user,
    outcome: values.outcome,
    timeZone: values['time-zone'],
    head: values.head,
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

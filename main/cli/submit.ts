import type { BulkPlan } from '../../shared/contract/bulk';
import type { ChangeType } from '../../shared/domain/changes';
import { changeParams, changeTypeOf } from './changeParams';
import { openCoreSession, type CoreSession } from './coreSession';
import { devicesFromFile, devicesFromIds, type DeviceList } from './deviceList';
import { CliError, ExitCode } from './exitCodes';
import { followBulkChange } from './followBulkChange';
import { listenForInterrupt } from './interrupt';
import { outputMode, type OutputMode } from './progressView';
import { swapsFromFile } from './swapList';

export interface SubmitOptions {
  type: string | undefined;
  set: string[];
  params: string | undefined;
  ids: string | undefined;
  file: string | undefined;
  swaps: string | undefined;
  title: string | undefined;
  dryRun: boolean;
  allowRefused: boolean;
}

interface BulkInput {
  changeType: ChangeType;
  params: Record<string, unknown>;
  devices: DeviceList;
  title: string | undefined;
}

/**
 * `carrier-ops submit`: plans a bulk change and, unless it is a dry run, queues it and runs it
 * here until it ends. Everything the user typed is checked before the workspace is opened.
 */
export async function runSubmit(
  dataDir: string,
  appVersion: string,
  options: SubmitOptions,
): Promise<ExitCode> {
  const input = bulkInput(options);
  // A dry run writes nothing, so Ctrl-C may simply end it.
  if (options.dryRun) {
    const session = openCoreSession(dataDir, appVersion);
    try {
      return await dryRun(session, input);
    } finally {
      await session.close();
    }
  }
  const mode = outputMode();
  const interrupt = listenForInterrupt();
  let session: CoreSession | undefined;
  try {
    session = openCoreSession(dataDir, appVersion, true);
    const created = await create(session, input, options.allowRefused);
    announce(created, input, mode);
    return await followBulkChange(session, created.bulkChangeId, mode, interrupt);
  } finally {
    await session?.close();
    interrupt.dispose();
  }
}

function bulkInput(options: SubmitOptions): BulkInput {
  const changeType = changeTypeOf(options.type);
  const sources = [options.ids, options.file, options.swaps].filter((s) => s !== undefined);
  if (sources.length !== 1)
    throw new CliError(
      ExitCode.badInput,
      sources.length === 0
        ? 'Say which devices: --ids a,b,c or --file <list> (identifierChange: --swaps <csv>).'
        : 'Give the devices one way only: --ids, --file or --swaps.',
    );
  if (options.swaps !== undefined && changeType !== 'identifierChange')
    throw new CliError(ExitCode.badInput, '--swaps is for --type identifierChange only.');
  const params = changeParams(changeType, options.set, options.params);
  if (options.swaps !== undefined) {
    const { swaps, devices } = swapsFromFile(options.swaps);
    return { changeType, params: { ...params, swaps }, devices, title: options.title };
  }
  const devices =
    options.ids !== undefined ? devicesFromIds(options.ids) : devicesFromFile(options.file!);
  return { changeType, params, devices, title: options.title };
}

const request = (input: BulkInput) => ({
  changeType: input.changeType,
  params: input.params,
  devices: input.devices.values,
  ...(input.title !== undefined ? { title: input.title } : {}),
});

const refusedLine = (input: BulkInput, r: BulkPlan['refused'][number]) =>
  `${input.devices.origin(r.row)} (${r.value}): ${r.reason}`;

const MAX_LISTED = 50;

/** The refused rows for a message: the first fifty, then how many more (a dry run lists all). */
const refusedLines = (input: BulkInput, refused: BulkPlan['refused']) => [
  ...refused.slice(0, MAX_LISTED).map((r) => `  ${refusedLine(input, r)}`),
  ...(refused.length > MAX_LISTED
    ? [
        `  …and ${(refused.length - MAX_LISTED).toLocaleString('en-US')} more (--dry-run lists them all).`,
      ]
    : []),
];

/** `--dry-run`: what would change per device and what is refused; exit 2 if anything is. */
async function dryRun(session: CoreSession, input: BulkInput): Promise<ExitCode> {
  const plan = await session.call('bulk:preview', request(input));
  console.log(`Dry run of ${input.changeType} on ${input.devices.values.length} devices:`);
  for (const { iccid, changes } of plan.accepted) {
    const what = changes.map((c) => `${c.field}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`);
    console.log(`  ${iccid}  ${what.length > 0 ? what.join('; ') : 'no change'}`);
  }
  for (const r of plan.refused) console.log(`  REFUSED ${refusedLine(input, r)}`);
  console.log(
    `${plan.accepted.length.toLocaleString('en-US')} would change, ${plan.refused.length.toLocaleString('en-US')} refused. Nothing was written.`,
  );
  return plan.refused.length > 0 ? ExitCode.badInput : ExitCode.processed;
}

async function create(session: CoreSession, input: BulkInput, allowRefused: boolean) {
  try {
    return await session.call('bulk:create', { ...request(input), submit: true, allowRefused });
  } catch (error) {
    if (allowRefused || !(error instanceof CliError) || error.exitCode !== ExitCode.badInput)
      throw error;
    // Core names only the first few refused rows, by position; list them all, by line.
    const plan = await session.call('bulk:preview', request(input)).catch(() => undefined);
    if (!plan || plan.refused.length === 0) throw error;
    throw new CliError(
      ExitCode.badInput,
      [
        `${plan.refused.length} of ${input.devices.values.length} devices can't take this change:`,
        ...refusedLines(input, plan.refused),
        plan.accepted.length === 0
          ? 'Nothing was created: none of the devices can take this change.'
          : 'Nothing was created. Fix those rows, or run again with --allow-refused to go ahead without them.',
      ].join('\n'),
    );
  }
}

function announce(
  created: BulkPlan & { bulkChangeId: number },
  input: BulkInput,
  mode: OutputMode,
): void {
  const { bulkChangeId, accepted, refused } = created;
  if (mode === 'json') {
    const left = refused.map((r) => ({ ...r, origin: input.devices.origin(r.row) }));
    console.log(
      JSON.stringify({ type: 'created', bulkChangeId, accepted: accepted.length, refused: left }),
    );
    return;
  }
  console.error(
    `Created bulk change ${bulkChangeId} with ${accepted.length.toLocaleString('en-US')} devices.`,
  );
  if (refused.length > 0)
    console.error(
      [
        `Left out ${refused.length} devices that can't take this change:`,
        ...refusedLines(input, refused),
      ].join('\n'),
    );
}

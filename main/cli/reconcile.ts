import { resolve } from 'node:path';
import {
  ReportSpec,
  type ReportFormat,
  type ReconciliationSummary,
  type ReportPage,
} from '../../shared/contract/reports';
import { openCoreSession, type CoreSession } from './coreSession';
import { CliError, ExitCode } from './exitCodes';
import { listenForInterrupt } from './interrupt';
import { formatOf } from './report';
import { progressBar } from './progressBar';

/** The options `reconcile` reads; the bulk change id is its operand. */
export interface ReconcileOptions {
  out: string | undefined;
  timeZone: string | undefined;
}

/** Lines of differences (and devices not checked) printed before pointing at the report. */
const SHOWN = 10;

/** 0 when every device matches, 4 with differences, 3 when some could not be checked. */
export function reconcileExitCode(run: ReconciliationSummary): ExitCode {
  if (run.differences > 0) return ExitCode.failed;
  if (run.notChecked > 0) return ExitCode.partial;
  return ExitCode.processed;
}

const states = { running: 'still running', complete: 'complete', cancelled: 'cancelled part way' };

/** The run's counts and its first differences, as the person at the terminal reads them. */
function summaryLines(run: ReconciliationSummary, page: ReportPage): string[] {
  const n = (count: number) => count.toLocaleString('en-US');
  const lines = [
    `Reconciliation #${run.reconciliationId} of bulk change #${run.bulkChangeId}: ${states[run.state]}`,
    `${n(run.devices)} devices: ${n(run.matching)} matching, ${n(run.differences)} differing, ${n(run.notChecked)} not checked`,
  ];
  const at = (name: string) => page.columns.indexOf(name);
  const listed = page.rows.filter((row) => row[at('Verdict')] !== 'Matches');
  for (const row of listed) {
    const why = row[at('Verdict')] === 'Differs' ? row[at('Differences')] : row[at('Lookup error')];
    lines.push(`  ${row[at('ICCID')] ?? ''}  ${row[at('Verdict')] ?? ''}: ${why ?? ''}`);
  }
  const more = run.differences + run.notChecked - listed.length;
  if (more > 0) lines.push(`  … and ${n(more)} more; write the report with --out to see them all.`);
  return lines;
}

/** Runs `work` with a progress bar for one task's events, closing the bar however it ends. */
async function withBar<T>(session: CoreSession, task: string, work: () => Promise<T>): Promise<T> {
  const bar = progressBar();
  const stop = session.on('workspace:progress', (progress) => {
    if (progress.task === task) bar.update(progress);
  });
  try {
    return await work();
  } finally {
    stop();
    bar.done();
  }
}

async function reconcile(
  session: CoreSession,
  bulkChangeId: number,
  options: ReconcileOptions,
  format: ReportFormat | undefined,
  interrupted: () => boolean,
): Promise<ExitCode> {
  const { timeZone } = options;
  const run = await withBar(session, 'reports:reconcile', () =>
    session.call('reports:reconcile', { bulkChangeId }),
  );
  const page = await session.call('reports:reconciliation', {
    reconciliationId: run.reconciliationId,
    limit: SHOWN,
    timeZone,
  });
  console.log(summaryLines(run, page).join('\n'));
  // Written after Ctrl-C too: the partial run is what there is, and a second Ctrl-C leaves at once.
  if (options.out !== undefined && format !== undefined) {
    const path = resolve(options.out);
    const report = { kind: 'reconciliation' as const, reconciliationId: run.reconciliationId };
    const file = await withBar(session, 'reports:export', () =>
      session.call('reports:export', { report: { ...report, timeZone }, format, path }),
    );
    if (file) console.log(`Wrote ${file.rows.toLocaleString('en-US')} rows to ${file.path}`);
  }
  return interrupted() ? ExitCode.interrupted : reconcileExitCode(run);
}

/**
 * `carrier-ops reconcile <bulk-change-id> [--out file] [--time-zone zone]`: asks the carriers
 * for every device of a finished bulk change and compares; Ctrl-C stops asking and keeps what
 * was asked.
 */
export async function runReconcile(
  dataDir: string,
  appVersion: string,
  bulkChangeId: number,
  options: ReconcileOptions,
): Promise<ExitCode> {
  const format = formatOf(options.out);
  const zone = ReportSpec.safeParse({
    kind: 'reconciliation',
    reconciliationId: 1,
    timeZone: options.timeZone,
  });
  if (!zone.success)
    throw new CliError(ExitCode.badInput, `--time-zone: ${zone.error.issues[0]?.message ?? ''}`);
  const session = openCoreSession(dataDir, appVersion);
  const interrupt = listenForInterrupt();
  // The run may have ended and the session closed just as Ctrl-C came: nothing left to stop.
  const stop = () =>
    session.call('reports:cancel', { task: 'reports:reconcile' }).catch(() => undefined);
  // Core opens the run a moment after it is asked to, with its first progress: a Ctrl-C that
  // comes before then is passed on once there is a run to stop.
  let started = false;
  const stopWatching = session.on('workspace:progress', (progress) => {
    if (progress.task !== 'reports:reconcile' || started) return;
    started = true;
    if (interrupt.requested) void stop();
  });
  void interrupt.pressed.then(() => {
    console.error(
      'Stopping: the devices already asked are kept; the rest are listed as not checked.',
    );
    return started ? stop() : undefined;
  });
  try {
    return await reconcile(session, bulkChangeId, options, format, () => interrupt.requested);
  } finally {
    stopWatching();
    interrupt.dispose();
    await session.close();
  }
}

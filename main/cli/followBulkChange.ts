import type { BulkProgress, BulkSummary } from '../../shared/contract/bulk';
import type { CoreSession } from './coreSession';
import { CliError, ExitCode, exitCodeFor, isFinal } from './exitCodes';
import type { Interrupt } from './interrupt';
import { progressView, type OutputMode } from './progressView';
import { summaryText } from './summaryView';

// Progress events come from batches this process runs; a change finished, cancelled or paused
// from another window sends none here, so the bulk change is also looked at this often.
const CHECK_EVERY_MS = 1_000;

/**
 * Shows a bulk change's progress until it ends, then its summary; exits 0 / 3 / 4 by how it
 * ended. Ctrl-C pauses it instead and exits 130 with how to resume it.
 */
export async function followBulkChange(
  session: CoreSession,
  bulkChangeId: number,
  mode: OutputMode,
  interrupt: Interrupt,
): Promise<ExitCode> {
  const view = progressView(mode);
  let pausedNoted = false;
  let ended: () => void = () => undefined;
  const final = new Promise<void>((resolve) => (ended = resolve));
  const off = session.on('bulk:progress', (progress: BulkProgress) => {
    if (progress.bulkChangeId !== bulkChangeId) return;
    view.update(progress);
    if (isFinal(progress.status)) ended();
  });
  const look = async () => {
    const now = await session.call('bulk:get', { bulkChangeId });
    if (isFinal(now.status)) ended();
    else if (now.paused && !pausedNoted && !interrupt.requested) {
      pausedNoted = true;
      view.done();
      console.error(
        `Bulk change ${bulkChangeId} is paused. Waiting for it to be resumed (in the console, or with \`carrier-ops resume ${bulkChangeId}\`); Ctrl-C leaves it paused.`,
      );
    } else if (!now.paused) pausedNoted = false;
  };
  const timer = setInterval(() => void look().catch(() => undefined), CHECK_EVERY_MS);
  try {
    const start = await session.call('bulk:get', { bulkChangeId });
    if (start.status === 'DRAFT')
      throw new CliError(
        ExitCode.badInput,
        `Bulk change ${bulkChangeId} is a draft; submit it in the console before running it here.`,
      );
    if (isFinal(start.status)) ended();
    else if (mode === 'terminal')
      console.error(`Running bulk change ${bulkChangeId}: ${start.title}. Ctrl-C pauses it.`);
    const outcome = await Promise.race([final.then(() => 'final' as const), interrupt.pressed]);
    view.done();
    if (outcome === 'final') {
      const summary = await session.call('bulk:get', { bulkChangeId });
      console.log(summaryText(summary, mode));
      return exitCodeFor(summary.status);
    }
    return await pauseOnInterrupt(session, bulkChangeId, mode);
  } finally {
    clearInterval(timer);
    off();
  }
}

async function pauseOnInterrupt(
  session: CoreSession,
  bulkChangeId: number,
  mode: OutputMode,
): Promise<ExitCode> {
  let summary: BulkSummary;
  try {
    summary = await session.call('bulk:pause', { bulkChangeId });
  } catch (error) {
    // It ended between the key press and the pause: report the ending, not a failed pause.
    const now = await session.call('bulk:get', { bulkChangeId });
    if (!isFinal(now.status)) throw error;
    console.log(summaryText(now, mode));
    return exitCodeFor(now.status);
  }
  if (mode === 'json') console.log(summaryText(summary, mode));
  console.error(
    `Paused bulk change ${bulkChangeId}; calls already sent to carriers are finishing. Resume it with \`carrier-ops resume ${bulkChangeId}\`.`,
  );
  return ExitCode.interrupted;
}

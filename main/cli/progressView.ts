import type { BulkProgress } from '../../shared/contract/bulk';
import { carrierLabels, type Carrier } from '../../shared/domain/carriers';
import { barText, counted } from './progressBar';

/** How a command shows what it does: for a person at a terminal, or JSON lines for a script. */
export type OutputMode = 'terminal' | 'json';

export const outputMode = (): OutputMode => (process.stdout.isTTY ? 'terminal' : 'json');

export interface ProgressView {
  update(progress: BulkProgress): void;
  /** Leaves the drawing as it is, so what follows starts on a line of its own. */
  done(): void;
}

/**
 * A bulk change's progress. JSON mode: one `{"type":"progress",…}` line on stdout per event.
 * Terminal mode, on stderr: a bar with rate and ETA and a line per lane that is waiting (and
 * why), redrawn in place; when stderr is not a terminal, a line per tenth instead.
 */
export function progressView(
  mode: OutputMode,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): ProgressView {
  if (mode === 'json')
    return {
      update: (progress) => out.write(`${JSON.stringify({ type: 'progress', ...progress })}\n`),
      done: () => undefined,
    };
  let drawnLines = 0;
  let lastTenth = -1;
  return {
    update(progress) {
      const lines = describe(progress);
      if (!err.isTTY) {
        const tenth = Math.floor(fractionOf(progress) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          err.write(`${lines.join('\n')}\n`);
        }
        return;
      }
      // Lines wider than the terminal would wrap and throw off the redraw, so they are cut.
      const width = Math.max(20, (err.columns || 80) - 1);
      const fitted = lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
      const up = drawnLines > 1 ? `\x1b[${drawnLines - 1}A` : '';
      err.write(`${drawnLines > 0 ? `${up}\r\x1b[J` : ''}${fitted.join('\n')}`);
      drawnLines = fitted.length;
    },
    done() {
      if (drawnLines > 0) err.write('\n');
      drawnLines = 0;
    },
  };
}

const fractionOf = ({ done, total }: BulkProgress) => (total === 0 ? 1 : done / total);

function describe(progress: BulkProgress): string[] {
  const { bulkChangeId, done, total, counts, paused, ratePerSecond, etaSeconds } = progress;
  const parts = [
    `Bulk change ${bulkChangeId} ${barText(fractionOf(progress))} ${counted(done, total)}`,
  ];
  if (paused) parts.push('paused');
  else {
    parts.push(`${ratePerSecond.toLocaleString('en-US', { maximumFractionDigits: 1 })}/s`);
    if (etaSeconds !== null) parts.push(`ETA ${duration(etaSeconds)}`);
  }
  if (counts.FAILED > 0) parts.push(`${counts.FAILED.toLocaleString('en-US')} failed`);
  if (counts.NEEDS_REVIEW > 0)
    parts.push(`${counts.NEEDS_REVIEW.toLocaleString('en-US')} to review`);
  const waiting = progress.lanes
    .filter((lane) => lane.state === 'waiting')
    .map(
      (lane) =>
        `  ${carrierLabels[lane.carrier as Carrier] ?? lane.carrier} ${counted(lane.done, lane.total)} waiting${lane.reason ? `: ${lane.reason}` : ''}`,
    );
  return [parts.join(' · '), ...waiting];
}

/** `45 s`, `3 min 05 s`, `2 h 10 min`. */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

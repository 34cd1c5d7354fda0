import type { Progress } from '../../shared/contract/workspace';

const WIDTH = 30;

/** `[#########---------------------] 30%`: the bar every progress display here draws. */
export function barText(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(clamped * 100)}%`;
}

export const counted = (done: number, total: number): string =>
  `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;

/**
 * Draws progress on stderr: a redrawn bar on a terminal, a line per tenth elsewhere (CI logs),
 * so stdout stays clean for what scripts read.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(p: Progress): void;
  done(): void;
} {
  let lastTenth = -1;
  let lastLabel = '';
  let drawn = false;
  return {
    update({ label, done, total }) {
      const fraction = total === 0 ? 1 : done / total;
      // A new step (an evidence pack's next report) starts its own line and count.
      if (label !== lastLabel) {
        if (drawn) stream.write('\n');
        lastLabel = label;
        lastTenth = -1;
      }
      if (stream.isTTY) {
        stream.write(`\r${label} ${barText(fraction)} ${counted(done, total)}  (Ctrl-C cancels)`);
        drawn = true;
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${label}: ${tenth * 10}% ${counted(done, total)}\n`);
        }
      }
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

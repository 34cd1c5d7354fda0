import type { Progress } from '../../shared/contract/workspace';

/**
 * Draws progress on stderr: a redrawn bar on a terminal, a line per tenth elsewhere (CI logs),
 * so stdout stays clean for what scripts read.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(p: Progress): void;
  done(): void;
} {
  const width = 30;
  let lastTenth = -1;
  let drawn = false;
  return {
    update({ label, done, total }) {
      const fraction = total === 0 ? 1 : done / total;
      const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
      if (stream.isTTY) {
        const filled = Math.round(fraction * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${counts}  (Ctrl-C cancels)`,
        );
        drawn = true;
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${label}: ${tenth * 10}% ${counts}\n`);
        }
      }
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

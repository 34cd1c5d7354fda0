import type { Progress } from '../../shared/contract/workspace';

/**
 * Passes progress on at most every `intervalMs`, always including the first and the last
 * report, so a million-row job sends a few events a second rather than one per row.
 */
export function throttleProgress(
  send: (progress: Progress) => void,
  intervalMs = 250,
): (progress: Progress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    const final = progress.done >= progress.total;
    if (final || progress.done === 0 || now - last >= intervalMs) {
      last = now;
      send(progress);
    }
  };
}

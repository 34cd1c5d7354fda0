// What the UI bench measures inside the page: frame times from requestAnimationFrame, rows
// painted, pages read. Each function runs in Chromium through page.evaluate.
import type { Page } from '@playwright/test';

const GRID = '[role="table"][aria-label^="Devices of bulk change"]';

export interface FrameRun {
  /** Milliseconds between consecutive animation frames. */
  deltas: number[];
  /** Frames in which a visible row was still a placeholder (its page not read yet). */
  blankFrames: number;
  /** `bulk:rows` calls the page made meanwhile. */
  pageReads: number;
}

/** Milliseconds from opening the change in the history to its first rows and its progress painted. */
export function openAndTimeFirstRows(page: Page): Promise<{ rows: number; progress: number }> {
  return page.evaluate(
    (grid) =>
      new Promise((resolve) => {
        const start = performance.now();
        let progress = 0;
        document.querySelector<HTMLButtonElement>('.history-table__open')!.click();
        const look = () => {
          const now = performance.now() - start;
          if (!progress && document.querySelector('[aria-label="Progress of the bulk change"]'))
            progress = now;
          if (document.querySelector(`${grid} .change-grid__row[data-status]`) && progress)
            resolve({ rows: now, progress });
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
    GRID,
  );
}

/**
 * Records frames for `ms`. `scroll`: `steady` moves the grid down `pxPerFrame` each frame, as a
 * held scroll would; `jumps` sends it to a random place every 250 ms, as dragging the scrollbar
 * across 100k rows does; `still` leaves it where it is.
 */
export function recordFrames(
  page: Page,
  ms: number,
  scroll: 'still' | 'steady' | 'jumps',
  pxPerFrame = 60,
): Promise<FrameRun> {
  return page.evaluate(
    ({ grid, ms, scroll, pxPerFrame }) =>
      new Promise<FrameRun>((resolve) => {
        const scroller = document.querySelector<HTMLElement>(grid)!;
        const reads = () =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes('/api/call/bulk:rows')).length;
        const readsBefore = reads();
        const deltas: number[] = [];
        let blankFrames = 0;
        let lastJump = 0;
        let last = 0;
        const start = performance.now();
        const frame = (now: number) => {
          if (last) deltas.push(now - last);
          last = now;
          const box = scroller.getBoundingClientRect();
          const blank = [...scroller.querySelectorAll('.change-grid__row--loading')].some((row) => {
            const r = row.getBoundingClientRect();
            return r.bottom > box.top + 31 && r.top < box.bottom;
          });
          if (blank) blankFrames += 1;
          if (scroll === 'steady') scroller.scrollTop += pxPerFrame;
          if (scroll === 'jumps' && now - lastJump > 250) {
            lastJump = now;
            scroller.scrollTop = Math.random() * (scroller.scrollHeight - scroller.clientHeight);
          }
          if (now - start < ms) requestAnimationFrame(frame);
          else {
            // Resource entries are capped (250 by default); the bench raises the cap first.
            resolve({ deltas, blankFrames, pageReads: reads() - readsBefore });
          }
        };
        requestAnimationFrame(frame);
      }),
    { grid: GRID, ms, scroll, pxPerFrame },
  );
}

/**
 * tsx compiles this file keeping function names, through a `__name` helper the page lacks;
 * functions handed to page.evaluate need it defined there.
 */
export const allowNamedFunctions = (page: Page) =>
  page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });

/** Lets the page keep every `bulk:rows` call in its resource timing, however many it makes. */
export const keepResourceTimings = (page: Page) =>
  page.evaluate(() => performance.setResourceTimingBufferSize(100_000));

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of frames over 50 ms: the ones a person sees as a stutter. */
  janky: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export function frameStats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? 0,
    janky: deltas.filter((d) => d > 50).length / Math.max(1, deltas.length),
  };
}

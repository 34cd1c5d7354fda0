/**
 * Bulk change view benchmark: a 100k-device suspension (most rows finished, 17% waiting) served
 * by the built app and opened in Debian's Chromium. Measures the time to the first rows, frame
 * times (requestAnimationFrame deltas) while scrolling the grid, while progress streams in, and
 * both at once, the pages read meanwhile, and the renderer's JS heap and DOM size (CDP).
 * Prints figures; it is not a test. Build first: npx electron-vite build
 * Run: node --import tsx test/bench/ui.ts [--devices 100000] [--seconds 8]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from '@playwright/test';
import {
  allowNamedFunctions,
  frameStats,
  keepResourceTimings,
  openAndTimeFirstRows,
  recordFrames,
  type FrameRun,
} from './ui/frames';
import { serve } from './ui/serve';
import { benchWorkspace } from './ui/workspace';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '100000' },
    /** How long each frame-time run lasts. */
    seconds: { type: 'string', default: '8' },
  },
});
const size = Number(values.devices);
const runMs = Number(values.seconds) * 1000;

const ms = (n: number) => n.toFixed(1);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

async function heap(cdp: CDPSession): Promise<{ used: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { used: metric('JSHeapUsedSize'), nodes: metric('Nodes') };
}

const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-ui-'));
const frameRows: Record<string, string | number>[] = [];
const otherRows: { what: string; value: string; note: string }[] = [];
const note = (what: string, value: string, detail = '') =>
  otherRows.push({ what, value, note: detail });
function frames(what: string, run: FrameRun, progressEvents?: number) {
  const stats = frameStats(run.deltas);
  frameRows.push({
    what,
    frames: stats.frames,
    'p50 ms': ms(stats.p50),
    'p95 ms': ms(stats.p95),
    'max ms': ms(stats.max),
    'over 50 ms': `${(stats.janky * 100).toFixed(1)}%`,
    'blank frames': run.blankFrames,
    'pages read': run.pageReads,
    'progress events': progressEvents ?? '',
  });
}

try {
  const workspace = await benchWorkspace(dir, size);
  note(
    'workspace',
    `${(workspace.seedMs / 1000).toFixed(1)} s seed, ${(workspace.createMs / 1000).toFixed(1)} s plan`,
    `${size.toLocaleString('en-US')} device changes, ${workspace.pending.toLocaleString('en-US')} waiting`,
  );
  const served = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await allowNamedFunctions(page);
    await page.goto(served.url);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Bulk changes' })
      .click();
    await page.locator('.history-table__open').first().waitFor();
    await keepResourceTimings(page);
    const before = await heap(cdp);

    const first = await openAndTimeFirstRows(page);
    note('first rows painted', `${ms(first.rows)} ms`, 'from the click in the history');
    note('progress panel painted', `${ms(first.progress)} ms`, 'header and counts read');
    const opened = await heap(cdp);

    frames('still, paused', await recordFrames(page, runMs / 2, 'still'));
    frames('scroll, steady 60 px/frame', await recordFrames(page, runMs, 'steady'));
    frames('scroll, jumps every 250 ms', await recordFrames(page, runMs, 'jumps'));
    const scrolled = await heap(cdp);

    await served.call('bulk:resume', { bulkChangeId: workspace.bulkChangeId });
    let events = served.countProgress();
    frames('still, progress streaming', await recordFrames(page, runMs, 'still'), events.count());
    events.stop();
    events = served.countProgress();
    frames(
      'scroll while progress streams',
      await recordFrames(page, runMs, 'steady', 20),
      events.count(),
    );
    events.stop();
    const streamed = await heap(cdp);
    const progress = await served.call('bulk:get', { bulkChangeId: workspace.bulkChangeId });
    const c = progress.counts;
    note(
      'rows finished while streaming',
      (
        c.SUCCEEDED +
        c.FAILED +
        c.NEEDS_REVIEW +
        c.CANCELLED -
        (size - workspace.pending)
      ).toLocaleString('en-US'),
      'sandbox carriers at their own pace',
    );
    await served.call('bulk:pause', { bulkChangeId: workspace.bulkChangeId });

    note('JS heap: history open', `${mb(before.used)} MB`, `${before.nodes} DOM nodes`);
    note('JS heap: view open', `${mb(opened.used)} MB`, `${opened.nodes} DOM nodes`);
    note('JS heap: after scrolling', `${mb(scrolled.used)} MB`, `${scrolled.nodes} DOM nodes`);
    note('JS heap: after streaming', `${mb(streamed.used)} MB`, `${streamed.nodes} DOM nodes`);
  } finally {
    await browser.close();
    await served.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.table(otherRows);
console.table(frameRows);
console.log(
  `${size.toLocaleString('en-US')}-device bulk change in Chromium 1440×900 (headless, software rendering); frame times from requestAnimationFrame, ${values.seconds} s per run (stills half that); heap after a forced GC.`,
);

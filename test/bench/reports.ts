/**
 * Report export benchmark: a sandbox workspace with one 100k-row bulk change, exported to xlsx
 * and csv, each run in its own process so its peak RSS is the export's own, against SheetJS
 * writing the same rows from memory. Prints figures; it is not a test. The RSS includes ~120 MB
 * for Node, tsx and the loaded core.
 * Run: node --import tsx test/bench/reports.ts [--rows 100000] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedBigReport } from '../integration/reports/bigReport';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const child = fileURLToPath(new URL('../integration/reports/exportChild.ts', import.meta.url));
const baseline = fileURLToPath(new URL('./sheetjsBaseline.ts', import.meta.url));

interface Run {
  rows: number;
  bytes: number;
  ms: number;
  peakRss: number;
}

/** Runs one export `runs` times, each in its own process; the median time and the peak RSS. */
function measure(script: string, dataDir: string, bulkId: number, format: 'csv' | 'xlsx') {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const line = execFileSync(
      process.execPath,
      ['--import', 'tsx', script, dataDir, String(bulkId), format, join(dataDir, `out.${format}`)],
      { encoding: 'utf8' },
    );
    results.push(JSON.parse(line.trim().split('\n').at(-1)!) as Run);
  }
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)]!,
    min: ms[0]!,
    max: ms.at(-1)!,
    peak: Math.max(...results.map((r) => r.peakRss)),
    bytes: results[0]!.bytes,
  };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
try {
  const bulkId = await seedBigReport(dataDir, rows);
  console.log(
    `bulk change report, ${rows.toLocaleString('en-US')} rows, ${runs} runs per format; baseline: the same rows gathered in memory and written by SheetJS`,
  );
  for (const format of ['csv', 'xlsx'] as const) {
    const ours = measure(child, dataDir, bulkId, format);
    const base = measure(baseline, dataDir, bulkId, format);
    console.log(
      `${format.padEnd(5)} median ${ours.median} ms (min ${ours.min}, max ${ours.max}), ` +
        `peak RSS ${mb(ours.peak)} MB, file ${(ours.bytes / 2 ** 20).toFixed(1)} MB | ` +
        `SheetJS ${base.median} ms, ${mb(base.peak)} MB | ` +
        `time ×${(ours.median / base.median).toFixed(2)}, RSS ×${(ours.peak / base.peak).toFixed(2)}`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

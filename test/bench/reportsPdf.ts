// Report PDF benchmark: writes a device report of --rows rows to a file, streamed from a generator
// as a database cursor would feed it, and prints time, size, pages and peak memory. Not a test;
// the memory-ceiling test runs it once under --max-old-space-size.
// Run: node --import tsx test/bench/reportsPdf.ts [--rows 100000] [--rounds 3] [--out file.pdf]
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writePdfReport, type PdfReport } from '../../main/core/reports/pdf/writePdfReport';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string' },
  },
});
const rowCount = Number(values.rows);
const rounds = Number(values.rounds);

const columns: PdfReport['columns'] = [
  { header: 'ICCID', width: 130 },
  { header: 'IMEI', width: 100 },
  { header: 'Carrier', width: { share: 1 } },
  { header: 'Before', width: { share: 1 } },
  { header: 'After', width: { share: 1 } },
  { header: 'Outcome', width: { share: 1 } },
  { header: 'Message', width: { share: 3 } },
];
const CARRIERS = ['ThingSpace', 'Jasper', 'Telegence', 'POND'];

function* rows(): Generator<string[]> {
  for (let i = 1; i <= rowCount; i += 1) {
    yield [
      `8901260${String(i).padStart(12, '0')}`,
      `35${String(i).padStart(13, '0')}`,
      CARRIERS[i % 4]!,
      'active',
      'suspended',
      i % 50 === 0 ? 'FAILED' : 'SUCCEEDED',
      i % 50 === 0 ? 'The carrier throttled the request; it was retried 3 times and gave up' : '',
    ];
  }
}

let peakHeap = 0;
let peakRss = 0;
const sampler = setInterval(() => {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  peakRss = Math.max(peakRss, rss);
}, 5);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-pdf-'));
const times: number[] = [];
let last = { pages: 0, bytes: 0 };
for (let round = 0; round < rounds; round += 1) {
  const out = createWriteStream(values.out ?? join(dir, 'report.pdf'));
  const started = performance.now();
  last = await writePdfReport(out, {
    title: `Bulk change 7: suspend ${rowCount.toLocaleString('en-US')} devices`,
    subtitle: 'Benchmark report',
    filters: [['Outcome', 'all']],
    summary: [['Devices', rowCount.toLocaleString('en-US')]],
    columns,
    rows: rows(),
  });
  out.end();
  await finished(out);
  times.push(performance.now() - started);
}
clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });

const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(
  `pdf report: ${rowCount.toLocaleString('en-US')} rows, ${last.pages} pages, ${mb(last.bytes)} MB; ` +
    `median ${(median / 1000).toFixed(2)} s over ${rounds} round(s) ` +
    `(${Math.round(rowCount / (median / 1000)).toLocaleString('en-US')} rows/s); ` +
    `peak heap ${mb(peakHeap)} MB, peak RSS ${mb(peakRss)} MB`,
);
console.log(JSON.stringify({ rows: rowCount, ...last, medianMs: Math.round(median), peakHeap }));

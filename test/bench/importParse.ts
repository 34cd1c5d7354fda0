// Reader benchmark: a 100k-row xlsx and a 1M-row csv, bare SheetJS (read + sheet_to_json) next to
// our safe reader. Each case runs in a process of its own, so its peak RSS (worker threads
// included) is its own. Prints figures; it is not a test.
// Run: node --import tsx test/bench/importParse.ts [--xlsxRows 100000 --csvRows 1000000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import XLSX from 'xlsx';
import { readSpreadsheet } from '../../main/core/import/read';
import { deviceCsv, deviceXlsx } from './importFiles';

const { values } = parseArgs({
  options: {
    xlsxRows: { type: 'string', default: '100000' },
    csvRows: { type: 'string', default: '1000000' },
    case: { type: 'string' },
    file: { type: 'string' },
  },
});

type Case = 'bare' | 'safe';
interface Figures {
  ms: number;
  rows: number;
  peakRssMb: number;
  /** The longest the event loop of the reading thread was blocked. */
  stallMs: number;
}

/** One case, in this (child) process: prints its figures as JSON. */
async function runCase(kind: Case, path: string): Promise<void> {
  const bytes = readFileSync(path);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // The monitor's first sample only starts its clock; let it take one before reading.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const start = performance.now();
  let rows: number;
  if (kind === 'bare') {
    const book = XLSX.read(bytes, { type: 'buffer' });
    rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
    }).length;
  } else {
    rows = (await readSpreadsheet({ name: path, bytes })).sheets[0]!.rows.length;
  }
  const ms = performance.now() - start;
  // A synchronous parse blocks until it returns; one more turn of the loop records that stall.
  await new Promise((resolve) => setTimeout(resolve, 20));
  loop.disable();
  const figures: Figures = {
    ms,
    rows,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    stallMs: Math.round(loop.max / 1e6),
  };
  process.stdout.write(JSON.stringify(figures));
}

const child = (kind: Case, path: string): Figures =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--case', kind, '--file', path],
      {
        encoding: 'utf8',
      },
    ),
  ) as Figures;

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-read-bench-'));
  try {
    const files = [
      { name: 'devices.xlsx', build: () => deviceXlsx(Number(values.xlsxRows)) },
      { name: 'devices.csv', build: () => deviceCsv(Number(values.csvRows)) },
    ];
    console.log(
      '| file | size | reader | rows | time | rows/s | peak RSS | longest stall | time vs bare |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const file of files) {
      const path = join(dir, file.name);
      writeFileSync(path, file.build());
      const size = `${(statSync(path).size / 1024 / 1024).toFixed(1)} MB`;
      const bare = child('bare', path);
      const safe = child('safe', path);
      for (const [label, f] of [
        ['SheetJS read + sheet_to_json', bare],
        ['readSpreadsheet', safe],
      ] as const) {
        console.log(
          `| ${file.name} | ${size} | ${label} | ${f.rows.toLocaleString('en-US')} | ${(f.ms / 1000).toFixed(2)} s | ${Math.round(f.rows / (f.ms / 1000)).toLocaleString('en-US')} | ${f.peakRssMb} MB | ${f.stallMs} ms | ${(f.ms / bare.ms).toFixed(2)}× |`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.case) await runCase(values.case as Case, values.file!);
else main();

// Import benchmark: a 100k-row xlsx and a 1M-row csv, from file to validated preview, next to
// the bare parse of the same file by SheetJS in the same run. Each case runs in its own
// process so its peak RSS is its own. Prints figures; it is not a test.
// Run: node --import tsx test/bench/import.ts [--devices 1000000 --xlsxRows 100000 --csvRows 1000000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as XLSX from 'xlsx';
import { importHandlers } from '../../main/core/import/handlers';
import { readSpreadsheet } from '../../main/core/import/read';
import { openStore } from '../../main/core/store/open';
import { databaseFile } from '../../main/core/workspace/paths';
import { seedSandbox } from '../../main/core/workspace/seedSandbox';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '1000000' },
    xlsxRows: { type: 'string', default: '100000' },
    csvRows: { type: 'string', default: '1000000' },
    case: { type: 'string' },
    dir: { type: 'string' },
    file: { type: 'string' },
  },
});

type Case = 'bare' | 'read' | 'full';
interface Figures {
  ms: number;
  rows: number;
  peakRssMb: number;
  detail?: string;
}

/** One case, in this (child) process: prints its figures as JSON. */
async function runCase(kind: Case, dir: string, file: string): Promise<void> {
  const path = join(dir, file);
  const start = performance.now();
  let rows: number;
  let detail = '';
  if (kind === 'bare') {
    const book = XLSX.read(readFileSync(path), { type: 'buffer', dense: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }).length;
  } else if (kind === 'read') {
    const book = await readSpreadsheet({ name: file, bytes: readFileSync(path) });
    rows = book.sheets[0]!.rows.length;
  } else {
    const db = openStore(databaseFile(dir));
    const handlers = importHandlers({ db, createdBy: 'bench' });
    const opened = await handlers['import:open']({ source: { kind: 'path', path } });
    const read = performance.now() - start;
    const check = await handlers['import:check']({
      importId: opened.importId,
      mapping: opened.mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'suspend' }, tenantId: null },
    });
    rows = check.total;
    detail = `read ${Math.round(read)} ms + check ${Math.round(performance.now() - start - read)} ms; ${check.ok} ok, ${check.errors} refused`;
    db.close();
  }
  const ms = performance.now() - start;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ms, rows, peakRssMb, detail } satisfies Figures));
}

function child(kind: Case, dir: string, file: string): Figures {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--case', kind, '--dir', dir, '--file', file],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(out) as Figures;
}

/** Writes the files: ICCIDs of real devices (mostly active, so the check does its full work). */
function writeFiles(dir: string, xlsxRows: number, csvRows: number): void {
  const db = openStore(databaseFile(dir));
  const iccids = db
    .prepare('SELECT iccid FROM devices ORDER BY id LIMIT ?')
    .pluck()
    .all(Math.max(xlsxRows, csvRows)) as string[];
  db.close();
  const header = ['ICCID', 'Customer reference', 'Requested status'];
  const line = (iccid: string, i: number) => [iccid, `REF-${i}`, 'Suspend'];
  const aoa = [
    ['Acme Logistics: SIMs to suspend'],
    [],
    header,
    ...iccids.slice(0, xlsxRows).map(line),
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'Devices');
  writeFileSync(
    join(dir, 'devices.xlsx'),
    XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  );
  const csv = [
    header.join(';'),
    ...iccids.slice(0, csvRows).map((iccid, i) => line(iccid, i).join(';')),
  ].join('\r\n');
  writeFileSync(join(dir, 'devices.csv'), csv);
}

async function main(): Promise<void> {
  const devices = Number(values.devices);
  const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-import-bench-'));
  try {
    const seedStart = performance.now();
    const db = openStore(databaseFile(dir));
    await seedSandbox(db, { devices });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    console.log(
      `Seeded ${devices.toLocaleString('en-US')} devices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    writeFiles(dir, Number(values.xlsxRows), Number(values.csvRows));
    console.log(
      `| file | size | case | rows | wall | rows/s | peak RSS | vs bare parse | detail |`,
    );
    console.log(`|---|---|---|---|---|---|---|---|---|`);
    for (const file of ['devices.xlsx', 'devices.csv']) {
      const size = `${(statSync(join(dir, file)).size / 1024 / 1024).toFixed(1)} MB`;
      const bare = child('bare', dir, file);
      for (const kind of ['bare', 'read', 'full'] as const) {
        const f = kind === 'bare' ? bare : child(kind, dir, file);
        console.log(
          `| ${file} | ${size} | ${kind === 'bare' ? 'SheetJS read + sheet_to_json' : kind === 'read' ? 'our safe read' : 'read + map + validate (preview)'} | ${f.rows.toLocaleString('en-US')} | ${(f.ms / 1000).toFixed(2)} s | ${Math.round(f.rows / (f.ms / 1000)).toLocaleString('en-US')} | ${f.peakRssMb} MB | ${(f.ms / bare.ms).toFixed(2)}× | ${f.detail ?? ''} |`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.case) await runCase(values.case as Case, values.dir!, values.file!);
else await main();

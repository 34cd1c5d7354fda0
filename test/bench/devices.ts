/**
 * Devices grid benchmark: seeds a 1M-device sandbox workspace in a temp folder and times what
 * the grid asks core for (pages under each filter and sort, search, pickers, a 100k-id paste)
 * and what a change over a 250k-device selection resolves. Prints figures; it is not a test.
 * Run: node --import tsx test/bench/devices.ts [--devices 1000000] [--runs 9]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DevicePage, DeviceQuery, DeviceSort } from '../../shared/contract/devices';
import { deviceFilterOptions } from '../../main/core/devices/filterOptions';
import { matchPaste } from '../../main/core/devices/paste';
import { deviceFacets, listDevices } from '../../main/core/devices/query';
import { resolveSelection } from '../../main/core/devices/selection';
import { openStore, type Db } from '../../main/core/store/open';
import { databaseFile } from '../../main/core/workspace/paths';
import { seedSandbox } from '../../main/core/workspace/seedSandbox';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '9' },
  },
});
const size = Number(values.devices);
const runs = Number(values.runs);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}
const medianOf = (fn: () => unknown) => median(Array.from({ length: runs }, () => time(fn).ms));

const rows: { what: string; 'median ms': string; note: string }[] = [];
const record = (what: string, ms: number, note = '') =>
  rows.push({ what, 'median ms': ms.toFixed(ms < 10 ? 2 : 1), note });

const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-devices-'));
const file = databaseFile(dir);
try {
  let db: Db = openStore(file);
  const seedStart = performance.now();
  await seedSandbox(db, { devices: size });
  const seedMs = performance.now() - seedStart;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(`seeded ${size.toLocaleString('en-US')} devices (${(seedMs / 1000).toFixed(1)} s)`);

  // Time to first rows: a fresh connection (the app just opened) answering the grid's first call.
  const firstRows = time(() => {
    db = openStore(file);
    return listDevices(db, { offset: 0, limit: 100 });
  });
  record('first rows: open workspace + first page', firstRows.ms, 'cold connection, once');

  const options = deviceFilterOptions(db);
  const customer = options.customers[1]!;
  const plan = options.carrierRatePlans[0]!;
  const page = (query: DeviceQuery & { offset?: number; sort?: DeviceSort }) => () =>
    listDevices(db, { offset: 0, limit: 100, ...query });
  const total = (query: DeviceQuery) => listDevices(db, { ...query, offset: 0, limit: 1 }).total;
  const count = (query: DeviceQuery) => `${total(query).toLocaleString('en-US')} match`;

  record('first page (offset 0, limit 100)', medianOf(page({})));
  record('page at offset 900,000', medianOf(page({ offset: 900_000 })));
  for (const [what, query] of [
    ['status active', { statuses: ['active'] }],
    ['status suspended', { statuses: ['suspended'] }],
    [`customer ${customer.name}`, { customers: [customer.id] }],
    [`carrier plan ${plan.name}`, { carrierRatePlans: [plan.id] }],
    ['carrier jasper + status suspended', { carriers: ['jasper'], statuses: ['suspended'] }],
  ] as [string, DeviceQuery][])
    record(`filtered page: ${what}`, medianOf(page(query)), count(query));
  record(
    'filtered page at offset 100,000: status active',
    medianOf(page({ statuses: ['active'], offset: 100_000 })),
  );
  const search = '89014100000100';
  record(`search prefix ${search}`, medianOf(page({ search })), count({ search }));

  const iccidAsc: DeviceSort = { by: 'iccid', direction: 'asc' };
  record('sorted by ICCID, first page', medianOf(page({ sort: iccidAsc })));
  record('sorted by ICCID, offset 900,000', medianOf(page({ sort: iccidAsc, offset: 900_000 })));
  record(
    'sorted by ICCID under status active',
    medianOf(page({ sort: iccidAsc, statuses: ['active'] })),
    'bounded walk of the ICCID index',
  );
  record(
    'sorted by ICCID under carrier pond',
    medianOf(page({ sort: iccidAsc, carriers: ['pond'] })),
    "walk comes up short (POND's ICCIDs sort last): SQLite sorts",
  );
  record(
    'sorted by updated (newest) under a customer',
    medianOf(page({ sort: { by: 'updated', direction: 'desc' }, customers: [customer.id] })),
  );
  record(
    'sorted by status under carrier jasper, offset 50,000',
    medianOf(
      page({ sort: { by: 'status', direction: 'asc' }, carriers: ['jasper'], offset: 50_000 }),
    ),
  );

  record(
    'facets (carrier and status chips)',
    medianOf(() => deviceFacets(db)),
  );
  record(
    'filter options (pickers with counts)',
    medianOf(() => deviceFilterOptions(db)),
  );

  const jasper = { carriers: ['jasper' as const] };
  const resolved = time(() => resolveSelection(db, { kind: 'filter', filter: jasper, except: [] }));
  record(
    'resolveSelection: all matching carrier jasper',
    medianOf(() => resolveSelection(db, { kind: 'filter', filter: jasper, except: [] })),
    `${resolved.value.iccids.length.toLocaleString('en-US')} ICCIDs`,
  );

  // A 100k-id paste, sent as the window sends it (pieces of at most 200,000 characters).
  const ids = (
    db
      .prepare('SELECT iccid, imei FROM devices WHERE id % 10 = 3 ORDER BY id LIMIT 100000')
      .raw()
      .all() as [string, string][]
  ).map(([iccid, imei], i) => (i % 2 ? imei : iccid));
  const pieces: string[] = [];
  for (let i = 0; i < ids.length; i += 9_000) pieces.push(ids.slice(i, i + 9_000).join('\n'));
  const pasted = time(() => {
    let listId: string | undefined;
    for (const piece of pieces) listId = matchPaste(db, piece, listId).listId;
    return listId!;
  });
  record(
    `paste ${ids.length.toLocaleString('en-US')} ids (ICCID/IMEI mix)`,
    pasted.ms,
    `${pieces.length} pieces, once`,
  );
  const listed: DevicePage = listDevices(db, { listId: pasted.value, offset: 0, limit: 1 });
  record(
    'pasted list: first page',
    medianOf(page({ listId: pasted.value })),
    `${listed.total} devices`,
  );
  record(
    'pasted list: page at offset 90,000',
    medianOf(page({ listId: pasted.value, offset: 90_000 })),
  );
  db.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}

console.table(rows);
console.log(
  `${size.toLocaleString('en-US')} devices; medians of ${runs} runs; pages are 100 rows with their total count; peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
);

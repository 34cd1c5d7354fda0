// Store benchmark: seeds 100k and 1M sandbox devices and times what a desk worker waits for.
// Prints figures; it is not a test. Run: npm run bench:store [-- --sizes 100000,1000000]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deviceFacets, listDevices } from '../../main/core/devices/query';
import { openStore } from '../../main/core/store/open';
import { seedSandbox } from '../../main/core/workspace/seedSandbox';
import { databaseFile } from '../../main/core/workspace/paths';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    runs: { type: 'string', default: '15' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
const medianOf = (fn: () => unknown) => median(Array.from({ length: runs }, () => time(fn)));
const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const rows: Record<string, string>[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-'));
  const file = databaseFile(dir);
  let db = openStore(file);
  const seedStart = performance.now();
  await seedSandbox(db, { devices: size });
  const seedMs = performance.now() - seedStart;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const openMs = time(() => (db = openStore(file)));
  const firstPage = medianOf(() => listDevices(db, { offset: 0, limit: 100 }));
  const filtered = medianOf(() =>
    listDevices(db, { carriers: ['jasper'], statuses: ['suspended'], offset: 0, limit: 100 }),
  );
  const deepPage = medianOf(() => listDevices(db, { offset: Math.floor(size * 0.9), limit: 100 }));
  const search = medianOf(() =>
    listDevices(db, { search: '8901410000001', offset: 0, limit: 100 }),
  );
  const facets = medianOf(() => deviceFacets(db));
  const bytes = fileSize(file) + fileSize(`${file}-wal`);
  db.close();
  rows.push({
    devices: size.toLocaleString('en-US'),
    'seed s': (seedMs / 1000).toFixed(1),
    'rows/s': Math.round(size / (seedMs / 1000)).toLocaleString('en-US'),
    'DB MB': (bytes / 1e6).toFixed(0),
    'open ms': openMs.toFixed(1),
    'first page ms': firstPage.toFixed(2),
    'filtered page ms': filtered.toFixed(2),
    'page at 90% ms': deepPage.toFixed(2),
    'id search ms': search.toFixed(2),
    'facets ms': facets.toFixed(1),
  });
  rmSync(dir, { recursive: true, force: true });
}
clearInterval(sampler);

console.table(rows);
console.log(
  `medians of ${runs} runs; pages are 100 rows with their total count; peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
);
const [small, large] = rows;
if (small && large) {
  const ratio = (key: string) => (Number(large[key]) / Number(small[key])).toFixed(2);
  console.log(
    `${large.devices} vs ${small.devices} devices: first page ×${ratio('first page ms')}, filtered page ×${ratio('filtered page ms')}, open ×${ratio('open ms')}`,
  );
}

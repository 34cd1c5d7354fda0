// Chain verification at scale: writes 1,000,000 audit entries through the hash chain, then times
// `verify` (what `carrier-ops verify-audit` and the evidence pack run) against a bare read of
// the same rows in the same chunks, with and without a recorded head. Prints figures; not a test.
// Run: node --import tsx test/bench/reportsChain.ts [--entries 1000000] [--rounds 3]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog, type AuditEntryInput } from '../../main/core/audit/auditLog';
import { openStore } from '../../main/core/store/open';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
  },
});
const total = Number(values.entries);
const rounds = Number(values.rounds);

// A carrier call as the log keeps it: the request line and body, and the answer (~600 B).
function entry(n: number, bulkChangeId: number): AuditEntryInput {
  const iccid = `89014100000${String(n).padStart(9, '0')}`;
  return {
    bulkChangeId,
    deviceChangeId: null,
    requestText: `POST https://sim.test/m2m/v1/devices/actions/suspend\n{"devices":[{"deviceIds":[{"kind":"iccid","id":"${iccid}"}]}],"accountName":"0000123456-00001"}`,
    responseText: `HTTP 200 {"requestId":"5f1c2b8e-${String(n).padStart(12, '0')}","status":"QUEUED","devices":[{"iccid":"${iccid}","state":"pending suspend","ratePlan":"M2MDATA25MB","msisdn":"1555${String(n % 1e7).padStart(7, '0')}"}]}`,
    hasErrors: n % 50 === 0,
    responseStatus: n % 50 === 0 ? 'FAILED: throttled' : 'HTTP 200',
    processedBy: 'engine',
    processedAt: new Date(Date.UTC(2026, 0, 1) + n).toISOString(),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-chain-'));
const file = join(dir, 'workspace.sqlite');
const db = openStore(file);
try {
  const bulkChangeId = Number(
    db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'PROCESSED', 'bench', '{}', 'bench')",
      )
      .run().lastInsertRowid,
  );
  const log = new AuditLog(db);
  const writeStart = performance.now();
  for (let n = 1; n <= total; n += 1000) {
    const batch = Array.from({ length: Math.min(1000, total - n + 1) }, (_, i) =>
      entry(n + i, bulkChangeId),
    );
    log.appendMany(batch);
    if (n % 100_000 === 1) process.stderr.write(`\rwriting ${(n - 1).toLocaleString('en-US')}`);
  }
  process.stderr.write('\n');
  const writeMs = performance.now() - writeStart;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const head = log.head();

  // The baseline: the same keyset chunks verify reads, without hashing or comparing anything.
  const chunk = db.prepare<[number], { id: number; request_text: string; response_text: string }>(
    'SELECT id, request_text, response_text, hash FROM bulk_change_log WHERE id > ? ORDER BY id LIMIT 10000',
  );
  const bareRead = () => {
    let last = 0;
    let bytes = 0;
    for (;;) {
      const rows = chunk.all(last);
      if (rows.length === 0) return bytes;
      for (const row of rows) bytes += row.request_text.length + row.response_text.length;
      last = rows.at(-1)!.id;
    }
  };

  const times = { read: [] as number[], verify: [] as number[], anchored: [] as number[] };
  let payload = 0;
  for (let round = 0; round < rounds; round += 1) {
    let start = performance.now();
    payload = bareRead();
    times.read.push(performance.now() - start);
    start = performance.now();
    const plain = await log.verify();
    times.verify.push(performance.now() - start);
    start = performance.now();
    const anchored = await log.verify({ anchor: { lastId: head.lastId, hash: head.hash } });
    times.anchored.push(performance.now() - start);
    if (!plain.ok || !anchored.ok || plain.count !== total)
      throw new Error(`verify failed on an untouched log: ${JSON.stringify({ plain, anchored })}`);
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const read = median(times.read);
  const row = (what: string, all: number[]) => ({
    what,
    s: (median(all) / 1000).toFixed(2),
    'entries/s': Math.round(total / (median(all) / 1000)).toLocaleString('en-US'),
    'vs bare read': `×${(median(all) / read).toFixed(2)}`,
    'all rounds s': all.map((t) => (t / 1000).toFixed(2)).join(' '),
  });
  console.log(
    `${total.toLocaleString('en-US')} audit entries, payload ${(payload / 1e6).toFixed(0)} MB, database ${(statSync(file).size / 1e6).toFixed(0)} MB; written through the chain in ${(writeMs / 1000).toFixed(1)} s; medians of ${rounds} rounds; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  console.table([
    row('bare read (baseline)', times.read),
    row('verify', times.verify),
    row('verify with recorded head', times.anchored),
  ]);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

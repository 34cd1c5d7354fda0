// Audit log benchmark: appends ~2 KB entries through the hash chain, one per transaction and in
// batches, verifies them, and compares with raw inserts of the same rows without hashing.
// Prints figures; it is not a test. Run: node --import tsx test/bench/audit.ts
//   [--entries 100000] [--batch 100] [--rounds 3]   (medians over rounds, modes interleaved)
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog, type AuditEntryInput } from '../../main/core/audit/auditLog';
import { entryHash } from '../../main/core/audit/chainHash';
import { assertRedacted } from '../../main/core/audit/secretGuard';
import { openStore, type Db } from '../../main/core/store/open';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
  },
});
const total = Number(values.entries);
const batchSize = Number(values.batch);
const rounds = Number(values.rounds);
const DEVICE_CHANGES = 1000;

// About 1 KB each way, like a carrier call with its JSON body and answer.
const filler = 'x'.repeat(800);
function entry(n: number, bulkChangeId: number): AuditEntryInput {
  const iccid = `89014100000${String(n).padStart(9, '0')}`;
  return {
    bulkChangeId,
    deviceChangeId: (n % DEVICE_CHANGES) + 1,
    requestText: `PUT https://sim.test/rws/api/v1/devices/${iccid}\n{"Authorization":"[redacted]","Accept":"application/json"}\n{"iccid":"${iccid}","status":"DEACTIVATED","effectiveDate":"2025-01-01","note":"${filler}"}`,
    responseText: `{"iccid":"${iccid}","status":"DEACTIVATED","ratePlan":"IOT-1GB","requestId":"req-${n}","detail":"${filler}"}`,
    hasErrors: n % 50 === 0,
    responseStatus: n % 50 === 0 ? 'FAILED: throttled' : 'HTTP 200',
    processedBy: 'engine',
    processedAt: new Date(Date.UTC(2025, 0, 1) + n).toISOString(),
  };
}
const payloadBytes = (e: AuditEntryInput) =>
  Buffer.byteLength(e.requestText ?? '') + Buffer.byteLength(e.responseText ?? '');

interface Workspace {
  db: Db;
  file: string;
  dir: string;
  bulkChangeId: number;
}
function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-audit-'));
  const file = join(dir, 'workspace.sqlite');
  const db = openStore(file);
  const bulkChangeId = Number(
    db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'PROCESSING', 'bench', '{}', 'bench')",
      )
      .run().lastInsertRowid,
  );
  const addChange = db.prepare(
    "INSERT INTO device_changes (bulk_change_id, request_json, status) VALUES (?, '{}', 'PENDING')",
  );
  db.transaction(() => {
    for (let i = 0; i < DEVICE_CHANGES; i += 1) addChange.run(bulkChangeId);
  })();
  return { db, file, dir, bulkChangeId };
}

// Raw rows carry hashes computed before the clock starts, so the UNIQUE index on `hash` does the
// same scattered work as in the audited runs; only hashing, the guard and the head read differ.
const realisticHashes = Array.from({ length: total + 1 }, (_, n) =>
  createHash('sha256').update(String(n)).digest('hex'),
);
const placeholderHash = (n: number) => String(n).padStart(64, '0');

/** The same rows inserted directly: no hashing, no guard, no head read. */
function rawInserter(db: Db, hashOf: (n: number) => string) {
  const insert = db.prepare(
    `INSERT INTO bulk_change_log (bulk_change_id, device_change_id, request_text, response_text,
       has_errors, response_status, processed_by, processed_at, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (e: AuditEntryInput, n: number) =>
    insert.run(
      e.bulkChangeId,
      e.deviceChangeId,
      e.requestText,
      e.responseText,
      e.hasErrors ? 1 : 0,
      e.responseStatus,
      e.processedBy,
      e.processedAt,
      hashOf(n - 1),
      hashOf(n),
    );
}
const rawBatches = (hashOf: (n: number) => string) => (ws: Workspace) => {
  const insert = rawInserter(ws.db, hashOf);
  return ws.db.transaction((entries: AuditEntryInput[], first: number) =>
    entries.forEach((e, i) => insert(e, first + i)),
  );
};

type Write = (entries: AuditEntryInput[], first: number) => void;
interface Mode {
  name: string;
  size: number;
  baseline?: string;
  makeWrite: (ws: Workspace) => Write;
}
const single = 'raw insert, 1 per transaction';
const batched = `raw insert, batches of ${batchSize}`;
const audited = `audit appendMany, batches of ${batchSize}`;
const modes: Mode[] = [
  {
    name: single,
    size: 1,
    makeWrite: (ws) => {
      const insert = rawInserter(ws.db, (n) => realisticHashes[n]!);
      return ([e], n) => insert(e!, n);
    },
  },
  {
    name: 'audit append, 1 per transaction',
    size: 1,
    baseline: single,
    makeWrite: (ws) => {
      const log = new AuditLog(ws.db);
      return ([e]) => log.append(e!);
    },
  },
  { name: batched, size: batchSize, makeWrite: rawBatches((n) => realisticHashes[n]!) },
  {
    name: `raw insert, batches of ${batchSize}, sequential hashes`,
    size: batchSize,
    makeWrite: rawBatches(placeholderHash),
  },
  {
    name: audited,
    size: batchSize,
    baseline: batched,
    makeWrite: (ws) => {
      const log = new AuditLog(ws.db);
      return (entries) => log.appendMany(entries);
    },
  },
];

const times = new Map<string, number[]>(modes.map((m) => [m.name, []]));
const verifyTimes: number[] = [];
const headReadTimes: number[] = [];
let payload = 0;
let dbBytes = 0;

for (let round = 0; round < rounds; round += 1) {
  for (const mode of modes) {
    const ws = workspace();
    const write = mode.makeWrite(ws);
    payload = 0;
    const start = performance.now();
    for (let n = 1; n <= total; n += mode.size) {
      const entries = Array.from({ length: Math.min(mode.size, total - n + 1) }, (_, i) =>
        entry(n + i, ws.bulkChangeId),
      );
      for (const e of entries) payload += payloadBytes(e);
      write(entries, n);
    }
    times.get(mode.name)!.push(performance.now() - start);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    dbBytes = statSync(ws.file).size;

    if (mode.name === audited) {
      const verifyStart = performance.now();
      const verified = await new AuditLog(ws.db).verify();
      verifyTimes.push(performance.now() - verifyStart);
      if (!verified.ok || verified.count !== total) {
        throw new Error(`verify failed on an untouched log: ${JSON.stringify(verified)}`);
      }
      // What a cached head would save: the head read each append does, alone.
      const headRead = ws.db.prepare(
        'SELECT id, hash FROM bulk_change_log ORDER BY id DESC LIMIT 1',
      );
      const headStart = performance.now();
      ws.db.transaction(() => {
        for (let i = 0; i < total; i += 1) headRead.get();
      })();
      headReadTimes.push(performance.now() - headStart);
    }
    ws.db.close();
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

// The two CPU parts of an append, alone.
const sample = Array.from({ length: 1000 }, (_, i) => entry(i, 1));
const microseconds = (fn: (e: AuditEntryInput) => void) => {
  const start = performance.now();
  for (let round = 0; round < total / sample.length; round += 1) sample.forEach(fn);
  return ((performance.now() - start) * 1000) / total;
};
const guardUs = microseconds((e) => {
  assertRedacted(e.requestText, 'request text', 'bench');
  assertRedacted(e.responseText, 'response text', 'bench');
});
const hashUs = microseconds((e) =>
  entryHash('0'.repeat(64), {
    bulk_change_id: e.bulkChangeId,
    device_change_id: e.deviceChangeId,
    request_text: e.requestText,
    response_text: e.responseText,
    has_errors: e.hasErrors ? 1 : 0,
    response_status: e.responseStatus,
    processed_by: e.processedBy,
    processed_at: e.processedAt!,
  }),
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const perSecond = (count: number, ms: number) =>
  Math.round(count / (ms / 1000)).toLocaleString('en-US');
const mbPerSecond = (ms: number) => (payload / 1e6 / (ms / 1000)).toFixed(0);
console.table(
  modes.map((mode) => {
    const ms = median(times.get(mode.name)!);
    return {
      mode: mode.name,
      s: (ms / 1000).toFixed(2),
      'entries/s': perSecond(total, ms),
      'MB/s': mbPerSecond(ms),
      'time vs raw': mode.baseline ? `×${(ms / median(times.get(mode.baseline)!)).toFixed(2)}` : '',
      'all rounds s': times
        .get(mode.name)!
        .map((t) => (t / 1000).toFixed(1))
        .join(' '),
    };
  }),
);
const verifyMs = median(verifyTimes);
console.log(
  `${total.toLocaleString('en-US')} entries, payload ${(payload / 1e6).toFixed(0)} MB (${(payload / total).toFixed(0)} B/entry), database ${(dbBytes / 1e6).toFixed(0)} MB; medians of ${rounds} rounds`,
);
console.log(
  `verify: ${(verifyMs / 1000).toFixed(2)} s = ${perSecond(total, verifyMs)} entries/s, ${mbPerSecond(verifyMs)} MB/s of payload`,
);
console.log(
  `per entry: hash ${hashUs.toFixed(2)} µs, secret guard ${guardUs.toFixed(2)} µs, head read ${((median(headReadTimes) * 1000) / total).toFixed(2)} µs (what a cached head would save)`,
);

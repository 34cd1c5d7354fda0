/**
 * Bulk change view benchmark: a sandbox workspace with one 100k-row bulk change (every status,
 * an audit trail with batch calls) and 3,000 small ones, timing what the view, history and
 * schedule ask core for. Prints figures; it is not a test.
 * Run: node --import tsx test/bench/bulkView.ts [--runs 7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog, type AuditEntryInput } from '../../main/core/audit/auditLog';
import { bulkDetail } from '../../main/core/bulkView/detail';
import { deviceHistory } from '../../main/core/bulkView/deviceHistory';
import { failedRowsFile } from '../../main/core/bulkView/failedRows';
import { bulkHistory } from '../../main/core/bulkView/history';
import { resolveReview } from '../../main/core/bulkView/resolveReview';
import { bulkRows } from '../../main/core/bulkView/rows';
import { scheduleList } from '../../main/core/bulkView/schedule';
import { cancelScheduled } from '../../main/core/bulkView/scheduleCancel';
import { openStore, type Db } from '../../main/core/store/open';
import { databaseFile } from '../../main/core/workspace/paths';
import { seedSandbox } from '../../main/core/workspace/seedSandbox';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const BIG = 100_000;
const STATUSES = ['PENDING', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILED', 'NEEDS_REVIEW'];

interface Device {
  id: number;
  iccid: string;
  imei: string | null;
  account: number;
}

/** 3,000 finished 50-row changes (a quarter local, some scheduled), then one of 100k rows. */
function fill(db: Db, devices: Device[]): number {
  const bulk = db.prepare(
    'INSERT INTO bulk_changes (change_type, status, title, request_json, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const row = db.prepare(
    `INSERT INTO device_changes (bulk_change_id, device_id, iccid, imei, request_json, changes_json, status, lane_account_id, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, '[{"field":"status","from":"active","to":"suspended"}]', ?, ?, ?)`,
  );
  return db.transaction(() => {
    for (let b = 0; b < 3000; b++) {
      const local = b % 4 === 0;
      const scheduled = local && b % 8 === 0;
      const created = new Date(Date.now() - (3000 - b) * 3_600_000).toISOString();
      const id = Number(
        bulk.run(
          local ? 'customerRatePlanChange' : 'statusUpdate',
          scheduled ? 'QUEUED' : 'PROCESSED',
          `small ${b}`,
          '{"action":"suspend"}',
          b % 3 === 0 ? 'alice' : 'bob',
          created,
        ).lastInsertRowid,
      );
      for (let i = 0; i < 50; i++) {
        const d = devices[(b * 50 + i) % devices.length]!;
        const due = scheduled ? Date.now() + 86_400_000 * (1 + (i % 30)) : 0;
        const request = scheduled ? `{"effectiveAt":${due}}` : '{}';
        const status = scheduled ? 'PENDING' : 'SUCCEEDED';
        row.run(id, d.id, d.iccid, d.imei, request, status, local ? null : d.account, due);
      }
    }
    const big = Number(
      bulk.run(
        'statusUpdate',
        'PROCESSING',
        'big',
        '{"action":"suspend"}',
        'carol',
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    devices
      .slice(0, BIG)
      .forEach((d, i) => row.run(big, d.id, d.iccid, d.imei, '{}', STATUSES[i % 6], d.account, 0));
    return big;
  })();
}

/** Per device a call and an outcome; the last 20k went out in batches of 200, logged once per batch. */
function auditTrail(db: Db, bulkId: number, devices: Device[]): number {
  const first = db
    .prepare('SELECT min(id) FROM device_changes WHERE bulk_change_id = ?')
    .pluck()
    .get(bulkId) as number;
  const body = 'x'.repeat(900);
  const entries: AuditEntryInput[] = [];
  const entry = (deviceChangeId: number | null, request: string | null, status: string) =>
    entries.push({
      bulkChangeId: bulkId,
      deviceChangeId,
      requestText: request,
      responseText: body,
      hasErrors: false,
      responseStatus: status,
      processedBy: 'engine',
    });
  for (let i = 0; i < 80_000; i++) {
    entry(
      first + i,
      `PUT https://carrier.example/devices/${devices[i]!.iccid}\n{}\n${body}`,
      'HTTP 200 in 5 ms',
    );
    entry(first + i, null, 'SUCCEEDED');
  }
  for (let start = 80_000; start < BIG; start += 200) {
    const ids = Array.from({ length: 200 }, (_, k) => first + start + k);
    entry(
      null,
      `POST https://carrier.example/activations\n{}\n${body}`,
      `HTTP 200 in 5 ms for device changes ${ids.join(', ')}`,
    );
    for (const id of ids) entry(id, null, 'SUCCEEDED');
  }
  const audit = new AuditLog(db);
  for (let i = 0; i < entries.length; i += 20_000) audit.appendMany(entries.slice(i, i + 20_000));
  return first;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: { what: string; ms: string; note: string }[] = [];
function time(what: string, fn: () => unknown, repeat = runs): void {
  const took: number[] = [];
  let out: unknown;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    out = fn();
    took.push(performance.now() - start);
  }
  const ms = median(took);
  const note =
    out && typeof out === 'object' && 'total' in out
      ? `total ${String(out.total)}`
      : out && typeof out === 'object' && 'base64' in out
        ? `${((String(out.base64).length * 0.75) / 1e6).toFixed(1)} MB`
        : Array.isArray(out)
          ? `${out.length} entries`
          : '';
  rows.push({ what, ms: ms.toFixed(ms < 10 ? 2 : 0), note });
}

const dir = mkdtempSync(join(tmpdir(), 'carrier-ops-bench-bulkview-'));
try {
  const db = openStore(databaseFile(dir));
  await seedSandbox(db, { devices: BIG });
  const devices = db
    .prepare('SELECT id, iccid, imei, carrier_account_id AS account FROM devices ORDER BY id')
    .all() as Device[];
  const big = fill(db, devices);
  const first = auditTrail(db, big, devices);
  const probe = devices[50_000]!.iccid;
  time('rows: first page of 100k', () =>
    bulkRows(db, { bulkChangeId: big, offset: 0, limit: 100 }),
  );
  time('rows: last page of 100k', () =>
    bulkRows(db, { bulkChangeId: big, offset: BIG - 100, limit: 100 }),
  );
  time('rows: FAILED', () =>
    bulkRows(db, { bulkChangeId: big, statuses: ['FAILED'], offset: 0, limit: 100 }),
  );
  time('rows: FAILED + NEEDS_REVIEW, page 50', () =>
    bulkRows(db, {
      bulkChangeId: big,
      statuses: ['FAILED', 'NEEDS_REVIEW'],
      offset: 5000,
      limit: 100,
    }),
  );
  time('rows: search 12-digit prefix', () =>
    bulkRows(db, { bulkChangeId: big, search: probe.slice(0, 12), offset: 0, limit: 100 }),
  );
  time('rows: search "89" (every row matches)', () =>
    bulkRows(db, { bulkChangeId: big, search: '89', offset: 0, limit: 100 }),
  );
  time('rows: search a whole ICCID', () =>
    bulkRows(db, { bulkChangeId: big, search: probe, offset: 0, limit: 100 }),
  );
  time('detail of 100k rows', () => bulkDetail(db, big));
  time('history: first page of 3,001', () => bulkHistory(db, { offset: 0, limit: 100 }));
  time('history: one carrier', () =>
    bulkHistory(db, { carriers: ['jasper'], offset: 0, limit: 100 }),
  );
  time('device history: own calls', () => deviceHistory(db, first + 10));
  time('device history: sent in a batch', () => deviceHistory(db, first + BIG - 50));
  time('schedule: first page', () => scheduleList(db, { offset: 0, limit: 200 }));
  time('failed rows as xlsx', () => failedRowsFile(db, big, 'xlsx'), 1);
  time('failed rows as csv', () => failedRowsFile(db, big, 'csv'), 1);
  const audit = new AuditLog(db);
  time(
    'resolve every review row as failed',
    () =>
      resolveReview(db, audit, 'bench', {
        bulkChangeId: big,
        outcome: 'FAILED',
        reason: 'checked in the portal',
      }),
    1,
  );
  const waiting = scheduleList(db, { offset: 0, limit: 1 }).total;
  const ids = db
    .prepare("SELECT id FROM device_changes WHERE status = 'PENDING' AND next_attempt_at > ?")
    .pluck()
    .all(Date.now()) as number[];
  time(`cancel ${waiting} scheduled rows`, () => cancelScheduled(db, audit, 'bench', ids), 1);
  db.close();
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

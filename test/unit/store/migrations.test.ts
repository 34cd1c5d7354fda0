import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../main/core/errors';
import { latestVersion, migrate } from '../../../main/core/store/migrate';
import { migrations } from '../../../main/core/store/migrations';
import { openStore } from '../../../main/core/store/open';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const freshDb = () => new Database(join(tempDir(), 'workspace.sqlite'));
const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
const addAccount = (db: Database.Database, carrier: string, name: string) =>
  db
    .prepare(
      "INSERT INTO carrier_accounts (carrier, name, mode, base_url, rate_limit_per_second, max_concurrency) VALUES (?, ?, 'live', 'https://example.test', 5, 1)",
    )
    .run(carrier, name);

describe('opening a workspace', () => {
  it('creates a fresh database at the latest schema with WAL and foreign keys on', () => {
    const db = openStore(join(tempDir(), 'nested', 'workspace.sqlite'));
    expect(version(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'carrier_accounts',
        'tenants',
        'customers',
        'sites',
        'devices',
        'carrier_rate_plans',
        'customer_rate_plans',
        'customer_pools',
        'revenue_services',
        'bulk_changes',
        'device_changes',
        'bulk_change_log',
        'customer_rate_plan_schedule',
      ]),
    );
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = join(tempDir(), 'workspace.sqlite');
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestVersion() + 7}`);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.close();

    expect(() => openStore(file)).toThrow(CoreError);
    expect(() => openStore(file)).toThrow(/newer version of Carrier Ops Console.*Update the app/);
    const after = new Database(file);
    expect(version(after)).toBe(latestVersion() + 7);
    expect(tables(after)).toEqual(['from_the_future']);
    after.close();
  });

  it('rolls a failing migration back whole, keeping the version it had', () => {
    const db = freshDb();
    migrate(db, migrations.slice(0, 1));
    const broken = [
      ...migrations.slice(0, 1),
      { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT no_such_function();' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(version(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('is a no-op on a database that is already current', () => {
    const db = freshDb();
    migrate(db);
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion() });
    db.close();
  });
});

describe('each migration step', () => {
  const stepUpTo = (target: number) => {
    const db = freshDb();
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, target);
    return db;
  };

  it('1 → accounts, tenants and customers: a revenue customer needs its RevCustomerId', () => {
    const db = stepUpTo(1);
    expect(version(db)).toBe(1);
    const tenant = db.prepare("INSERT INTO tenants (name) VALUES ('T')").run().lastInsertRowid;
    expect(() =>
      db
        .prepare("INSERT INTO customers (tenant_id, name, kind) VALUES (?, 'Acme', 'revenue')")
        .run(tenant),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO customers (tenant_id, name, kind, rev_customer_id) VALUES (?, 'Acme', 'revenue', 'REV-1')",
    ).run(tenant);
    expect(() => addAccount(db, 'sprint', 'x')).toThrow(/CHECK/);
    db.close();
  });

  it('2 → rate plans, keeping the accounts step 1 stored', () => {
    const db = stepUpTo(1);
    addAccount(db, 'jasper', 'CC');
    migrate(db, migrations, 2);
    expect(version(db)).toBe(2);
    db.prepare(
      "INSERT INTO carrier_rate_plans (carrier_account_id, code, name) VALUES (1, 'IOT', 'IoT')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO carrier_rate_plans (carrier_account_id, code, name) VALUES (1, 'IOT', 'again')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect((db.prepare('SELECT name FROM carrier_accounts').get() as { name: string }).name).toBe(
      'CC',
    );
    db.close();
  });

  it('3 → devices: one row per ICCID, tied to a real account', () => {
    const db = stepUpTo(2);
    addAccount(db, 'pond', 'P');
    migrate(db, migrations, 3);
    const insert = db.prepare(
      "INSERT INTO devices (carrier_account_id, iccid, status, carrier_status) VALUES (?, '89440000000010000018', 'active', 'ACTIVE')",
    );
    insert.run(1);
    expect(() => insert.run(1)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO devices (carrier_account_id, iccid, status, carrier_status) VALUES (99, '8944', 'active', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('4 → bulk changes: leases are all-or-nothing and the log is append-only', () => {
    const db = stepUpTo(3);
    migrate(db, migrations, 4);
    const bulk = db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'DRAFT', 't', '{}', 'desk')",
      )
      .run().lastInsertRowid;
    expect(() =>
      db
        .prepare(
          "INSERT INTO device_changes (bulk_change_id, request_json, status, lease_token) VALUES (?, '{}', 'IN_FLIGHT', 'tok')",
        )
        .run(bulk),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO bulk_change_log (bulk_change_id, has_errors, response_status, processed_by, processed_at, prev_hash, hash) VALUES (?, 0, 'OK', 'engine', 'now', '', 'h1')",
    ).run(bulk);
    expect(() => db.prepare("UPDATE bulk_change_log SET response_status = 'edited'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM bulk_change_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('5 → engine lanes: device changes keep their lane and polls, and old rows survive', () => {
    const db = stepUpTo(4);
    const bulk = db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'QUEUED', 't', '{}', 'desk')",
      )
      .run().lastInsertRowid;
    db.prepare(
      "INSERT INTO device_changes (bulk_change_id, request_json, status) VALUES (?, '{}', 'PENDING')",
    ).run(bulk);
    migrate(db, migrations, 5);
    expect(
      db.prepare('SELECT lane_account_id, polls, result_json FROM device_changes').get(),
    ).toEqual({ lane_account_id: null, polls: 0, result_json: null });
    expect(() => db.prepare("UPDATE device_changes SET result_json = 'not json'").run()).toThrow(
      /CHECK/,
    );
    expect(db.prepare('SELECT cancel_requested FROM bulk_changes').pluck().get()).toBe(0);
    db.close();
  });

  it('6 → device filters: an existing inventory gets the grid’s filter and sort indexes', () => {
    const db = stepUpTo(5);
    addAccount(db, 'pond', 'P');
    db.prepare(
      "INSERT INTO devices (carrier_account_id, iccid, status, carrier_status) VALUES (1, '89440000000010000018', 'active', 'ACTIVE')",
    ).run();
    migrate(db, migrations, 6);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'devices'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'devices_account',
        'devices_site',
        'devices_carrier_plan',
        'devices_customer_plan',
        'devices_updated',
      ]),
    );
    expect(
      db.prepare('SELECT count(*) FROM devices INDEXED BY devices_updated').pluck().get(),
    ).toBe(1);
    db.close();
  });

  it('7 → imports: remembered layouts are one per fingerprint and drafts hold valid JSON', () => {
    const db = stepUpTo(6);
    migrate(db, migrations, 7);
    const remember = db.prepare(
      "INSERT INTO import_layouts (fingerprint, mapping_json) VALUES ('f', '[]')",
    );
    remember.run();
    expect(() => remember.run()).toThrow(/UNIQUE/);
    const draft = (rows: string) =>
      db
        .prepare(
          `INSERT INTO drafts (title, change_type, setup_json, source_name, fields_json, rows_json, row_count, created_by)
           VALUES ('t', 'statusUpdate', '{}', 'f.csv', '["iccid"]', ?, 1, 'desk')`,
        )
        .run(rows);
    draft('[[2, "8944"]]');
    expect(() => draft('not json')).toThrow(/CHECK/);
    expect(db.prepare('SELECT status FROM drafts').pluck().get()).toBe('open');
    db.close();
  });

  it('8 → bulk view: old bulk changes keep their rows, with no source file or planned changes', () => {
    const db = stepUpTo(7);
    const bulk = db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'PROCESSED', 't', '{}', 'desk')",
      )
      .run().lastInsertRowid;
    db.prepare(
      "INSERT INTO device_changes (bulk_change_id, request_json, status) VALUES (?, '{}', 'NEEDS_REVIEW')",
    ).run(bulk);
    migrate(db, migrations, 8);
    expect(db.prepare('SELECT source_name FROM bulk_changes').pluck().get()).toBeNull();
    expect(
      db
        .prepare(
          'SELECT changes_json, resolved_by, resolved_at, resolution_reason FROM device_changes',
        )
        .get(),
    ).toEqual({
      changes_json: null,
      resolved_by: null,
      resolved_at: null,
      resolution_reason: null,
    });
    expect(() => db.prepare("UPDATE device_changes SET changes_json = 'nope'").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('9 → bulk view indexes: an existing bulk change is paged, counted and searched from its indexes', () => {
    const db = stepUpTo(8);
    addAccount(db, 'jasper', 'CC');
    const bulk = db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'PROCESSED', 't', '{}', 'desk')",
      )
      .run().lastInsertRowid;
    db.prepare(
      "INSERT INTO device_changes (bulk_change_id, iccid, imei, request_json, status, lane_account_id) VALUES (?, '89440000000010000018', '356938035643809', '{}', 'SUCCEEDED', 1)",
    ).run(bulk);
    migrate(db, migrations, 9);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    const page = plan(
      'SELECT id FROM device_changes WHERE bulk_change_id = 1 ORDER BY id LIMIT 100 OFFSET 500',
    );
    expect(page).toMatch(/COVERING INDEX device_changes_bulk_order/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(
      plan(
        'SELECT lane_account_id, status, count(*) FROM device_changes WHERE bulk_change_id = 1 GROUP BY lane_account_id, status',
      ),
    ).toMatch(/COVERING INDEX device_changes_bulk_lane/);
    expect(
      plan(
        "SELECT id FROM device_changes WHERE bulk_change_id = 1 AND ((iccid >= '8944' AND iccid < '8944:') OR (imei >= '8944' AND imei < '8944:'))",
      ),
    ).toMatch(/device_changes_bulk_iccid.*device_changes_bulk_imei/);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM device_changes INDEXED BY device_changes_bulk_iccid WHERE bulk_change_id = 1 AND iccid >= '8944'",
        )
        .pluck()
        .get(),
    ).toBe(1);
    db.close();
  });

  it('10 → report sources: old bulk changes have no file hash, and a device change is found by its ICCID or IMEI', () => {
    const db = stepUpTo(9);
    const bulk = db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by, source_name) VALUES ('statusUpdate', 'PROCESSED', 't', '{}', 'desk', 'a.xlsx')",
      )
      .run().lastInsertRowid;
    db.prepare(
      "INSERT INTO device_changes (bulk_change_id, iccid, imei, request_json, status) VALUES (?, '89440000000010000018', '356938035643809', '{}', 'SUCCEEDED')",
    ).run(bulk);
    migrate(db, migrations, 10);
    expect(db.prepare('SELECT source_name, source_sha256 FROM bulk_changes').get()).toEqual({
      source_name: 'a.xlsx',
      source_sha256: null,
    });
    expect(() => db.prepare("UPDATE bulk_changes SET source_sha256 = 'not a hash'").run()).toThrow(
      /CHECK/,
    );
    db.prepare('UPDATE bulk_changes SET source_sha256 = ?').run('ab'.repeat(32));
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM device_changes WHERE iccid = '8944' OR imei = '8944'",
        )
        .all() as { detail: string }[]
    )
      .map((row) => row.detail)
      .join(' | ');
    expect(plan).toMatch(/device_changes_iccid.*device_changes_imei/);
    db.close();
  });

  it('11 → reconciliations: one run of a bulk change asking at a time, finished runs have a finish time, rows list differences first from an index', () => {
    const db = new Database(join(tempDir(), 'workspace.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 10);
    const bulk = db
      .prepare(
        "INSERT INTO bulk_changes (change_type, status, title, request_json, created_by) VALUES ('statusUpdate', 'PROCESSED', 't', '{}', 'desk')",
      )
      .run().lastInsertRowid;
    const change = db
      .prepare(
        "INSERT INTO device_changes (bulk_change_id, iccid, request_json, status) VALUES (?, '89440000000010000018', '{}', 'SUCCEEDED')",
      )
      .run(bulk).lastInsertRowid;
    migrate(db, migrations, 11);

    const start = db.prepare(
      "INSERT INTO reconciliations (bulk_change_id, state, started_by, started_at, heartbeat_at) VALUES (?, 'running', 'desk', '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z')",
    );
    const run = start.run(bulk).lastInsertRowid;
    expect(() => start.run(bulk)).toThrow(/UNIQUE/);
    const finish = db.prepare('UPDATE reconciliations SET state = ?, finished_at = ? WHERE id = ?');
    expect(() => finish.run('complete', null, run)).toThrow(/CHECK/);
    expect(() => finish.run('running', '2026-11-22T10:01:00.000Z', run)).toThrow(/CHECK/);
    expect(() => finish.run('maybe', '2026-11-22T10:01:00.000Z', run)).toThrow(/CHECK/);
    finish.run('cancelled', '2026-11-22T10:01:00.000Z', run);
    expect(start.run(bulk).lastInsertRowid).toBe(Number(run) + 1);

    const row = db.prepare(
      "INSERT INTO reconciliation_rows (reconciliation_id, device_change_id, outcome, ours_iccid, verdict) VALUES (?, ?, 'SUCCEEDED', '8944', ?)",
    );
    row.run(run, change, 'differs');
    expect(() => row.run(run, change, 'match')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE reconciliation_rows SET verdict = 'maybe'").run()).toThrow(
      /CHECK/,
    );
    expect(db.prepare('SELECT verdict_order FROM reconciliation_rows').pluck().get()).toBe(0);

    const plan = (
      db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT id FROM reconciliation_rows WHERE reconciliation_id = 1 ORDER BY verdict_order, ours_iccid, id LIMIT 100',
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/reconciliation_rows_report/);
    expect(plan).not.toMatch(/TEMP B-TREE/);

    db.prepare('DELETE FROM reconciliations').run();
    expect(db.prepare('SELECT count(*) FROM reconciliation_rows').pluck().get()).toBe(0);
    db.close();
  });

  it('has a step test above for every migration in the list', () => {
    expect(migrations.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

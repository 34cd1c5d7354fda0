import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  validateEid,
  validateIccid,
  validateImei,
  validateMsisdn,
} from '../../../shared/identifiers';
import { openStore } from '../../../main/core/store/open';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const newStore = () => openStore(join(tempDir(), 'workspace.sqlite'));
const count = (db: ReturnType<typeof newStore>, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the sandbox workspace', () => {
  it('has one sandbox account per carrier, customers with sites, plans, and the devices asked for', async () => {
    const db = newStore();
    await seedSandbox(db, { devices: 2000 });
    expect(
      db
        .prepare("SELECT carrier FROM carrier_accounts WHERE mode = 'sandbox' ORDER BY carrier")
        .pluck()
        .all(),
    ).toEqual(['jasper', 'pond', 'telegence', 'thingspace']);
    expect(count(db, 'devices')).toBe(2000);
    expect(count(db, 'customers')).toBeGreaterThanOrEqual(4);
    expect(
      db.prepare("SELECT count(*) FROM customers WHERE kind = 'revenue'").pluck().get(),
    ).toBeGreaterThan(0);
    expect(count(db, 'sites')).toBeGreaterThanOrEqual(count(db, 'customers'));
    expect(
      db.prepare('SELECT count(DISTINCT carrier_account_id) FROM carrier_rate_plans').pluck().get(),
    ).toBe(4);
    expect(count(db, 'customer_rate_plans')).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(DISTINCT status) FROM devices').pluck().get()).toBe(4);
    db.close();
  });

  it('gives every demo device identifiers that pass validation', async () => {
    const db = newStore();
    await seedSandbox(db, { devices: 3000 });
    const rows = db.prepare('SELECT iccid, imei, msisdn, eid FROM devices').all() as {
      iccid: string;
      imei: string;
      msisdn: string | null;
      eid: string | null;
    }[];
    for (const row of rows) {
      expect(validateIccid(row.iccid)).toMatchObject({ ok: true, value: row.iccid });
      expect(validateImei(row.imei)).toMatchObject({ ok: true, value: row.imei });
      if (row.msisdn)
        expect(validateMsisdn(row.msisdn)).toMatchObject({ ok: true, value: row.msisdn });
      if (row.eid) expect(validateEid(row.eid)).toMatchObject({ ok: true, value: row.eid });
    }
    expect(rows.some((r) => r.eid !== null)).toBe(true);
    db.close();
  });

  it('creates the same workspace on every machine', async () => {
    const a = newStore();
    const b = newStore();
    await seedSandbox(a, { devices: 500 });
    await seedSandbox(b, { devices: 500 });
    const all = 'SELECT iccid, status, customer_id, carrier_rate_plan_id FROM devices ORDER BY id';
    expect(a.prepare(all).all()).toEqual(b.prepare(all).all());
    a.close();
    b.close();
  });

  it('reports progress and, when cancelled, leaves the workspace as it was', async () => {
    const db = newStore();
    const abort = new AbortController();
    const seen: number[] = [];
    const seeding = seedSandbox(db, {
      devices: 50_000,
      chunkSize: 1000,
      signal: abort.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done >= 3000) abort.abort();
      },
    });
    await expect(seeding).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen.slice(0, 3)).toEqual([0, 1000, 2000]);
    expect(count(db, 'devices')).toBe(0);
    expect(count(db, 'carrier_accounts')).toBe(0);
    await seedSandbox(db, { devices: 10 });
    expect(count(db, 'devices')).toBe(10);
    db.close();
  });

  it('refuses to seed twice and says what to do instead', async () => {
    const db = newStore();
    await seedSandbox(db, { devices: 5 });
    await expect(seedSandbox(db, { devices: 5 })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/new workspace folder/),
    });
    expect(count(db, 'devices')).toBe(5);
    db.close();
  });

  it('refuses more than a million demo devices', async () => {
    const db = newStore();
    await expect(seedSandbox(db, { devices: 1_000_001 })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    db.close();
  });
});

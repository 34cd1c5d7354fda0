import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { openStore, type Db } from '../../../main/core/store/open';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { useTempDir } from '../../support/tempDir';

/** Every device's filterable columns, for checking a query against plain JavaScript. */
export interface Inventory {
  id: number;
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  eid: string | null;
  carrier: string;
  status: string;
  customer_id: number | null;
  site_id: number | null;
  carrier_rate_plan_id: number | null;
  customer_rate_plan_id: number | null;
  updated_at: string;
}

/**
 * One sandbox workspace in a temp folder for the whole file, opened before the first test
 * and closed after the last; `db()` reaches it from tests.
 */
export function useSeededWorkspace(devices: number): {
  db: () => Db;
  inventory: () => Inventory[];
} {
  const tempDir = useTempDir('file');
  let db: Db | undefined;
  beforeAll(async () => {
    db = openStore(join(tempDir(), 'workspace.sqlite'));
    await seedSandbox(db, { devices });
    return () => db?.close();
  });
  const open = () => {
    if (!db) throw new Error('the workspace opens in beforeAll');
    return db;
  };
  return {
    db: open,
    inventory: () =>
      open()
        .prepare(
          `SELECT d.id, d.iccid, d.imei, d.msisdn, d.eid, a.carrier, d.status, d.customer_id, d.site_id,
             d.carrier_rate_plan_id, d.customer_rate_plan_id, d.updated_at
           FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id ORDER BY d.id`,
        )
        .all() as Inventory[],
  };
}

/** The plan SQLite picks for a statement, one step per line. */
export function queryPlan(db: Db, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((step) => step.detail)
    .join('\n');
}

import type { Progress } from '../../../shared/contract/workspace';
import { carrierStatusWords } from '../carriers/statuses';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { demoEid, demoIccid, demoImei, demoMsisdn, statusMix } from './demoDevices';
import { readMeta, writeMeta } from './meta';
import { pick, seededRandom, weighted } from './random';
import {
  sandboxAccounts,
  sandboxCustomerRatePlans,
  sandboxCustomers,
  sandboxPools,
  sandboxTenants,
} from './sandboxCatalog';

export const MAX_DEMO_DEVICES = 1_000_000;
export const DEFAULT_DEMO_DEVICES = 2_000;

export interface SeedOptions {
  devices?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Devices per chunk; progress is reported and cancellation checked between chunks. */
  chunkSize?: number;
}

interface Catalog {
  tenantId: number;
  accounts: {
    id: number;
    carrier: (typeof sandboxAccounts)[number]['carrier'];
    share: number;
    prefix: string;
    plans: number[];
    commPlans: string[];
  }[];
  customers: { id: number; revenue: boolean; sites: number[] }[];
  customerPlans: { id: number; dataMb: number | null }[];
  pools: number[];
}

/**
 * Fills an empty workspace with the sandbox: tenants, customers and sites, one sandbox account
 * per carrier with its rate plans, customer rate plans, and `devices` demo devices. All or
 * nothing: cancelled or failed seeding leaves the workspace as it was.
 */
export async function seedSandbox(db: Db, options: SeedOptions = {}): Promise<{ devices: number }> {
  const total = options.devices ?? DEFAULT_DEMO_DEVICES;
  if (!Number.isInteger(total) || total < 0 || total > MAX_DEMO_DEVICES) {
    throw new CoreError(
      'invalid_request',
      `The sandbox can hold 0 to ${MAX_DEMO_DEVICES.toLocaleString('en-US')} demo devices; ${total} was asked for.`,
    );
  }
  if (readMeta(db, 'seeded_at')) {
    throw new CoreError(
      'conflict',
      'This workspace already has its sandbox data; start a new workspace folder to seed again.',
    );
  }
  const chunkSize = options.chunkSize ?? 10_000;
  const random = seededRandom(options.seed ?? 20261122);
  const report = (done: number) =>
    options.onProgress?.({ task: 'seed', label: 'Creating demo devices', done, total });

  db.exec('BEGIN IMMEDIATE');
  try {
    const catalog = insertCatalog(db);
    const insert = prepareDeviceInsert(db);
    report(0);
    for (let start = 0; start < total; start += chunkSize) {
      const end = Math.min(total, start + chunkSize);
      for (let index = start; index < end; index += 1) insert(demoDevice(catalog, random, index));
      report(end);
      // Let the event loop breathe so progress is sent and a cancel can arrive.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted)
        throw new CoreError(
          'cancelled',
          'Seeding was cancelled; the workspace was left as it was.',
        );
    }
    writeMeta(db, 'name', 'Sandbox workspace');
    writeMeta(db, 'sandbox', 'true');
    writeMeta(db, 'seeded_at', new Date().toISOString());
    db.exec('COMMIT');
    return { devices: total };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function insertCatalog(db: Db): Catalog {
  const tenantId = Number(
    db.prepare('INSERT INTO tenants (name) VALUES (?)').run(sandboxTenants[0]).lastInsertRowid,
  );
  const insertCustomer = db.prepare(
    'INSERT INTO customers (tenant_id, name, kind, rev_customer_id) VALUES (?, ?, ?, ?)',
  );
  const insertSite = db.prepare('INSERT INTO sites (customer_id, name) VALUES (?, ?)');
  const customers = sandboxCustomers.map((customer) => {
    const id = Number(
      insertCustomer.run(
        tenantId,
        customer.name,
        customer.revCustomerId ? 'revenue' : 'non_revenue',
        customer.revCustomerId,
      ).lastInsertRowid,
    );
    const sites = customer.sites.map((site) => Number(insertSite.run(id, site).lastInsertRowid));
    return { id, revenue: customer.revCustomerId !== null, sites };
  });

  const insertAccount = db.prepare(
    `INSERT INTO carrier_accounts (carrier, name, mode, base_url, rate_limit_per_second, max_concurrency, max_batch_size)
     VALUES (?, ?, 'sandbox', ?, ?, ?, ?)`,
  );
  const insertPlan = db.prepare(
    'INSERT INTO carrier_rate_plans (carrier_account_id, code, name, plan_uuid, jasper_rate_plan_id, data_mb) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const accounts = sandboxAccounts.map((account, accountIndex) => {
    const id = Number(
      insertAccount.run(
        account.carrier,
        account.name,
        `sandbox://${account.carrier}`,
        account.rateLimitPerSecond,
        account.maxConcurrency,
        account.maxBatchSize,
      ).lastInsertRowid,
    );
    const plans = account.ratePlans.map((plan, planIndex) => {
      const uuid =
        account.carrier === 'thingspace'
          ? `00000000-0000-4000-8000-${String(accountIndex * 100 + planIndex).padStart(12, '0')}`
          : null;
      const jasperId = account.carrier === 'jasper' ? 10_000 + planIndex : null;
      return Number(
        insertPlan.run(id, plan.code, plan.name, uuid, jasperId, plan.dataMb).lastInsertRowid,
      );
    });
    return {
      id,
      carrier: account.carrier,
      share: account.share,
      prefix: account.iccidPrefix,
      plans,
      commPlans: account.communicationPlans,
    };
  });

  const insertCustomerPlan = db.prepare(
    'INSERT INTO customer_rate_plans (tenant_id, code, name, monthly_fee_cents, data_allocation_mb) VALUES (?, ?, ?, ?, ?)',
  );
  const customerPlans = sandboxCustomerRatePlans.map((plan) => ({
    id: Number(
      insertCustomerPlan.run(
        tenantId,
        plan.code,
        plan.name,
        plan.monthlyFeeCents,
        plan.dataAllocationMb,
      ).lastInsertRowid,
    ),
    dataMb: plan.dataAllocationMb,
  }));
  const insertPool = db.prepare(
    'INSERT INTO customer_pools (tenant_id, name, total_data_mb) VALUES (?, ?, ?)',
  );
  const pools = sandboxPools.map((pool) =>
    Number(insertPool.run(tenantId, pool.name, pool.totalDataMb).lastInsertRowid),
  );
  return { tenantId, accounts, customers, customerPlans, pools };
}

type DemoDevice = Record<string, string | number | null>;

function demoDevice(catalog: Catalog, random: () => number, index: number): DemoDevice {
  const account = weighted(
    random,
    catalog.accounts.map((a) => [a, a.share] as const),
  );
  const status = weighted(random, statusMix);
  const inService = status === 'active' || status === 'suspended';
  const customer = status === 'inventory' ? null : pick(random, catalog.customers);
  const customerPlan = customer ? pick(random, catalog.customerPlans) : null;
  return {
    account: account.id,
    iccid: demoIccid(account.prefix, index),
    imei: demoImei(index),
    msisdn: status === 'inventory' ? null : demoMsisdn(index),
    eid: random() < 0.2 ? demoEid(index) : null,
    status,
    carrierStatus: carrierStatusWords[account.carrier][status],
    plan: pick(random, account.plans),
    commPlan: account.commPlans.length > 0 ? pick(random, account.commPlans) : null,
    customer: customer?.id ?? null,
    site: customer ? pick(random, customer.sites) : null,
    customerPlan: customerPlan?.id ?? null,
    pool: customerPlan && customerPlan.dataMb === null ? pick(random, catalog.pools) : null,
    allocation: customerPlan?.dataMb ?? null,
    activatedAt: inService
      ? new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 600) * 86_400_000).toISOString()
      : null,
  };
}

function prepareDeviceInsert(db: Db): (device: DemoDevice) => void {
  const statement = db.prepare(
    `INSERT INTO devices (carrier_account_id, iccid, imei, msisdn, eid, status, carrier_status, carrier_rate_plan_id,
       communication_plan, customer_id, site_id, customer_rate_plan_id, customer_pool_id, data_allocation_mb, activated_at)
     VALUES (@account, @iccid, @imei, @msisdn, @eid, @status, @carrierStatus, @plan,
       @commPlan, @customer, @site, @customerPlan, @pool, @allocation, @activatedAt)`,
  );
  return (device) => {
    statement.run(device);
  };
}

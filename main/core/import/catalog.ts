import type { CatalogOptions } from '../../../shared/contract/imports';
import type { Db } from '../store/open';

interface Named {
  id: number;
  name: string;
}
interface Customer extends Named {
  tenantId: number;
}
interface Site extends Named {
  customerId: number;
}
interface CustomerPlan extends Named {
  tenantId: number;
  code: string;
}
interface CarrierPlan {
  accountId: number;
  code: string;
  name: string;
}

/** Names compare the way a desk worker reads them: case, spacing and punctuation aside. */
export const sameName = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** What a cell named, or why it names nothing we know. */
export type Lookup<T> = { ok: true; value: T } | { ok: false; message: string };

const listed = (names: string[]) =>
  names.length === 0
    ? 'there are none'
    : names.length <= 6
      ? names.join(', ')
      : `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`;

/** The catalogs a check resolves names against, loaded once per check. */
export class Catalog {
  readonly tenants: Map<number, string>;
  private readonly customers: Customer[];
  private readonly sites: Site[];
  private readonly customerPlans: CustomerPlan[];
  private readonly carrierPlans: CarrierPlan[];
  private readonly accounts: Map<number, string>;

  constructor(db: Db) {
    this.tenants = new Map(
      (db.prepare('SELECT id, name FROM tenants').all() as Named[]).map((t) => [t.id, t.name]),
    );
    this.customers = db
      .prepare('SELECT id, tenant_id AS tenantId, name FROM customers ORDER BY name')
      .all() as Customer[];
    this.sites = db
      .prepare('SELECT id, customer_id AS customerId, name FROM sites ORDER BY name')
      .all() as Site[];
    this.customerPlans = db
      .prepare(
        'SELECT id, tenant_id AS tenantId, code, name FROM customer_rate_plans WHERE active = 1 ORDER BY code',
      )
      .all() as CustomerPlan[];
    this.carrierPlans = db
      .prepare(
        'SELECT carrier_account_id AS accountId, code, name FROM carrier_rate_plans WHERE active = 1 ORDER BY code',
      )
      .all() as CarrierPlan[];
    this.accounts = new Map(
      (db.prepare('SELECT id, name FROM carrier_accounts').all() as Named[]).map((a) => [
        a.id,
        a.name,
      ]),
    );
  }

  accountName(id: number): string | null {
    return this.accounts.get(id) ?? null;
  }

  /** A customer by name, within the tenant when one is known. */
  customer(text: string, tenantId: number | null): Lookup<Customer> {
    const key = sameName(text);
    const candidates = this.customers.filter((c) => tenantId === null || c.tenantId === tenantId);
    const found = candidates.filter((c) => sameName(c.name) === key);
    if (found.length === 1) return { ok: true, value: found[0]! };
    const scope = tenantId === null ? '' : ` of tenant ${this.tenants.get(tenantId) ?? tenantId}`;
    if (found.length > 1)
      return {
        ok: false,
        message: `More than one customer is called "${text}"; choose whose file this is (the tenant) so the right one is used.`,
      };
    return {
      ok: false,
      message: `There is no customer "${text}"${scope}. Customers${scope}: ${listed(candidates.map((c) => c.name))}. Fix the name, or add the customer first.`,
    };
  }

  /** A site of a customer, by name. */
  site(text: string, customer: Customer): Lookup<Site> {
    const own = this.sites.filter((s) => s.customerId === customer.id);
    const found = own.find((s) => sameName(s.name) === sameName(text));
    return found
      ? { ok: true, value: found }
      : {
          ok: false,
          message: `${customer.name} has no site "${text}". Its sites: ${listed(own.map((s) => s.name))}.`,
        };
  }

  /** A customer rate plan by code or name, among a tenant's plans. */
  customerPlan(text: string, tenantId: number | null): Lookup<CustomerPlan> {
    const own = this.customerPlans.filter((p) => tenantId === null || p.tenantId === tenantId);
    const key = sameName(text);
    const found = own.filter((p) => sameName(p.code) === key || sameName(p.name) === key);
    if (found.length === 1) return { ok: true, value: found[0]! };
    const scope = tenantId === null ? '' : ` of tenant ${this.tenants.get(tenantId) ?? tenantId}`;
    return found.length > 1
      ? {
          ok: false,
          message: `"${text}" names ${found.length} customer rate plans; use the plan code.`,
        }
      : {
          ok: false,
          message: `"${text}" is not a customer rate plan${scope}. Plans: ${listed(own.map((p) => p.code))}.`,
        };
  }

  /** A carrier rate plan code, by code or name, from the device's own account catalog. */
  carrierPlan(text: string, accountId: number): Lookup<string> {
    const own = this.carrierPlans.filter((p) => p.accountId === accountId);
    const key = sameName(text);
    const found =
      own.find((p) => sameName(p.code) === key) ?? own.find((p) => sameName(p.name) === key);
    return found
      ? { ok: true, value: found.code }
      : {
          ok: false,
          message: `"${text}" is not in the rate plan catalog of ${this.accounts.get(accountId) ?? 'this account'}. Its plans: ${listed(own.map((p) => p.code))}.`,
        };
  }
}

/** The pickers of the change forms; carrier plans of the given accounts only, when given. */
export function catalogOptions(db: Db, accountIds: number[] | undefined): CatalogOptions {
  const inAccounts =
    accountIds && accountIds.length > 0
      ? `AND p.carrier_account_id IN (${accountIds.map(() => '?').join(',')})`
      : '';
  return {
    tenants: db.prepare('SELECT id, name FROM tenants ORDER BY name').all() as Named[],
    customers: db
      .prepare('SELECT id, tenant_id AS tenantId, name FROM customers ORDER BY name')
      .all() as CatalogOptions['customers'],
    sites: db
      .prepare('SELECT id, customer_id AS customerId, name FROM sites ORDER BY name')
      .all() as CatalogOptions['sites'],
    carrierRatePlans: db
      .prepare(
        `SELECT p.carrier_account_id AS accountId, a.name AS accountName, a.carrier, p.code, p.name
         FROM carrier_rate_plans p JOIN carrier_accounts a ON a.id = p.carrier_account_id
         WHERE p.active = 1 ${inAccounts} ORDER BY a.name, p.code`,
      )
      .all(...(accountIds ?? [])) as CatalogOptions['carrierRatePlans'],
    customerRatePlans: db
      .prepare(
        'SELECT id, tenant_id AS tenantId, code, name FROM customer_rate_plans WHERE active = 1 ORDER BY code',
      )
      .all() as CatalogOptions['customerRatePlans'],
    customerPools: db
      .prepare('SELECT id, tenant_id AS tenantId, name FROM customer_pools ORDER BY name')
      .all() as CatalogOptions['customerPools'],
  };
}

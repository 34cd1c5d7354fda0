import { CoreError } from '../errors';
import type { Db } from '../store/open';
import { cached } from '../store/statements';

/** A customer (billing) rate plan with the tenant that sells it. */
export interface CustomerPlanRow {
  id: number;
  tenantId: number;
  tenantName: string;
  code: string;
  active: number;
}

/** A customer data pool with its tenant. Pools have no active flag in the store. */
export interface CustomerPoolRow {
  id: number;
  tenantId: number;
  tenantName: string;
  name: string;
}

export function findCustomerPlan(db: Db, id: number): CustomerPlanRow | undefined {
  return cached(
    db,
    `SELECT p.id, p.tenant_id AS tenantId, t.name AS tenantName, p.code, p.active
       FROM customer_rate_plans p JOIN tenants t ON t.id = p.tenant_id WHERE p.id = ?`,
  ).get(id) as CustomerPlanRow | undefined;
}

export function findCustomerPool(db: Db, id: number): CustomerPoolRow | undefined {
  return cached(
    db,
    `SELECT p.id, p.tenant_id AS tenantId, t.name AS tenantName, p.name
       FROM customer_pools p JOIN tenants t ON t.id = p.tenant_id WHERE p.id = ?`,
  ).get(id) as CustomerPoolRow | undefined;
}

/** The plan, or a CoreError that refuses the whole change when it is missing or retired. */
export function requireCustomerPlan(db: Db, id: number): CustomerPlanRow {
  const plan = findCustomerPlan(db, id);
  if (!plan)
    throw new CoreError(
      'not_found',
      `There is no customer rate plan ${id}; pick one from the customer rate plan list.`,
    );
  if (plan.active !== 1)
    throw new CoreError(
      'invalid_request',
      `Customer rate plan ${plan.code} is no longer active; pick an active plan.`,
    );
  return plan;
}

/** The pool, or a CoreError that refuses the whole change when it is missing. */
export function requireCustomerPool(db: Db, id: number): CustomerPoolRow {
  const pool = findCustomerPool(db, id);
  if (!pool)
    throw new CoreError(
      'not_found',
      `There is no customer pool ${id}; pick one from the customer pool list.`,
    );
  return pool;
}

/** Codes and names for the dry-run preview: plan code, pool name. */
export const planCode = (db: Db, id: number | null): string | null =>
  id === null ? null : (findCustomerPlan(db, id)?.code ?? String(id));

export const poolName = (db: Db, id: number | null): string | null =>
  id === null ? null : (findCustomerPool(db, id)?.name ?? String(id));

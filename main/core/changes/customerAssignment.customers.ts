import type { Db } from '../store/open';
import { cached } from '../store/statements';

/** A customer with its tenant; revenue customers carry their RevCustomerId. */
export interface CustomerRow {
  id: number;
  name: string;
  kind: 'non_revenue' | 'revenue';
  revCustomerId: string | null;
  tenantId: number;
  tenantName: string;
}

export interface SiteRow {
  id: number;
  name: string;
  customerId: number;
  customerName: string;
}

export function findCustomer(db: Db, id: number): CustomerRow | undefined {
  return cached(
    db,
    `SELECT c.id, c.name, c.kind, c.rev_customer_id AS revCustomerId, c.tenant_id AS tenantId, t.name AS tenantName
       FROM customers c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = ?`,
  ).get(id) as CustomerRow | undefined;
}

export function findSite(db: Db, id: number): SiteRow | undefined {
  return cached(
    db,
    `SELECT s.id, s.name, s.customer_id AS customerId, c.name AS customerName
       FROM sites s JOIN customers c ON c.id = s.customer_id WHERE s.id = ?`,
  ).get(id) as SiteRow | undefined;
}

/** Names for the dry-run preview. */
export const customerName = (db: Db, id: number | null): string | null =>
  id === null ? null : (findCustomer(db, id)?.name ?? String(id));

export const siteName = (db: Db, id: number | null): string | null =>
  id === null ? null : (findSite(db, id)?.name ?? String(id));

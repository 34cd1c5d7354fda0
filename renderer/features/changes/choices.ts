import type { CatalogOptions } from '../../../shared/contract/imports';
import type { Choice } from './ChoiceSelect';

interface OfTenant {
  id: number;
  tenantId: number;
}

/** Items of the chosen tenant, or of every tenant grouped under its name. */
function byTenant<T extends OfTenant>(
  catalog: CatalogOptions,
  items: readonly T[],
  tenantId: number | null,
  label: (item: T) => string,
): Choice[] {
  const tenantName = new Map(catalog.tenants.map((tenant) => [tenant.id, tenant.name]));
  return items
    .filter((item) => tenantId === null || item.tenantId === tenantId)
    .map((item) => ({
      value: String(item.id),
      label: label(item),
      group:
        tenantId === null
          ? (tenantName.get(item.tenantId) ?? `Tenant ${item.tenantId}`)
          : undefined,
    }));
}

export const tenantChoices = (catalog: CatalogOptions): Choice[] =>
  catalog.tenants.map((tenant) => ({ value: String(tenant.id), label: tenant.name }));

/** Carrier plans by account; the value is the plan code, which is what the change sends. */
export const carrierPlanChoices = (catalog: CatalogOptions): Choice[] =>
  catalog.carrierRatePlans.map((plan) => ({
    value: plan.code,
    label: plan.name === plan.code ? plan.code : `${plan.code} — ${plan.name}`,
    group: plan.accountName,
  }));

export const customerChoices = (catalog: CatalogOptions, tenantId: number | null): Choice[] =>
  byTenant(catalog, catalog.customers, tenantId, (customer) => customer.name);

export const customerPlanChoices = (catalog: CatalogOptions, tenantId: number | null): Choice[] =>
  byTenant(catalog, catalog.customerRatePlans, tenantId, (plan) =>
    plan.name === plan.code ? plan.code : `${plan.code} — ${plan.name}`,
  );

export const poolChoices = (catalog: CatalogOptions, tenantId: number | null): Choice[] =>
  byTenant(catalog, catalog.customerPools, tenantId, (pool) => pool.name);

/** The sites of one customer (given as the picker's text id). */
export const siteChoices = (catalog: CatalogOptions, customerId: string): Choice[] =>
  catalog.sites
    .filter((site) => String(site.customerId) === customerId)
    .map((site) => ({ value: String(site.id), label: site.name }));

import type { CatalogOptions } from '../../../shared/contract/imports';
import { NO_POOL, type FormValues } from './values';

interface OfTenant {
  id: number;
  tenantId: number;
}

/**
 * The forms' values once the desk narrows the file to one tenant: a customer, plan or pool of
 * another tenant is let go, because core would refuse every row for it.
 */
export function fitToTenant(
  values: FormValues,
  tenantId: number | null,
  catalog: CatalogOptions,
): FormValues {
  if (tenantId === null) return values;
  const keep = (list: readonly OfTenant[], chosen: string): string =>
    chosen === '' ||
    chosen === NO_POOL ||
    list.some((item) => String(item.id) === chosen && item.tenantId === tenantId)
      ? chosen
      : '';
  const plan = values.customerRatePlanChange;
  const assign = values.customerAssignment;
  const customerId = keep(catalog.customers, assign.customerId);
  return {
    ...values,
    customerRatePlanChange: {
      ...plan,
      customerRatePlanId: keep(catalog.customerRatePlans, plan.customerRatePlanId),
      customerPoolId: keep(catalog.customerPools, plan.customerPoolId),
    },
    customerAssignment: {
      customerId,
      siteId: customerId === assign.customerId ? assign.siteId : '',
      customerRatePlanId: keep(catalog.customerRatePlans, assign.customerRatePlanId),
      customerPoolId: keep(catalog.customerPools, assign.customerPoolId),
    },
  };
}

import { changeTypeLabels, type ChangeType } from '../../../shared/domain/changes';
import { customerName, siteName } from '../changes/customerAssignment.customers';
import { planCode, poolName } from '../changes/customerRatePlanChange.catalog';
import type { Db } from '../store/open';

/** Rows with equal parameters go into one bulk change; keys sort so field order can't split them. */
export const groupKey = (params: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(params)
      .filter((key) => key !== 'swaps')
      .sort()
      .map((key) => [key, params[key]]),
  );

const id = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** "Status update: suspend", "Customer assignment: Acme Logistics, site Depot 4". */
export function groupLabel(
  changeType: ChangeType,
  params: Record<string, unknown>,
  db: Db,
): string {
  const parts: string[] = [];
  if (typeof params.action === 'string') parts.push(params.action);
  if (typeof params.ratePlan === 'string') parts.push(`plan ${params.ratePlan}`);
  if (params.customerId !== undefined) parts.push(customerName(db, id(params.customerId)) ?? '?');
  if (params.siteId !== undefined) parts.push(`site ${siteName(db, id(params.siteId)) ?? 'none'}`);
  if (params.customerRatePlanId !== undefined)
    parts.push(`customer plan ${planCode(db, id(params.customerRatePlanId)) ?? 'none'}`);
  if (params.customerPoolId !== undefined)
    parts.push(`pool ${poolName(db, id(params.customerPoolId)) ?? 'none'}`);
  if (params.dataAllocationMb !== undefined)
    parts.push(
      params.dataAllocationMb === null ? 'no allocation' : `${String(params.dataAllocationMb)} MB`,
    );
  if (typeof params.effectiveDate === 'string') parts.push(`from ${params.effectiveDate}`);
  return parts.length > 0
    ? `${changeTypeLabels[changeType]}: ${parts.join(', ')}`
    : changeTypeLabels[changeType];
}

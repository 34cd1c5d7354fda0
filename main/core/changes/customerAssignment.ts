import { z } from 'zod';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import type { ChangeHandler, DeviceRecord, FieldChange } from './handler';
import {
  customerName,
  findCustomer,
  findSite,
  siteName,
  type CustomerRow,
} from './customerAssignment.customers';
import {
  activeServices,
  defaultServiceCode,
  settleRevenueServices,
} from './customerAssignment.revenue';
import {
  planCode,
  poolName,
  requireCustomerPlan,
  requireCustomerPool,
} from './customerRatePlanChange.catalog';
import { cached } from '../store/statements';

export const CustomerAssignmentParams = z.object({
  customerId: z.number().int().positive(),
  /** Omitted: a device staying with its customer keeps its site; one that moves gets none. */
  siteId: z.number().int().positive().nullable().optional(),
  customerRatePlanId: z.number().int().positive().nullable().optional(),
  customerPoolId: z.number().int().positive().nullable().optional(),
  /** Not supported here yet: checkParams refuses it (see there). */
  carrierRatePlan: z.string().nullable().optional(),
  /** Revenue customers only: the code of the service created for each device. */
  serviceCode: z.string().trim().min(1).max(64).optional(),
});
export type CustomerAssignmentParams = z.infer<typeof CustomerAssignmentParams>;

/** Where each device ends up, resolved at planning so the apply writes what the preview showed. */
const Request = z.object({
  customerId: z.number().int(),
  siteId: z.number().int().nullable(),
  customerRatePlanId: z.number().int().nullable(),
  customerPoolId: z.number().int().nullable(),
  /** Set when the device leaves its tenant: its old allocation came with the old tenant's plan. */
  clearDataAllocation: z.boolean(),
  /** Set when a revenue service is to be created. */
  serviceCode: z.string().nullable(),
});
type Request = z.infer<typeof Request>;

function requireCustomer(db: Db, id: number): CustomerRow {
  const customer = findCustomer(db, id);
  if (!customer)
    throw new CoreError(
      'not_found',
      `There is no customer ${id}; pick one from the customer list.`,
    );
  return customer;
}

/** Resolves the device's new customer, site, plan and revenue service from the params. */
function target(
  db: Db,
  params: CustomerAssignmentParams,
  device: DeviceRecord,
  customer: CustomerRow,
): Request {
  const sameCustomer = device.customerId === customer.id;
  // Plans and pools are per tenant: one left behind in another tenant would not bill.
  const leavesTenant = device.tenantId !== null && device.tenantId !== customer.tenantId;
  const keep = <T>(given: T | undefined, current: T | null): T | null =>
    given !== undefined ? given : leavesTenant ? null : current;
  const hasService = activeServices(db, device.id).some((s) => s.customerId === customer.id);
  const createService = customer.kind === 'revenue' && !(sameCustomer && hasService);
  return {
    customerId: customer.id,
    siteId: params.siteId !== undefined ? params.siteId : sameCustomer ? device.siteId : null,
    customerRatePlanId: keep(params.customerRatePlanId, device.customerRatePlanId),
    customerPoolId: keep(params.customerPoolId, device.customerPoolId),
    clearDataAllocation: leavesTenant && device.dataAllocationMb !== null,
    serviceCode: createService
      ? (params.serviceCode ?? defaultServiceCode(customer.revCustomerId!))
      : null,
  };
}

function fieldChanges(db: Db, device: DeviceRecord, to: Request): FieldChange[] {
  const changes: FieldChange[] = [];
  const moves = [
    ['customer', device.customerId, to.customerId, customerName],
    ['site', device.siteId, to.siteId, siteName],
    ['customerRatePlan', device.customerRatePlanId, to.customerRatePlanId, planCode],
    ['customerPool', device.customerPoolId, to.customerPoolId, poolName],
  ] as const;
  for (const [field, from, next, label] of moves)
    if (from !== next) changes.push({ field, from: label(db, from), to: label(db, next) });
  if (to.clearDataAllocation)
    changes.push({ field: 'dataAllocationMb', from: String(device.dataAllocationMb), to: null });
  // Services billed to anyone else end; a new service also replaces the device's earlier ones.
  const active = activeServices(db, device.id);
  const ending =
    to.serviceCode !== null ? active : active.filter((s) => s.customerId !== to.customerId);
  if (to.serviceCode !== null || ending.length > 0)
    changes.push({
      field: 'revenueService',
      from: ending.length > 0 ? ending.map((s) => s.serviceCode).join(', ') : null,
      to: to.serviceCode,
    });
  return changes;
}

/**
 * Assigns devices to a customer and site. A revenue customer also gets a revenue service per
 * device. Only our store changes.
 */
export const customerAssignment: ChangeHandler<CustomerAssignmentParams> = {
  type: 'customerAssignment',
  params: CustomerAssignmentParams,
  target: 'local',

  checkParams(db, params) {
    // One bulk change runs in one lane: carrier changes in their account's lane with sending,
    // retries and reconciliation; local ones straight into the store. A carrier plan change
    // folded in here would need both and leave "assigned but not re-planned" half-states.
    if (params.carrierRatePlan)
      throw new CoreError(
        'invalid_request',
        `A customer assignment doesn't change carrier rate plans. Assign the devices first, then run a carrier rate plan change to ${params.carrierRatePlan} for them.`,
      );
    const customer = requireCustomer(db, params.customerId);
    if (params.siteId != null) {
      const site = findSite(db, params.siteId);
      if (!site)
        throw new CoreError(
          'not_found',
          `There is no site ${params.siteId}; pick one of ${customer.name}'s sites.`,
        );
      if (site.customerId !== customer.id)
        throw new CoreError(
          'invalid_request',
          `Site ${site.name} belongs to ${site.customerName}, not ${customer.name}; pick one of ${customer.name}'s sites.`,
        );
    }
    const inTenant = (what: string, tenantId: number, tenantName: string) => {
      if (tenantId !== customer.tenantId)
        throw new CoreError(
          'invalid_request',
          `${what} is one of ${tenantName}'s, but ${customer.name} is a customer of ${customer.tenantName}; pick one of ${customer.tenantName}'s.`,
        );
    };
    if (params.customerRatePlanId != null) {
      const plan = requireCustomerPlan(db, params.customerRatePlanId);
      inTenant(`Customer rate plan ${plan.code}`, plan.tenantId, plan.tenantName);
    }
    if (params.customerPoolId != null) {
      const pool = requireCustomerPool(db, params.customerPoolId);
      inTenant(`Pool ${pool.name}`, pool.tenantId, pool.tenantName);
    }
    if (params.serviceCode !== undefined && customer.kind !== 'revenue')
      throw new CoreError(
        'invalid_request',
        `${customer.name} is not a revenue customer, so no revenue service is created and a service code doesn't apply; leave it empty.`,
      );
  },

  plan(db, params, device) {
    if (device.status === 'deactivated')
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is deactivated; activate it before assigning it to a customer.`,
      };
    const customer = findCustomer(db, params.customerId);
    if (!customer) return { ok: false, reason: `There is no customer ${params.customerId}.` };
    const to = target(db, params, device, customer);
    const changes = fieldChanges(db, device, to);
    if (changes.length === 0) {
      const site = siteName(db, device.siteId);
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is already assigned to ${customer.name}${site ? ` at ${site}` : ' with no site'}; nothing to change.`,
      };
    }
    return { ok: true, request: to, changes };
  },

  applyLocal(db, _params, item) {
    const to = Request.parse(item.request);
    cached(
      db,
      `UPDATE devices SET customer_id = @customerId, site_id = @siteId, customer_rate_plan_id = @customerRatePlanId,
         customer_pool_id = @customerPoolId,
         data_allocation_mb = CASE WHEN @clear = 1 THEN NULL ELSE data_allocation_mb END, updated_at = @now
       WHERE id = @id`,
    ).run({
      id: item.device.id,
      customerId: to.customerId,
      siteId: to.siteId,
      customerRatePlanId: to.customerRatePlanId,
      customerPoolId: to.customerPoolId,
      clear: to.clearDataAllocation ? 1 : 0,
      now: new Date().toISOString(),
    });
    settleRevenueServices(db, item.device.id, to.customerId, to.serviceCode);
  },
};

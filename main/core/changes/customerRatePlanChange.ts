import { z } from 'zod';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import type { ChangeHandler, DeviceRecord, FieldChange } from './handler';
import {
  findCustomerPlan,
  findCustomerPool,
  planCode,
  poolName,
  requireCustomerPlan,
  requireCustomerPool,
} from './customerRatePlanChange.catalog';
import {
  EffectiveDate,
  effectiveAtOf,
  markScheduleApplied,
} from './customerRatePlanChange.schedule';
import { cached } from '../store/statements';

export { recordSchedule, closeSchedule } from './customerRatePlanChange.schedule';

export const CustomerRatePlanChangeParams = z
  .object({
    customerRatePlanId: z.number().int().positive().optional(),
    /** `null` takes the devices out of their pool. */
    customerPoolId: z.number().int().positive().nullable().optional(),
    /** `null` clears the per-device allocation (the plan's or the pool's applies). */
    dataAllocationMb: z.number().int().min(0).nullable().optional(),
    /** Now, or a day/moment in the future: the engine holds the devices until then. */
    effectiveDate: EffectiveDate.optional(),
  })
  .refine(
    (p) =>
      p.customerRatePlanId !== undefined ||
      p.customerPoolId !== undefined ||
      p.dataAllocationMb !== undefined,
    'Choose a customer rate plan, a pool or a data allocation to change.',
  );
export type CustomerRatePlanChangeParams = z.infer<typeof CustomerRatePlanChangeParams>;

/** One device's change as queued; `effectiveAt` (ms) is set only for a future effective date. */
const Request = z.object({
  customerRatePlanId: z.number().int().optional(),
  customerPoolId: z.number().int().nullable().optional(),
  dataAllocationMb: z.number().int().nullable().optional(),
  effectiveAt: z.number().optional(),
});
type Request = z.infer<typeof Request>;

interface Owner {
  customer: string;
  tenantId: number;
  tenant: string;
}

function ownerOf(db: Db, deviceId: number): Owner | undefined {
  return cached(
    db,
    `SELECT c.name AS customer, c.tenant_id AS tenantId, t.name AS tenant
       FROM devices d JOIN customers c ON c.id = d.customer_id JOIN tenants t ON t.id = c.tenant_id
       WHERE d.id = ?`,
  ).get(deviceId) as Owner | undefined;
}

/** Why a plan or pool can't go on this device's customer, if it can't. */
function tenantReason(db: Db, params: CustomerRatePlanChangeParams, device: DeviceRecord) {
  const owner = ownerOf(db, device.id);
  if (!owner)
    return `ICCID ${device.iccid} has no customer, so it has no customer rate plan to change; assign it to a customer first.`;
  const whose = `ICCID ${device.iccid} belongs to ${owner.customer} (tenant ${owner.tenant})`;
  if (params.customerRatePlanId !== undefined) {
    const plan = findCustomerPlan(db, params.customerRatePlanId);
    if (!plan) return `There is no customer rate plan ${params.customerRatePlanId}.`;
    if (plan.tenantId !== owner.tenantId)
      return `${whose}, but customer rate plan ${plan.code} is one of ${plan.tenantName}'s; pick a plan of ${owner.tenant}.`;
  }
  if (params.customerPoolId != null) {
    const pool = findCustomerPool(db, params.customerPoolId);
    if (!pool) return `There is no customer pool ${params.customerPoolId}.`;
    if (pool.tenantId !== owner.tenantId)
      return `${whose}, but pool ${pool.name} is one of ${pool.tenantName}'s; pick a pool of ${owner.tenant}.`;
  }
  return undefined;
}

function fieldChanges(
  db: Db,
  params: CustomerRatePlanChangeParams,
  device: DeviceRecord,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const { customerRatePlanId: plan, customerPoolId: pool, dataAllocationMb: mb } = params;
  if (plan !== undefined && plan !== device.customerRatePlanId)
    changes.push({
      field: 'customerRatePlan',
      from: planCode(db, device.customerRatePlanId),
      to: planCode(db, plan),
    });
  if (pool !== undefined && pool !== device.customerPoolId)
    changes.push({
      field: 'customerPool',
      from: poolName(db, device.customerPoolId),
      to: poolName(db, pool),
    });
  if (mb !== undefined && mb !== device.dataAllocationMb)
    changes.push({
      field: 'dataAllocationMb',
      from: device.dataAllocationMb === null ? null : String(device.dataAllocationMb),
      to: mb === null ? null : String(mb),
    });
  return changes;
}

/** What the device has now, in the words of a refusal. */
function currentTerms(db: Db, device: DeviceRecord): string {
  const plan = planCode(db, device.customerRatePlanId);
  const pool = poolName(db, device.customerPoolId);
  return [
    plan ? `customer rate plan ${plan}` : 'no customer rate plan',
    pool ? `pool ${pool}` : 'no pool',
    device.dataAllocationMb === null ? 'no data allocation' : `${device.dataAllocationMb} MB`,
  ].join(', ');
}

/** Changes the customer (billing) rate plan, pool and data allocation; only our store changes. */
export const customerRatePlanChange: ChangeHandler<CustomerRatePlanChangeParams> = {
  type: 'customerRatePlanChange',
  params: CustomerRatePlanChangeParams,
  target: 'local',

  checkParams(db, params) {
    const plan =
      params.customerRatePlanId === undefined
        ? undefined
        : requireCustomerPlan(db, params.customerRatePlanId);
    const pool =
      params.customerPoolId == null ? undefined : requireCustomerPool(db, params.customerPoolId);
    if (plan && pool && plan.tenantId !== pool.tenantId)
      throw new CoreError(
        'invalid_request',
        `Customer rate plan ${plan.code} is ${plan.tenantName}'s but pool ${pool.name} is ${pool.tenantName}'s; pick a plan and a pool of the same tenant.`,
      );
  },

  plan(db, params, device) {
    const refused = tenantReason(db, params, device);
    if (refused) return { ok: false, reason: refused };
    const changes = fieldChanges(db, params, device);
    if (changes.length === 0)
      return {
        ok: false,
        reason: `ICCID ${device.iccid} already has ${currentTerms(db, device)}; nothing to change.`,
      };
    const request: Request = {
      customerRatePlanId: params.customerRatePlanId,
      customerPoolId: params.customerPoolId,
      dataAllocationMb: params.dataAllocationMb,
    };
    const effectiveAt =
      params.effectiveDate === undefined ? undefined : effectiveAtOf(params.effectiveDate);
    // A past or present date applies at once, as the seeds do; only a future one is held.
    if (effectiveAt !== undefined && effectiveAt > Date.now()) request.effectiveAt = effectiveAt;
    return { ok: true, request, changes };
  },

  applyLocal(db, _params, item) {
    const request = Request.parse(item.request);
    const { customerRatePlanId: plan, customerPoolId: pool, dataAllocationMb: mb } = request;
    // A scheduled change may run weeks later; the device may have changed hands since.
    if (plan !== undefined || pool != null) {
      const refused = tenantReason(
        db,
        { customerRatePlanId: plan, customerPoolId: pool },
        item.device,
      );
      if (refused) throw new CoreError('conflict', refused);
    }
    const sets = [
      ...(plan !== undefined ? ['customer_rate_plan_id = @plan'] : []),
      ...(pool !== undefined ? ['customer_pool_id = @pool'] : []),
      ...(mb !== undefined ? ['data_allocation_mb = @mb'] : []),
      'updated_at = @now',
    ];
    cached(db, `UPDATE devices SET ${sets.join(', ')} WHERE id = @id`).run({
      id: item.device.id,
      plan: plan ?? null,
      pool: pool ?? null,
      mb: mb ?? null,
      now: new Date().toISOString(),
    });
    if (request.effectiveAt !== undefined)
      markScheduleApplied(db, item.deviceChangeId, item.device.id, request, request.effectiveAt);
  },
};

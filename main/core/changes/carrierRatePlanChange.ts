import { z } from 'zod';
import { carrierLabels } from '../../../shared/domain/carriers';
import { deviceStatusLabels } from '../../../shared/domain/devices';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import type { ChangeHandler, DeviceRecord } from './handler';
import { cached } from '../store/statements';

export const CarrierRatePlanChangeParams = z.object({
  /** The carrier's plan code; plans are per carrier account, so it is checked per device. */
  ratePlan: z.string().trim().min(1, 'Choose the carrier rate plan to move the devices to.'),
});
export type CarrierRatePlanChangeParams = z.infer<typeof CarrierRatePlanChangeParams>;

/** What each queued device asks its carrier for. */
const Request = z.object({ ratePlan: z.string().min(1) });

interface PlanRow {
  id: number;
  active: number;
}

function findPlan(db: Db, accountId: number, code: string): PlanRow | undefined {
  return cached(
    db,
    'SELECT id, active FROM carrier_rate_plans WHERE carrier_account_id = ? AND code = ?',
  ).get(accountId, code) as PlanRow | undefined;
}

function accountName(db: Db, accountId: number): string {
  const row = cached(db, 'SELECT name FROM carrier_accounts WHERE id = ?').get(accountId) as
    { name: string } | undefined;
  return row?.name ?? `carrier account ${accountId}`;
}

/** A rule the carrier enforces that we can see from our own record; the reason, if broken. */
function carrierRuleReason(device: DeviceRecord): string | undefined {
  if (device.carrier !== 'thingspace' || device.status === 'active') return undefined;
  const label = carrierLabels.thingspace;
  // ThingSpace refuses plan changes on anything but an active line (carrier-apis.md §1.10).
  if (device.status === 'suspended')
    return `ICCID ${device.iccid} is suspended, and ${label} doesn't change the plan of a suspended line; restore it first, or change the plan after it is restored.`;
  return `ICCID ${device.iccid} is ${deviceStatusLabels[device.status].toLowerCase()}, and ${label} changes plans only on active lines; choose the plan when you activate it instead.`;
}

/** Moves devices to another rate plan of their own carrier account. */
export const carrierRatePlanChange: ChangeHandler<CarrierRatePlanChangeParams> = {
  type: 'carrierRatePlanChange',
  params: CarrierRatePlanChangeParams,
  target: 'carrier',
  operation: () => 'ratePlan',

  plan(db, params, device) {
    const { ratePlan } = params;
    if (device.status === 'deactivated')
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is deactivated; a deactivated line has no rate plan to change. Activate it on ${ratePlan} instead.`,
      };
    if (device.status === 'pending')
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is still pending activation; change its rate plan once the carrier has finished activating it.`,
      };
    const plan = findPlan(db, device.accountId, ratePlan);
    if (!plan)
      return {
        ok: false,
        reason: `Rate plan ${ratePlan} is not in the plan list of ${accountName(db, device.accountId)}, the account ICCID ${device.iccid} is on; check the code against that account's rate plans.`,
      };
    if (plan.active !== 1)
      return {
        ok: false,
        reason: `Rate plan ${ratePlan} is no longer active on ${accountName(db, device.accountId)}; pick an active plan from that account's rate plans for ICCID ${device.iccid}.`,
      };
    if (device.carrierRatePlan === ratePlan)
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is already on rate plan ${ratePlan}; nothing to change.`,
      };
    const broken = carrierRuleReason(device);
    if (broken) return { ok: false, reason: broken };
    return {
      ok: true,
      request: { ratePlan },
      changes: [{ field: 'carrierRatePlan', from: device.carrierRatePlan, to: ratePlan }],
    };
  },

  send(adapter, params, items) {
    return adapter.changeRatePlan(
      items.map(({ device }) => ({
        iccid: device.iccid,
        imei: device.imei,
        msisdn: device.msisdn,
      })),
      params.ratePlan,
    );
  },

  isApplied(state, params) {
    return state.ratePlan === params.ratePlan;
  },

  applyLocal(db, _params, item) {
    const { ratePlan } = Request.parse(item.request);
    const plan = findPlan(db, item.device.accountId, ratePlan);
    // The carrier has already moved the line; refusing here parks the row instead of guessing.
    if (!plan)
      throw new CoreError(
        'conflict',
        `The carrier moved ICCID ${item.device.iccid} to rate plan ${ratePlan}, but that plan is no longer in ${accountName(db, item.device.accountId)}'s plan list; refresh that account's rate plans, then review this device.`,
      );
    cached(db, 'UPDATE devices SET carrier_rate_plan_id = ?, updated_at = ? WHERE id = ?').run(
      plan.id,
      new Date().toISOString(),
      item.device.id,
    );
  },
};

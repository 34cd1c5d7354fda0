import { z } from 'zod';
import { deviceStatusLabels, type DeviceStatus } from '../../../shared/domain/devices';
import { carrierStatusWords } from '../carriers/statuses';
import { StatusAction } from '../carriers/types';
import type { ChangeHandler } from './handler';
import { cached } from '../store/statements';

export const StatusUpdateParams = z.object({
  action: StatusAction,
  /** Activation: the carrier rate plan to activate on (code), and ThingSpace's MDN zip code. */
  ratePlan: z.string().min(1).optional(),
  zipCode: z
    .string()
    .regex(/^\d{5}$/, 'a 5-digit zip code')
    .optional(),
  /** Deactivation: waive the early termination fee where the carrier charges one. */
  etfWaiver: z.boolean().default(false),
});
export type StatusUpdateParams = z.infer<typeof StatusUpdateParams>;

/** Which statuses each action starts from, and where it leads. */
export const statusMoves: Record<StatusAction, { from: DeviceStatus[]; to: DeviceStatus }> = {
  activate: { from: ['inventory', 'deactivated'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  restore: { from: ['suspended'], to: 'active' },
  deactivate: { from: ['active', 'suspended'], to: 'deactivated' },
};

const describe = (statuses: DeviceStatus[]) =>
  statuses.map((s) => deviceStatusLabels[s].toLowerCase()).join(' or ');

/** Activate / suspend / restore / deactivate through the device's carrier. */
export const statusUpdate: ChangeHandler<StatusUpdateParams> = {
  type: 'statusUpdate',
  params: StatusUpdateParams,
  target: 'carrier',

  plan(_db, params, device) {
    const move = statusMoves[params.action];
    if (!move.from.includes(device.status)) {
      return {
        ok: false,
        reason: `ICCID ${device.iccid} is ${deviceStatusLabels[device.status].toLowerCase()}; only a device that is ${describe(move.from)} can be ${params.action === 'activate' ? 'activated' : `${params.action}ed`}.`,
      };
    }
    return {
      ok: true,
      request: { to: move.to },
      changes: [{ field: 'status', from: device.status, to: move.to }],
    };
  },

  operation: (params) => params.action,

  send(adapter, params, items) {
    return adapter.updateStatus(
      items.map(({ device }) => ({
        iccid: device.iccid,
        imei: device.imei,
        msisdn: device.msisdn,
      })),
      params.action,
      { ratePlan: params.ratePlan, zipCode: params.zipCode, etfWaiver: params.etfWaiver },
    );
  },

  isApplied(state, params) {
    if (state.status === 'pending') return undefined;
    return state.status === statusMoves[params.action].to;
  },

  applyLocal(db, params, item, state) {
    const to = statusMoves[params.action].to;
    cached(
      db,
      `UPDATE devices SET status = @to, carrier_status = @word, msisdn = coalesce(@msisdn, msisdn),
         activated_at = CASE WHEN @to = 'active' AND activated_at IS NULL THEN @now ELSE activated_at END, updated_at = @now
       WHERE id = @id`,
    ).run({
      id: item.device.id,
      to,
      word: state?.carrierStatus ?? carrierStatusWords[item.device.carrier][to],
      msisdn: state?.msisdn ?? null,
      now: new Date().toISOString(),
    });
  },
};

import type { ChangeHandler } from '../../changes/handler';
import { loadDevices } from '../../changes/devices';
import type { CarrierAdapter } from '../../carriers/types';
import type { Db } from '../../store/open';
import { compare } from './compare';
import { lookUp, lookupReason } from './lookup';
import type { OurRecord, RowResult } from './runs';

/** A device change waiting to be checked, with our record as the run found it at the start. */
export interface Pending {
  deviceChangeId: number;
  deviceId: number | null;
  outcome: string;
  request: string;
  ours: OurRecord;
}

/** What every device of one bulk change is compared against. */
export interface CheckContext {
  db: Db;
  handler: ChangeHandler;
  params: unknown;
  /** What the change does, in a few words: "the suspend". */
  what: string;
  signal: AbortSignal;
}

export const GONE =
  'The device is no longer in our inventory, so there was nothing to ask its carrier.';

/** A device that was not compared, and why. */
export const notChecked = (device: Pending, lookupError: string): RowResult => ({
  deviceChangeId: device.deviceChangeId,
  ours: device.ours,
  carrier: null,
  verdict: 'not_checked',
  differences: null,
  askedAt: null,
  lookupError,
});

/** One device: our record as it stands now, the carrier's answer, and the comparison. */
export async function checkDevice(
  ctx: CheckContext,
  adapter: CarrierAdapter,
  device: Pending,
): Promise<RowResult> {
  const record =
    device.deviceId === null
      ? undefined
      : loadDevices(ctx.db, [device.deviceId]).get(device.deviceId);
  if (!record) return notChecked(device, GONE);
  const ours: OurRecord = {
    iccid: record.iccid,
    imei: record.imei,
    msisdn: record.msisdn,
    status: record.status,
    ratePlan: record.carrierRatePlan,
  };
  const askedAt = new Date().toISOString();
  const { iccid, imei, msisdn } = record;
  const answer = await lookUp(adapter, { iccid, imei, msisdn }, ctx.signal);
  if (!answer.ok) return { ...notChecked({ ...device, ours }, lookupReason(answer)), askedAt };
  const item = {
    deviceChangeId: device.deviceChangeId,
    device: record,
    request: JSON.parse(device.request) as Record<string, unknown>,
  };
  const { handler, params, what } = ctx;
  return {
    deviceChangeId: device.deviceChangeId,
    ours,
    carrier: answer.state,
    ...compare(
      { carrier: record.carrier, ours, outcome: device.outcome, handler, params, item, what },
      answer.state,
    ),
    askedAt,
    lookupError: null,
  };
}

import type { Carrier } from '../../../../shared/domain/carriers';
import type { DeviceStatus } from '../../../../shared/domain/devices';
import type { ChangeHandler, WorkItem } from '../../changes/handler';
import { carrierStatusWords } from '../../carriers/statuses';
import type { CarrierDeviceState } from '../../carriers/types';
import type { OurRecord } from './runs';

/** A bulk change's device, as the comparison needs it. */
export interface Compared {
  carrier: Carrier;
  ours: OurRecord;
  /** The device change's status: SUCCEEDED, FAILED, NEEDS_REVIEW, CANCELLED… */
  outcome: string;
  handler: ChangeHandler;
  params: unknown;
  item: WorkItem;
  /** What the change does, in a few words: "suspend", "the move to plan IOT-1GB". */
  what: string;
}

const statusText = (state: CarrierDeviceState) => `${state.status} (${state.carrierStatus})`;

/**
 * Whether the carrier's status is ours. A carrier with one word for two of our statuses (Cisco's
 * ACTIVATION_READY is both inventory and pending) agrees when it shows that word.
 */
function sameStatus(carrier: Carrier, ours: string, state: CarrierDeviceState): boolean {
  if (ours === state.status) return true;
  const word = carrierStatusWords[carrier][ours as DeviceStatus] as string | undefined;
  return word !== undefined && word.toLowerCase() === state.carrierStatus.toLowerCase();
}

/** "ours X, carrier Y" lines for our record's fields; a field the carrier leaves out is not compared. */
function recordDifferences(device: Compared, state: CarrierDeviceState): string[] {
  const { ours, carrier } = device;
  const lines: string[] = [];
  const none = (value: string | null) => value ?? 'none';
  // A record with no status of ours has nothing to compare the carrier's against.
  if (ours.status !== null && !sameStatus(carrier, ours.status, state))
    lines.push(`Status: ours ${ours.status}, carrier ${statusText(state)}`);
  if (state.ratePlan !== null && state.ratePlan !== ours.ratePlan)
    lines.push(`Carrier rate plan: ours ${none(ours.ratePlan)}, carrier ${state.ratePlan}`);
  if (state.iccid !== ours.iccid) lines.push(`ICCID: ours ${ours.iccid}, carrier ${state.iccid}`);
  if (state.imei !== null && state.imei !== ours.imei)
    lines.push(`IMEI: ours ${none(ours.imei)}, carrier ${state.imei}`);
  if (state.msisdn !== null && state.msisdn !== ours.msisdn)
    lines.push(`MSISDN: ours ${none(ours.msisdn)}, carrier ${state.msisdn}`);
  return lines;
}

/** What the carrier shows, for a sentence about the change's outcome. */
const carrierShows = (state: CarrierDeviceState) =>
  `the carrier shows the device ${statusText(state)}${state.ratePlan === null ? '' : ` on plan ${state.ratePlan}`}`;

/** The change's recorded outcome against what the carrier shows; undefined when they agree. */
function outcomeDifference(device: Compared, state: CarrierDeviceState): string | undefined {
  const { handler, outcome, what } = device;
  // Local change types live only in our store: the carrier has nothing to confirm or deny.
  if (handler.target === 'local' || !handler.isApplied) return undefined;
  const applied = handler.isApplied(state, device.params as never, device.item);
  switch (outcome) {
    case 'SUCCEEDED':
      return applied === false
        ? `Outcome: we recorded ${what} as done; ${carrierShows(state)}`
        : undefined;
    case 'FAILED':
    case 'CANCELLED':
      return applied === true
        ? `Outcome: we recorded ${what} as ${outcome}, but ${carrierShows(state)}, as if it was applied`
        : undefined;
    case 'NEEDS_REVIEW':
      if (applied === true)
        return `Needs review: ${carrierShows(state)}: ${what} was applied; close the row as done`;
      if (applied === false)
        return `Needs review: ${carrierShows(state)}: ${what} was not applied; retry the row or close it as failed`;
      return `Needs review: ${carrierShows(state)}, which can't tell whether ${what} was applied; check at the carrier`;
    default:
      return undefined;
  }
}

/** The verdict for one device the carrier answered for, with its differences as desk text. */
export function compare(
  device: Compared,
  state: CarrierDeviceState,
): { verdict: 'match' | 'differs'; differences: string | null } {
  const outcome = outcomeDifference(device, state);
  const lines = [...recordDifferences(device, state), ...(outcome ? [outcome] : [])];
  return lines.length === 0
    ? { verdict: 'match', differences: null }
    : { verdict: 'differs', differences: lines.join('; ') };
}

/** What a change does, in the words the outcome lines use. */
export function whatChanged(changeType: string, params: Record<string, unknown>): string {
  switch (changeType) {
    case 'statusUpdate':
      return `the ${String(params.action)}`;
    case 'carrierRatePlanChange':
      return `the move to plan ${String(params.ratePlan)}`;
    case 'identifierChange':
      return 'the ICCID/IMEI swap';
    default:
      return 'the change';
  }
}

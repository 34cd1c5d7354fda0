import type { DeviceStatus } from '../../../../shared/domain/devices';
import { demoMsisdn } from '../../workspace/demoDevices';
import type { SimDevice } from '../common/setup';
import { MDN_RESERVED_MS, type WireState } from './rules';

/** One line as the simulated ThingSpace holds it. */
export interface SimLine {
  iccid: string;
  imei: string | null;
  /** E.164 digits; the 10-digit MDN is its tail. */
  msisdn: string | null;
  state: WireState;
  /** An activation was accepted and has not finished processing. */
  pendingActivation: boolean;
  servicePlan: string | null;
  createdAt: number;
  lastActivationDate: number | null;
  suspendedAt: number | null;
  /** Suspended time already served in `suspendYear`, for the 180-days-a-year cap. */
  suspendYear: string;
  suspendedMsInYear: number;
  /** Provisioning actions accepted on `quotaDay` and plan changes on `planMonth`. */
  quotaDay: string;
  actionsOnDay: number;
  planMonth: string;
  planChangesInMonth: number;
  /** Deactivated without an ETF waiver. */
  etfCharged: boolean;
}

export interface DeviceIdWire {
  id: string;
  kind: string;
}

const SEED_STATE: Record<DeviceStatus, WireState> = {
  inventory: 'preactive',
  active: 'active',
  suspended: 'suspend',
  deactivated: 'deactive',
  pending: 'preactive',
};

const mdnOf = (msisdn: string): string => msisdn.slice(-10);

/** The account's lines, found by any of their identifiers. */
export class Inventory {
  readonly lines: SimLine[];
  private readonly reservedMdns = new Map<string, number>();
  private nextMdn = 0;

  constructor(devices: readonly SimDevice[], start: number) {
    this.lines = devices.map((device, index) => ({
      iccid: device.iccid,
      imei: device.imei,
      msisdn: device.status === 'inventory' ? null : device.msisdn,
      state: SEED_STATE[device.status],
      pendingActivation: device.status === 'pending',
      servicePlan: device.ratePlan,
      // ThingSpace lists devices oldest first; seeds keep their order.
      createdAt: start - (devices.length - index) * 60_000,
      lastActivationDate: device.status === 'active' ? start - 86_400_000 : null,
      suspendedAt: device.status === 'suspended' ? start : null,
      suspendYear: '',
      suspendedMsInYear: 0,
      quotaDay: '',
      actionsOnDay: 0,
      planMonth: '',
      planChangesInMonth: 0,
      etfCharged: false,
    }));
  }

  /** The line one `{id, kind}` names; kinds are matched case-insensitively as the API does. */
  find(ref: DeviceIdWire): SimLine | undefined {
    const kind = ref.kind.toLowerCase();
    return this.lines.find((line) => {
      if (kind === 'iccid') return line.iccid === ref.id;
      if (kind === 'imei') return line.imei === ref.id;
      if (kind === 'msisdn') return line.msisdn === ref.id;
      if (kind === 'mdn') return line.msisdn !== null && mdnOf(line.msisdn) === ref.id;
      return false;
    });
  }

  /** Whether any line, in any state, already carries this identifier. */
  holds(kind: 'iccid' | 'imei', id: string): boolean {
    return this.find({ id, kind }) !== undefined;
  }

  /** Adds a line ThingSpace did not know (an activate of a foreign device adds it deactivated). */
  add(iccid: string, imei: string | null, now: number): SimLine {
    const line: SimLine = {
      iccid,
      imei,
      msisdn: null,
      state: 'deactive',
      pendingActivation: false,
      servicePlan: null,
      createdAt: now,
      lastActivationDate: null,
      suspendedAt: null,
      suspendYear: '',
      suspendedMsInYear: 0,
      quotaDay: '',
      actionsOnDay: 0,
      planMonth: '',
      planChangesInMonth: 0,
      etfCharged: false,
    };
    this.lines.push(line);
    return line;
  }

  /** Holds a released number for 50 days, as ThingSpace does after a deactivation. */
  reserve(msisdn: string, now: number): void {
    this.reservedMdns.set(msisdn, now + MDN_RESERVED_MS);
  }

  /** A number nobody holds and nobody has reserved: reactivation always gets a new MDN. */
  freshMsisdn(now: number): string {
    for (;;) {
      const candidate = demoMsisdn(500_000 + this.nextMdn);
      this.nextMdn += 1;
      const reservedUntil = this.reservedMdns.get(candidate);
      const taken = this.lines.some((line) => line.msisdn === candidate);
      if (!taken && (reservedUntil === undefined || reservedUntil <= now)) return candidate;
    }
  }
}

/** A line as `devices/actions/list` returns it: the state inside `carrierInformations`. */
export function toWireDevice(line: SimLine, accountName: string, pendingWord: string) {
  const deviceIds: DeviceIdWire[] = [{ id: line.iccid, kind: 'iccid' }];
  if (line.imei) deviceIds.push({ id: line.imei, kind: 'imei' });
  if (line.msisdn) {
    deviceIds.push({ id: mdnOf(line.msisdn), kind: 'mdn' });
    deviceIds.push({ id: line.msisdn, kind: 'msisdn' });
  }
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    accountName,
    billingCycleEndDate: null,
    carrierInformations: [
      {
        carrierName: 'Verizon Wireless',
        servicePlan: line.servicePlan,
        state: line.pendingActivation ? pendingWord : line.state,
      },
    ],
    connected: line.state === 'active',
    createdAt: iso(line.createdAt),
    customFields: [],
    deviceIds,
    extendedAttributes: [],
    groupNames: [`Default: ${accountName}`],
    ipAddress: line.state === 'active' ? '10.0.0.1' : null,
    lastActivationBy: null,
    lastActivationDate: iso(line.lastActivationDate),
    lastConnectionDate: null,
  };
}

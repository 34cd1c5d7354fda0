import { seededRandom } from '../../workspace/random';
import type { SimClock } from '../common/clock';
import type { SimDevice } from '../common/setup';
import { seededStatus, type JasperStatus } from './statuses';

export const OverageOverride = ['DEFAULT', 'TEMPORARY_OVERRIDE', 'PERMANENT_OVERRIDE'] as const;
export type OverageOverride = (typeof OverageOverride)[number];

/** One SIM as Control Center holds it (reference §2.2 and §2.5). */
export interface JasperDevice {
  iccid: string;
  imsi: string;
  msisdn: string | null;
  imei: string | null;
  status: JasperStatus;
  ratePlan: string | null;
  communicationPlan: string | null;
  customer: string | null;
  endConsumerId: string | null;
  accountId: string;
  deviceID: string | null;
  modemID: string | null;
  overageLimitOverride: OverageOverride;
  fixedIPAddress: string | null;
  fixedIpv6Address: string | null;
  accountCustom: Record<string, string>;
  dateShipped: number;
  dateActivated: number | null;
  /** When Control Center last changed the device: Search Devices orders and filters by it. */
  dateUpdated: number;
  /** Breaks ties between changes in the same millisecond, so the order is total. */
  updateSeq: number;
  usage: { dataBytes: number; sms: number; voiceSeconds: number; sessions: number };
}

/** The fields of Edit Device Details, already validated. */
export interface DeviceEdit {
  status?: JasperStatus;
  ratePlan?: string;
  communicationPlan?: string;
  customer?: string;
  deviceID?: string;
  modemID?: string;
  overageLimitOverride?: OverageOverride;
  ipv4Address?: string;
  ipv6Address?: string;
  accountCustom?: Record<string, string>;
}

export interface ScheduledEdit {
  iccid: string;
  effectiveAt: number;
  edit: DeviceEdit;
  /** Filled in when the simulated clock reached the date: applied, or why it was dropped. */
  outcome?: 'applied' | { dropped: string };
}

const DAY = 86_400_000;

/**
 * The account's SIMs and the edits scheduled for them. Changes are applied here only, so the
 * apply counter, update times and the search order always agree.
 */
export class Inventory {
  private readonly devices = new Map<string, JasperDevice>();
  readonly schedule: ScheduledEdit[] = [];
  private seq = 0;

  constructor(
    seed: SimDevice[],
    private readonly clock: SimClock,
    accountId: string,
    private readonly onApplied: (iccid: string, operation: string) => void,
    randomSeed: number,
  ) {
    const random = seededRandom(randomSeed ^ 0x1a5be7);
    const start = clock.now();
    seed.forEach((sim, index) => {
      const status = seededStatus(sim.status);
      const used = status === 'ACTIVATED' || status === 'DEACTIVATED' || status === 'RETIRED';
      this.devices.set(sim.iccid, {
        iccid: sim.iccid,
        imsi: `31017${sim.iccid.slice(-10)}`,
        msisdn: sim.msisdn,
        imei: sim.imei,
        status,
        ratePlan: sim.ratePlan,
        communicationPlan: sim.communicationPlan,
        customer: null,
        endConsumerId: null,
        accountId,
        deviceID: null,
        modemID: null,
        overageLimitOverride: 'DEFAULT',
        fixedIPAddress: null,
        fixedIpv6Address: null,
        accountCustom: {},
        dateShipped: start - 120 * DAY,
        dateActivated: used ? start - 60 * DAY : null,
        // Staggered a minute apart so a seeded inventory already has a modification order.
        dateUpdated: start - (seed.length - index) * 60_000,
        updateSeq: (this.seq += 1),
        usage: {
          dataBytes: status === 'ACTIVATED' ? Math.floor(random() * 50_000_000) : 0,
          sms: status === 'ACTIVATED' ? Math.floor(random() * 200) : 0,
          voiceSeconds: 0,
          sessions: status === 'ACTIVATED' ? 1 + Math.floor(random() * 40) : 0,
        },
      });
    });
  }

  get(iccid: string): JasperDevice | undefined {
    return this.devices.get(iccid);
  }

  all(): JasperDevice[] {
    return [...this.devices.values()];
  }

  /**
   * Applies an edit now (or at its scheduled date). Each field that really changes is counted
   * once in the apply counter when it came through the API; changes Control Center makes by
   * itself are not the console's doing and are not counted.
   */
  apply(
    iccid: string,
    edit: DeviceEdit,
    { at = this.clock.now(), viaApi = true }: { at?: number; viaApi?: boolean } = {},
  ): void {
    const device = this.devices.get(iccid);
    if (!device) return;
    const changed: string[] = [];
    const set = <K extends keyof JasperDevice>(key: K, value: JasperDevice[K] | undefined) => {
      if (value === undefined || device[key] === value) return;
      device[key] = value;
      changed.push(`${key}:${String(value)}`);
    };
    set('status', edit.status);
    set('ratePlan', edit.ratePlan);
    set('communicationPlan', edit.communicationPlan);
    set('customer', edit.customer);
    set('deviceID', edit.deviceID);
    set('modemID', edit.modemID);
    set('overageLimitOverride', edit.overageLimitOverride);
    set('fixedIPAddress', edit.ipv4Address);
    set('fixedIpv6Address', edit.ipv6Address);
    for (const [field, value] of Object.entries(edit.accountCustom ?? {})) {
      if (device.accountCustom[field] === value) continue;
      device.accountCustom[field] = value;
      changed.push(`${field}:${value}`);
    }
    if (changed.length === 0) return;
    if (edit.status === 'ACTIVATED') device.dateActivated ??= at;
    this.touch(device, at);
    if (!viaApi) return;
    // The apply counter splits its keys on spaces, so plan names keep theirs out of it.
    for (const operation of changed) this.onApplied(iccid, operation.replace(/\s+/g, '_'));
  }

  /** A change Control Center makes by itself (automatic moves, portal users, the operator). */
  setStatus(iccid: string, status: JasperStatus): boolean {
    const device = this.devices.get(iccid);
    if (!device) return false;
    this.apply(iccid, { status }, { viaApi: false });
    return true;
  }

  /** Stores a future-dated edit; it changes nothing until the simulated clock reaches it. */
  scheduleEdit(iccid: string, edit: DeviceEdit, effectiveAt: number): void {
    this.schedule.push({ iccid, edit, effectiveAt });
  }

  /**
   * Applies every scheduled edit whose date has come, oldest first. `refusal` re-checks each
   * against the device as it is by then (it may have been retired meanwhile).
   */
  applyDue(refusal: (device: JasperDevice, edit: DeviceEdit) => string | undefined): number {
    const now = this.clock.now();
    const due = this.schedule
      .filter((entry) => entry.outcome === undefined && entry.effectiveAt <= now)
      .sort((a, b) => a.effectiveAt - b.effectiveAt);
    for (const entry of due) {
      const device = this.devices.get(entry.iccid);
      const refused = device ? refusal(device, entry.edit) : 'the device no longer exists';
      if (refused) {
        entry.outcome = { dropped: refused };
        continue;
      }
      this.apply(entry.iccid, entry.edit, { at: entry.effectiveAt });
      entry.outcome = 'applied';
    }
    return due.length;
  }

  /** Devices changed at or after `since`, oldest change first, as Search Devices returns them. */
  modifiedSince(since: number, status?: JasperStatus): JasperDevice[] {
    return this.all()
      .filter((d) => d.dateUpdated >= since && (status === undefined || d.status === status))
      .sort((a, b) => a.dateUpdated - b.dateUpdated || a.updateSeq - b.updateSeq);
  }

  private touch(device: JasperDevice, at: number): void {
    device.dateUpdated = at;
    device.updateSeq = this.seq += 1;
  }
}

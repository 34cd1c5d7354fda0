import type { DeviceStatus } from '../../../../shared/domain/devices';
import type { SimDevice } from '../common/setup';

/** A subscriber line as AT&T keeps it: found by its subscriber number (MDN), not by its SIM. */
export interface Line {
  subscriberNumber: string;
  iccid: string;
  imei: string | null;
  status: DeviceStatus;
  ratePlan: string | null;
  zipCode: string | null;
  offeringCodes: string[];
  activatedAt: string;
  statusEffectiveDate: string;
  /** A static IP, once provisioning has completed. */
  ipAddress: string | null;
}

/** One service object of an activation request and, once settled, how it ended. */
export interface ActivationService {
  iccid: string;
  imei: string | null;
  ratePlan: string | null;
  zipCode: string | null;
  /** The service object as the client sent it, echoed back the way TM Forum APIs do. */
  sent: Record<string, unknown>;
  outcome?:
    | { kind: 'active'; subscriberNumber: string }
    | { kind: 'rejected'; error: string }
    | { kind: 'esim' };
}

export interface ActivationRequest {
  id: string;
  submittedAt: number;
  /** When it settles; pulled forward by the "complete now" hook. */
  dueAt: number;
  reservedAt: number;
  settledAt?: number;
  services: ActivationService[];
}

/** A static-IP provisioning batch: each subscriber's address moves through three steps. */
export interface IpBatch {
  id: string;
  submittedAt: number;
  entries: { subscriberNumber: string; ipAddress: string; applied: boolean }[];
}

/** The simulator's books: lines by subscriber number, activation and IP requests by id. */
export class TelegenceState {
  readonly lines = new Map<string, Line>();
  readonly activations = new Map<string, ActivationRequest>();
  readonly ipBatches = new Map<string, IpBatch>();
  /** SIMs the carrier knows but that have no line yet (our "inventory"). */
  readonly spareSims = new Map<string, { imei: string | null }>();
  private nextNumber = 0;
  private nextRequest = 0;
  private nextIp = 0;

  constructor(
    devices: readonly SimDevice[],
    private readonly seed: number,
    now: number,
  ) {
    const at = new Date(now).toISOString();
    for (const device of devices) {
      if (device.status === 'inventory' || device.status === 'pending') {
        this.spareSims.set(device.iccid, { imei: device.imei });
        continue;
      }
      const subscriberNumber = device.msisdn ?? this.newSubscriberNumber();
      this.lines.set(subscriberNumber, {
        subscriberNumber,
        iccid: device.iccid,
        imei: device.imei,
        status: device.status,
        ratePlan: device.ratePlan,
        zipCode: null,
        offeringCodes: [],
        activatedAt: at,
        statusEffectiveDate: at,
        ipAddress: null,
      });
    }
  }

  /** The line that holds this SIM now (a cancelled line has let go of it). */
  lineBySim(iccid: string): Line | undefined {
    for (const line of this.lines.values()) {
      if (line.iccid === iccid && line.status !== 'deactivated') return line;
    }
    return undefined;
  }

  /** A fresh NANP number (exchange 5xx) no line uses, in a fixed order so runs repeat. */
  newSubscriberNumber(): string {
    for (;;) {
      this.nextNumber += 1;
      const candidate = `1469${500_0000 + this.nextNumber}`;
      if (!this.lines.has(candidate)) return candidate;
    }
  }

  /** The next address of the simulated static-IP pool (10.128.0.0/9). */
  newIpAddress(): string {
    this.nextIp += 1;
    const n = this.nextIp;
    return `10.${128 + ((n >> 16) & 127)}.${(n >> 8) & 255}.${n & 255}`;
  }

  /** A request id shaped like AT&T's (a GUID), derived from the seed and a counter. */
  newRequestId(): string {
    this.nextRequest += 1;
    const hex = (this.seed >>> 0).toString(16).padStart(8, '0');
    const count = this.nextRequest.toString(16).padStart(12, '0');
    return `${hex}-7e1e-4a7c-9d00-${count}`;
  }
}

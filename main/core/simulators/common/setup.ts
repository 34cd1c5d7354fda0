import type { DeviceStatus } from '../../../../shared/domain/devices';
import type { SimClock } from './clock';
import type { FaultInput } from './faults';

/** A device as a simulator is seeded with: our status; each simulator speaks its carrier's words. */
export interface SimDevice {
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  status: DeviceStatus;
  ratePlan: string | null;
  communicationPlan: string | null;
}

/** What every carrier simulator is started with. */
export interface SimulatorSetup<Credentials> {
  /** The credentials it accepts. */
  credentials: Credentials;
  devices: SimDevice[];
  ratePlans: { code: string; name: string }[];
  seed?: number;
  faults?: FaultInput;
  port?: number;
  clock?: SimClock;
}

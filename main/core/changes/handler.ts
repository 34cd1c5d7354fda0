import type { z } from 'zod';
import type { Carrier } from '../../../shared/domain/carriers';
import type { ChangeType } from '../../../shared/domain/changes';
import type { DeviceStatus } from '../../../shared/domain/devices';
import type {
  CarrierAdapter,
  CarrierDeviceState,
  CarrierOperation,
  DeviceOutcome,
} from '../carriers/types';
import type { Db } from '../store/open';

/** A device as the planner sees it: our record, with its account and plans by code. */
export interface DeviceRecord {
  id: number;
  accountId: number;
  carrier: Carrier;
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  eid: string | null;
  status: DeviceStatus;
  carrierRatePlan: string | null;
  customerId: number | null;
  siteId: number | null;
  customerRatePlanId: number | null;
  customerPoolId: number | null;
  dataAllocationMb: number | null;
  tenantId: number | null;
}

/** One field the change will alter, for the dry-run preview and the audit. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type PlanResult =
  | { ok: true; request: Record<string, unknown>; changes: FieldChange[] }
  | { ok: false; reason: string };

/** A queued device change as the engine hands it to a handler. */
export interface WorkItem {
  deviceChangeId: number;
  device: DeviceRecord;
  /** The per-device request the plan produced. */
  request: Record<string, unknown>;
}

/**
 * One change type: its parameters, its validation before anything is queued, how it is sent
 * (to the device's carrier, or only to our store), and how success is written to the store.
 */
export interface ChangeHandler<P = unknown> {
  type: ChangeType;
  params: z.ZodType<P>;
  /** `carrier`: each device goes to its carrier account's lane. `local`: only our store changes. */
  target: 'carrier' | 'local';
  /** Checks the whole change once (e.g. the plan exists for the tenant); a thrown CoreError refuses it. */
  checkParams?(db: Db, params: P): void;
  /** Validates one device; the reason names the device's current state and what to do. */
  plan(db: Db, params: P, device: DeviceRecord): PlanResult;
  /** The kind of carrier call this change makes (carrier types). */
  operation?(params: P): CarrierOperation;
  /** Sends a batch (all from one bulk change and one carrier account). */
  send?(adapter: CarrierAdapter, params: P, items: WorkItem[]): Promise<DeviceOutcome[]>;
  /**
   * After a crash mid-call: does the carrier's state show this change applied? `undefined` when
   * the state can't tell, which parks the row for review rather than risking a second apply.
   */
  isApplied?(state: CarrierDeviceState, params: P, item: WorkItem): boolean | undefined;
  /** Runs once the rows are written (e.g. to record future-dated ones in the schedule). */
  afterCreate?(db: Db, params: P, rows: { deviceChangeId: number; item: WorkItem }[]): void;
  /** Writes success to our store, inside the engine's transaction. */
  applyLocal(db: Db, params: P, item: WorkItem, state: CarrierDeviceState | undefined): void;
}

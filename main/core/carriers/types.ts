import { z } from 'zod';
import type { Carrier } from '../../../shared/domain/carriers';
import type { ChangeType } from '../../../shared/domain/changes';
import type { DeviceStatus } from '../../../shared/domain/devices';

import { StatusAction } from '../../../shared/domain/changes';
export { StatusAction };

/** The kinds of carrier call a change makes, for per-operation capabilities. */
export type CarrierOperation = StatusAction | 'ratePlan' | 'identifier';

/** What a carrier can do, declared up front so the UI and engine never have to try and see. */
export interface CarrierCapabilities {
  /** Change types that call this carrier's API. */
  changeTypes: ChangeType[];
  statusActions: StatusAction[];
  /** Most devices one request may carry (1 = one request per device). */
  maxDevicesPerCall: number;
  /** `async`: the carrier accepts now and completes later; results must be polled. */
  completion: 'sync' | 'async';
  /**
   * When only some operations complete later (Telegence: activation), those; the rest finish
   * within their call. Absent: every operation follows `completion`.
   */
  asyncOperations?: CarrierOperation[];
  /** When only some operations take many devices per call, those; the rest go one per call. */
  batchOperations?: CarrierOperation[];
  defaultConcurrency: number;
  defaultRatePerSecond: number;
  /** Whether identifierChange can swap the ICCID, the IMEI, or both. */
  identifierChanges: ('iccid' | 'imei')[];
  /** Whether the carrier publishes a rate-plan catalog the console can fetch. */
  ratePlanCatalog: boolean;
  /** What an activation must carry, as the adapter checks before calling. */
  activationNeeds: ('ratePlan' | 'zipCode')[];
  /** The request an operation makes, as the carrier's docs name it, for the dry run. */
  requestFor(operation: CarrierOperation): string;
}

/** Whether an operation completes later and must be polled. */
export const completesLater = (
  capabilities: CarrierCapabilities,
  operation: CarrierOperation,
): boolean =>
  capabilities.asyncOperations
    ? capabilities.asyncOperations.includes(operation)
    : capabilities.completion === 'async';

/** How many devices one call of this operation may carry. */
export const devicesPerCall = (
  capabilities: CarrierCapabilities,
  operation: CarrierOperation,
): number =>
  !capabilities.batchOperations || capabilities.batchOperations.includes(operation)
    ? capabilities.maxDevicesPerCall
    : 1;

export interface DeviceRef {
  iccid: string;
  imei?: string | null;
  msisdn?: string | null;
}

/** A line as the carrier sees it, in our vocabulary plus the carrier's own word. */
export interface CarrierDeviceState {
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  status: DeviceStatus;
  carrierStatus: string;
  ratePlan: string | null;
  communicationPlan: string | null;
}

export const CarrierErrorCode = z.enum([
  'auth_failed',
  'locked_out',
  'throttled',
  'timeout',
  'network',
  'server_error',
  'malformed_response',
  'validation',
  'business_rule',
  'not_found',
  'unsupported',
  'partial',
]);
export type CarrierErrorCode = z.infer<typeof CarrierErrorCode>;

/**
 * A carrier failure as data. `transient` decides retry (timeouts, 5xx, throttling, network)
 * versus failing at once (validation, business rules, auth). `carrierReason` keeps the
 * carrier's own words for the log; `message` is for the desk.
 */
export interface CarrierError {
  code: CarrierErrorCode;
  transient: boolean;
  message: string;
  carrierReason?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  /** For multi-step operations (POND plan change): the step that failed and what state it left. */
  step?: string;
  leftState?: string;
}

/** The result of one device inside an operation. */
export type DeviceOutcome =
  | { kind: 'done'; device: DeviceRef; state?: CarrierDeviceState }
  | { kind: 'accepted'; device: DeviceRef; carrierRequestId: string }
  | { kind: 'failed'; device: DeviceRef; error: CarrierError };

/**
 * Where an accepted (asynchronous) change stands. A `failed` whose error is transient means the
 * *check* failed (network, 5xx): poll again later, never resend the change.
 */
export type PollResult =
  | { kind: 'pending' }
  | { kind: 'done'; state?: CarrierDeviceState }
  | { kind: 'failed'; error: CarrierError };

export interface StatusOptions {
  /** ThingSpace deactivation: waive the early termination fee. */
  etfWaiver?: boolean;
  /** Activation needs a plan on most carriers. */
  ratePlan?: string;
  /** ThingSpace activation: the MDN zip code. */
  zipCode?: string;
}

export interface IdentifierSwap {
  newIccid?: string;
  newImei?: string;
}

export interface RatePlanEntry {
  code: string;
  name: string;
}

/** One adapter per carrier account. Every method reports failures as data, never by throwing. */
export interface CarrierAdapter {
  readonly carrier: Carrier;
  readonly capabilities: CarrierCapabilities;
  /** Logs in (or makes the cheapest authenticated call) without changing anything. */
  testConnection(): Promise<{ ok: true } | { ok: false; error: CarrierError }>;
  updateStatus(
    devices: DeviceRef[],
    action: StatusAction,
    options?: StatusOptions,
  ): Promise<DeviceOutcome[]>;
  changeRatePlan(devices: DeviceRef[], planCode: string): Promise<DeviceOutcome[]>;
  changeIdentifier(device: DeviceRef, swap: IdentifierSwap): Promise<DeviceOutcome>;
  /** The device as the carrier has it now; used to reconcile before any resend. */
  getDeviceState(
    device: DeviceRef,
  ): Promise<{ ok: true; state: CarrierDeviceState } | { ok: false; error: CarrierError }>;
  /** How often and how many times to poll an accepted change before giving up (async carriers). */
  readonly pollPolicy?: { intervalMs: number; maxPolls: number };
  /** Completion of an accepted change. */
  pollRequest(carrierRequestId: string, device: DeviceRef): Promise<PollResult>;
  fetchRatePlans(): Promise<
    { ok: true; plans: RatePlanEntry[] } | { ok: false; error: CarrierError }
  >;
  /** Releases sockets and timers. */
  close(): Promise<void>;
}

import type { DeviceChangeStatus } from '../../../shared/domain/changes';

/** A device change leased to the engine: only the holder of `leaseToken` may finish it. */
export interface LeasedChange {
  id: number;
  bulkChangeId: number;
  deviceId: number;
  laneAccountId: number | null;
  status: DeviceChangeStatus;
  attempts: number;
  maxAttempts: number;
  polls: number;
  carrierRequestId: string | null;
  request: Record<string, unknown>;
  leaseToken: string;
}

/** What to do with a change once the engine has an outcome. */
export type Settlement =
  | { kind: 'succeeded'; result?: unknown }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'review'; code: string; message: string }
  | { kind: 'awaitCarrier'; carrierRequestId: string; nextPollAt: number }
  | { kind: 'pollAgain'; nextPollAt: number }
  | {
      kind: 'retry';
      nextAttemptAt: number;
      code: string;
      message: string;
      refundAttempt?: boolean;
    };

/**
 * The engine's queue, narrow on purpose: nothing above it knows it is SQLite, so the same
 * engine can later run on a shared PostgreSQL queue (claim with SKIP LOCKED there).
 */
export interface ChangeQueue {
  /**
   * Leases up to `limit` ready changes of one lane, all from the same bulk change: PENDING rows
   * due for a submit, or AWAITING_CARRIER rows due for a poll. Paused or cancelled bulks are skipped.
   */
  claim(lane: number | null, limit: number, leaseMs: number, now: number): LeasedChange[];
  /** The bulk change a claim on this lane would take rows from now, if any. */
  peekBulk(lane: number | null, now: number): number | undefined;
  /** Writes an outcome if the lease is still ours; `also` runs in the same transaction. */
  settle(change: LeasedChange, settlement: Settlement, also?: () => void): boolean;
  /** IN_FLIGHT changes whose lease ran out: their call may or may not have reached the carrier. */
  expiredInFlight(now: number, limit: number): LeasedChange[];
  /** Takes over an expired lease (for reconciliation); undefined if someone else did. */
  relet(change: LeasedChange, leaseMs: number, now: number): LeasedChange | undefined;
  /** AWAITING_CARRIER leases that ran out are simply released: polling again is harmless. */
  releaseExpiredPolls(now: number): number;
  /** When the lane next has work due, if ever. */
  nextDue(lane: number | null): number | undefined;
  /** Lanes with work that is not final. */
  activeLanes(): (number | null)[];
}

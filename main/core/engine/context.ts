import type { ChangeHandler, WorkItem } from '../changes/handler';
import type { CarrierAdapter } from '../carriers/types';
import type { Db } from '../store/open';
import type { AuditTrail } from './auditTrail';
import type { BackoffPolicy } from './backoff';
import type { ChangeQueue, LeasedChange, Settlement } from './queue';

/** What lanes share: the store, the queue, the audit trail and the engine's settings. */
export interface EngineContext {
  db: Db;
  queue: ChangeQueue;
  trail: AuditTrail;
  leaseMs: number;
  backoff: BackoffPolicy;
  random: () => number;
  circuitProbeMs: number;
  maxPolls: number;
  pollIntervalMs(adapter: CarrierAdapter, accountId: number): number;
  bulk(id: number): { handler: ChangeHandler; params: unknown };
  workItems(changes: LeasedChange[]): WorkItem[];
  /** Settles with an audit entry in the same transaction; false if the lease was lost. */
  settle(change: LeasedChange, settlement: Settlement, also?: () => void): boolean;
  afterBatch(bulkId: number): void;
}

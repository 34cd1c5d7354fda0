import { CoreError } from '../errors';
import type { ChangeType } from '../../../shared/domain/changes';
import type { EventMessage } from '../../../shared/contract';
import type { AuditLog } from '../audit/auditLog';
import { loadDevices } from '../changes/devices';
import type { ChangeHandler, WorkItem } from '../changes/handler';
import type { CarrierAdapter } from '../carriers/types';
import type { Db } from '../store/open';
import { AuditTrail } from './auditTrail';
import { defaultBackoff, type BackoffPolicy } from './backoff';
import { finalizeIfDone } from './bulkChanges';
import type { EngineContext } from './context';
import { Lane, type LaneState } from './lane';
import { ProgressTracker } from './progress';
import type { ChangeQueue, LeasedChange, Settlement } from './queue';
import { reconcile } from './reconcile';
import { SqliteChangeQueue } from './sqliteQueue';
import { cached } from '../store/statements';

export interface EngineOptions {
  db: Db;
  adapters: { forAccount(accountId: number): Promise<CarrierAdapter> };
  handlers: Record<ChangeType, ChangeHandler<never>>;
  audit: AuditLog;
  queue?: ChangeQueue;
  emit?: (message: EventMessage) => void;
  /** How long a claimed change is ours; a crash is noticed once it runs out. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  circuitProbeMs?: number;
  /** Poll cadence when the adapter states none; also caps the adapter's (sandbox, tests). */
  pollIntervalMs?: number;
  maxPolls?: number;
  processedBy?: string;
}

const IDLE_RECHECK_MS = 30_000;
const SANDBOX_POLL_MS = 2_000;
const LOCAL_BATCH = 500;
const MAX_CARRIER_BATCH = 200;

/**
 * The bulk-change engine: one lane per carrier account (plus one for changes made only in our
 * store), leases on every claimed row, reconciliation after a crash, throttled progress.
 */
export class Engine implements EngineContext {
  readonly db: Db;
  readonly queue: ChangeQueue;
  readonly trail: AuditTrail;
  readonly leaseMs: number;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  readonly circuitProbeMs: number;
  readonly maxPolls: number;
  private readonly lanes = new Map<number | null, { lane: Lane; done: Promise<void> }>();
  private readonly wakers = new Set<() => void>();
  private readonly bulks = new Map<number, { handler: ChangeHandler; params: unknown }>();
  private readonly progress: ProgressTracker;
  private stopping = false;
  /** A workspace opened only to read or steer (the CLI's status, pause…) never starts work. */
  private started = false;
  private reconcileTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EngineOptions) {
    this.db = options.db;
    this.queue = options.queue ?? new SqliteChangeQueue(options.db);
    this.trail = new AuditTrail(options.audit, options.processedBy ?? 'engine');
    this.leaseMs = options.leaseMs ?? 120_000;
    this.backoff = options.backoff ?? defaultBackoff;
    this.random = options.random ?? Math.random;
    this.circuitProbeMs = options.circuitProbeMs ?? 15_000;
    // Carrier activations can stay pending for hours: poll every 30 s for up to 4 h by default.
    this.maxPolls = options.maxPolls ?? 480;
    this.progress = new ProgressTracker(options.db);
  }

  /** Reconciles what a previous run left mid-call, then starts the lanes that have work. */
  async start(): Promise<void> {
    this.started = true;
    await this.reconcileExpired();
    this.wake();
    this.reconcileTimer = setInterval(
      () =>
        void this.reconcileExpired().catch((e: unknown) =>
          console.error('engine: reconcile failed', e),
        ),
      Math.max(250, this.leaseMs / 2),
    );
  }

  /** New or resumed work: make sure its lanes run and stop waiting. */
  wake(): void {
    if (this.stopping || !this.started) return;
    for (const lane of this.queue.activeLanes()) if (!this.lanes.has(lane)) this.startLane(lane);
    for (const wake of [...this.wakers]) wake();
  }

  /** Stops claiming, lets calls under way finish and settle, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.reconcileTimer);
    for (const wake of [...this.wakers]) wake();
    await Promise.all([...this.lanes.values()].map((l) => l.done));
  }

  laneStates(): LaneState[] {
    return [...this.lanes.values()].map((l) => l.lane.state());
  }

  /** Sends a bulk change's progress now, e.g. after the desk paused or cancelled it. */
  announce(bulkId: number): void {
    finalizeIfDone(this.db, bulkId);
    this.options.emit?.({
      event: 'bulk:progress',
      payload: this.progress.snapshot(bulkId, this.laneStates()),
    });
  }

  pollIntervalMs(adapter: CarrierAdapter, accountId: number): number {
    const sandbox =
      cached(this.db, "SELECT mode = 'sandbox' FROM carrier_accounts WHERE id = ?")
        .pluck()
        .get(accountId) === 1;
    // Sandbox simulators finish in seconds: rehearsals shouldn't wait a live carrier's cadence.
    const own = sandbox
      ? SANDBOX_POLL_MS
      : (adapter.pollPolicy?.intervalMs ?? this.options.pollIntervalMs ?? 30_000);
    return this.options.pollIntervalMs === undefined
      ? own
      : Math.min(own, this.options.pollIntervalMs);
  }

  bulk(id: number): { handler: ChangeHandler; params: unknown } {
    let bulk = this.bulks.get(id);
    if (!bulk) {
      const row = cached(
        this.db,
        'SELECT change_type AS type, request_json AS json FROM bulk_changes WHERE id = ?',
      ).get(id) as { type: ChangeType; json: string };
      const handler = this.options.handlers[row.type] as ChangeHandler;
      // Re-validated on load: a row written by an older version must still make sense.
      bulk = { handler, params: handler.params.parse(JSON.parse(row.json)) };
      this.bulks.set(id, bulk);
    }
    return bulk;
  }

  workItems(changes: LeasedChange[]): WorkItem[] {
    const devices = loadDevices(
      this.db,
      changes.map((c) => c.deviceId),
    );
    return changes.map((change) => {
      const device = devices.get(change.deviceId);
      if (!device)
        throw new CoreError(
          'not_found',
          `Device ${change.deviceId} of device change ${change.id} no longer exists.`,
        );
      return { deviceChangeId: change.id, device, request: change.request };
    });
  }

  settle(change: LeasedChange, settlement: Settlement, also?: () => void): boolean {
    return this.queue.settle(change, settlement, () => {
      also?.();
      if (settlement.kind === 'pollAgain') return;
      const status =
        settlement.kind === 'succeeded'
          ? 'SUCCEEDED'
          : settlement.kind === 'awaitCarrier'
            ? `AWAITING_CARRIER ${settlement.carrierRequestId}`
            : settlement.kind === 'retry'
              ? `RETRY (${settlement.code})`
              : `${settlement.kind === 'failed' ? 'FAILED' : 'NEEDS_REVIEW'} (${settlement.code})`;
      const hasErrors = settlement.kind !== 'succeeded' && settlement.kind !== 'awaitCarrier';
      this.trail.recordOutcome(change.bulkChangeId, change.id, status, settlement, hasErrors);
    });
  }

  afterBatch(bulkId: number): void {
    cached(
      this.db,
      "UPDATE bulk_changes SET status = 'PROCESSING' WHERE id = ? AND status = 'QUEUED'",
    ).run(bulkId);
    const final = finalizeIfDone(this.db, bulkId);
    const progress = this.progress.next(bulkId, this.laneStates(), final !== undefined);
    if (progress) this.options.emit?.({ event: 'bulk:progress', payload: progress });
  }

  /**
   * After an account's address, pace or credentials changed: its lane's workers finish the call
   * in hand and stop, the old adapter is dropped, and a new lane starts on the new settings.
   */
  async refreshAccount(accountId: number, dropAdapter: () => Promise<void>): Promise<void> {
    const entry = this.lanes.get(accountId);
    if (entry) {
      entry.lane.retired = true;
      for (const wake of [...this.wakers]) wake();
      await entry.done;
      if (this.lanes.get(accountId) === entry) this.lanes.delete(accountId);
    }
    await dropAdapter();
    this.wake();
  }

  private startLane(accountId: number | null): void {
    const lane = new Lane(this, accountId);
    const done = this.runLane(lane).catch((error: unknown) =>
      console.error('engine: lane stopped', error),
    );
    this.lanes.set(accountId, { lane, done });
  }

  private async runLane(lane: Lane): Promise<void> {
    let adapter: CarrierAdapter | undefined;
    if (lane.accountId !== null) {
      while (!adapter && !this.stopping && !lane.retired) {
        try {
          adapter = await this.options.adapters.forAccount(lane.accountId);
        } catch (error) {
          // e.g. no credentials yet: the rows wait, and the lane tries again.
          console.error(
            `engine: account ${lane.accountId} can't be used yet: ${(error as Error).message}`,
          );
          await this.sleepOrWake(IDLE_RECHECK_MS);
        }
      }
      if (!adapter) return;
    }
    const slots = adapter ? this.accountConcurrency(lane.accountId!) : 1;
    const batch = adapter
      ? Math.min(adapter.capabilities.maxDevicesPerCall, MAX_CARRIER_BATCH)
      : LOCAL_BATCH;
    await Promise.all(Array.from({ length: slots }, () => this.work(lane, adapter, batch)));
  }

  private async work(
    lane: Lane,
    adapter: CarrierAdapter | undefined,
    batch: number,
  ): Promise<void> {
    while (!this.stopping && !lane.retired) {
      const hold = lane.holdMs(Date.now());
      if (hold > 0) {
        await this.sleepOrWake(hold);
        continue;
      }
      let taken = 0;
      try {
        taken = await lane.step(adapter, batch);
      } catch (error) {
        console.error('engine: a batch failed', error);
        await this.sleepOrWake(1_000);
      }
      // Always give the event loop a turn: local batches never wait on I/O, and core must stay
      // responsive (pause, cancel, the UI) and free its finished statements while a bulk runs.
      await new Promise((resolve) => setImmediate(resolve));
      if (taken > 0) continue;
      const due = this.queue.nextDue(lane.accountId);
      const wait =
        due === undefined
          ? IDLE_RECHECK_MS
          : Math.min(IDLE_RECHECK_MS, Math.max(10, due - Date.now()));
      await this.sleepOrWake(wait);
    }
  }

  private sleepOrWake(ms: number): Promise<void> {
    // A stop that came between a worker's last check and this wait must not leave it asleep.
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private accountConcurrency(accountId: number): number {
    return (
      (cached(this.db, 'SELECT max_concurrency FROM carrier_accounts WHERE id = ?')
        .pluck()
        .get(accountId) as number | undefined) ?? 1
    );
  }

  private async reconcileExpired(): Promise<void> {
    const now = Date.now();
    this.queue.releaseExpiredPolls(now);
    for (const expired of this.queue.expiredInFlight(now, 500)) {
      const change = this.queue.relet(expired, this.leaseMs, now);
      if (!change) continue;
      const { handler, params } = this.bulk(change.bulkChangeId);
      const [item] = this.workItems([change]);
      const adapter =
        change.laneAccountId === null
          ? undefined
          : await this.options.adapters.forAccount(change.laneAccountId).catch(() => undefined);
      if (change.laneAccountId !== null && !adapter) continue;
      const result = await this.trail.within(change.bulkChangeId, [change.id], () =>
        reconcile(change, item!, handler, params, adapter, Date.now()),
      );
      if (!result) continue;
      this.settle(
        change,
        result.settlement,
        result.applied ? () => handler.applyLocal(this.db, params, item!, result.state) : undefined,
      );
      this.afterBatch(change.bulkChangeId);
    }
    this.wake();
  }
}

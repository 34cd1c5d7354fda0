import type { ChangeHandler, WorkItem } from '../changes/handler';
import { devicesPerCall, type CarrierAdapter, type DeviceOutcome } from '../carriers/types';
import { carrierError } from '../carriers/errors';
import { CoreError } from '../errors';
import type { EngineContext } from './context';
import { describeError, failureSettlement, settlementFor, type OutcomeContext } from './outcomes';
import type { LeasedChange, Settlement } from './queue';

const UNREACHABLE_AFTER = 3;

/** What a lane is doing, for the progress view ("waiting: Cisco can't be reached"). */
export interface LaneState {
  accountId: number | null;
  state: 'running' | 'idle' | 'waiting';
  reason: string | null;
}

/**
 * One carrier account's lane (or the local lane, for changes made only in our store). Its
 * slots claim, send and settle; the adapter's limiter keeps the carrier's rate.
 */
export class Lane {
  private circuitOpenUntil = 0;
  private circuitReason: string | null = null;
  private unreachableCalls = 0;
  private busy = 0;
  /** Set when the account's settings changed: the workers finish the call in hand and stop. */
  retired = false;

  constructor(
    private readonly ctx: EngineContext,
    readonly accountId: number | null,
  ) {}

  state(): LaneState {
    if (this.circuitOpenUntil > Date.now())
      return { accountId: this.accountId, state: 'waiting', reason: this.circuitReason };
    return { accountId: this.accountId, state: this.busy > 0 ? 'running' : 'idle', reason: null };
  }

  /** Milliseconds until the lane may claim again (an open circuit), or 0. */
  holdMs(now: number): number {
    return Math.max(0, this.circuitOpenUntil - now);
  }

  /** Claims and finishes one batch; returns how many changes it took. */
  async step(adapter: CarrierAdapter | undefined, batchSize: number): Promise<number> {
    const now = Date.now();
    const claimed = this.ctx.queue.claim(
      this.accountId,
      this.claimSize(adapter, batchSize, now),
      this.ctx.leaseMs,
      now,
    );
    if (claimed.length === 0) return 0;
    this.busy += 1;
    try {
      const bulkId = claimed[0]!.bulkChangeId;
      const { handler, params } = this.ctx.bulk(bulkId);
      const items = this.ctx.workItems(claimed);
      if (!adapter) this.settleLocal(handler, params, claimed, items);
      else await this.settleCarrier(adapter, handler, params, claimed, items);
      this.ctx.afterBatch(bulkId);
      return claimed.length;
    } finally {
      this.busy -= 1;
    }
  }

  /** One call's worth: a batch only for operations the carrier takes many devices per call. */
  private claimSize(adapter: CarrierAdapter | undefined, batchSize: number, now: number): number {
    if (!adapter) return batchSize;
    const bulkId = this.ctx.queue.peekBulk(this.accountId, now);
    if (bulkId === undefined) return 1;
    const { handler, params } = this.ctx.bulk(bulkId);
    const operation = handler.operation?.(params as never);
    return operation ? Math.min(batchSize, devicesPerCall(adapter.capabilities, operation)) : 1;
  }

  private settleLocal(
    handler: ChangeHandler,
    params: unknown,
    claimed: LeasedChange[],
    items: WorkItem[],
  ): void {
    claimed.forEach((change, i) => {
      const item = items[i]!;
      try {
        this.ctx.settle(change, { kind: 'succeeded' }, () =>
          handler.applyLocal(this.ctx.db, params, item, undefined),
        );
      } catch (error) {
        const message =
          error instanceof CoreError
            ? error.message
            : 'The change could not be written; see the log.';
        if (!(error instanceof CoreError)) console.error('engine: local change failed', error);
        this.ctx.settle(change, { kind: 'failed', code: 'local_error', message });
      }
    });
  }

  private async settleCarrier(
    adapter: CarrierAdapter,
    handler: ChangeHandler,
    params: unknown,
    claimed: LeasedChange[],
    items: WorkItem[],
  ): Promise<void> {
    const outcomeCtx: OutcomeContext = {
      now: Date.now(),
      backoff: this.ctx.backoff,
      random: this.ctx.random,
      pollIntervalMs: this.ctx.pollIntervalMs(adapter, this.accountId!),
      carrierName: adapter.carrier,
    };
    const polls = claimed.flatMap((change, i) =>
      change.status === 'AWAITING_CARRIER' ? [{ change, item: items[i]! }] : [],
    );
    const sends = claimed.flatMap((change, i) =>
      change.status === 'IN_FLIGHT' ? [{ change, item: items[i]! }] : [],
    );
    const bulkId = claimed[0]!.bulkChangeId;

    await Promise.all(
      polls.map(async ({ change, item }) => {
        const polled = await this.ctx.trail.within(bulkId, [change.id], () =>
          adapter.pollRequest(change.carrierRequestId ?? '', {
            iccid: item.device.iccid,
            imei: item.device.imei,
            msisdn: item.device.msisdn,
          }),
        );
        const maxPolls = adapter.pollPolicy?.maxPolls ?? this.ctx.maxPolls;
        let settlement: Settlement;
        if (polled.kind === 'done')
          settlement = {
            kind: 'succeeded',
            result: polled.state ? { state: polled.state } : undefined,
          };
        else if (polled.kind === 'failed' && !polled.error.transient)
          settlement = {
            kind: 'failed',
            code: polled.error.code,
            message: describeError(polled.error),
          };
        else if (change.polls >= maxPolls)
          settlement = {
            kind: 'review',
            code: 'still_pending',
            message: `The carrier accepted this change but still had not finished it after ${change.polls} checks. Check the device at the carrier.`,
          };
        else settlement = { kind: 'pollAgain', nextPollAt: Date.now() + outcomeCtx.pollIntervalMs };
        this.finish(
          handler,
          params,
          change,
          item,
          settlement,
          polled.kind === 'done' ? polled.state : undefined,
        );
      }),
    );

    if (sends.length === 0) return;
    let outcomes: DeviceOutcome[];
    try {
      outcomes = await this.ctx.trail.within(
        bulkId,
        sends.map((s) => s.change.id),
        () =>
          handler.send!(
            adapter,
            params,
            sends.map((s) => s.item),
          ),
      );
    } catch (error) {
      console.error('engine: adapter threw instead of answering', error);
      const failure = carrierError(
        'server_error',
        `${adapter.carrier} adapter failed unexpectedly; the change will be retried.`,
      );
      outcomes = sends.map((s) => ({
        kind: 'failed',
        device: { iccid: s.item.device.iccid },
        error: failure,
      }));
    }
    // Calls that could not reach the carrier at all, several in a row, open the circuit: the lane
    // waits and probes, and those rows spend no attempts. A single reset is just a transient failure.
    const allUnreachable =
      outcomes.length > 0 &&
      outcomes.every((o) => o.kind === 'failed' && o.error.code === 'network');
    this.unreachableCalls = allUnreachable ? this.unreachableCalls + 1 : 0;
    const unreachable = this.unreachableCalls >= UNREACHABLE_AFTER;
    if (unreachable) {
      const first = outcomes[0]!;
      this.circuitOpenUntil = Date.now() + this.ctx.circuitProbeMs;
      this.circuitReason = first.kind === 'failed' ? first.error.message : null;
    } else if (!allUnreachable) {
      this.circuitOpenUntil = 0;
      this.circuitReason = null;
    }
    sends.forEach(({ change, item }, i) => {
      const outcome = outcomes[i] ?? {
        kind: 'failed' as const,
        device: { iccid: item.device.iccid },
        error: carrierError(
          'malformed_response',
          'The carrier answered for fewer devices than were sent.',
        ),
      };
      const settlement: Settlement = unreachable
        ? {
            kind: 'retry',
            nextAttemptAt: this.circuitOpenUntil,
            code: 'unreachable',
            message: this.circuitReason ?? 'The carrier could not be reached.',
            refundAttempt: true,
          }
        : outcome.kind === 'failed'
          ? failureSettlement(change, outcome.error, outcomeCtx)
          : settlementFor(change, outcome, outcomeCtx);
      this.finish(
        handler,
        params,
        change,
        item,
        settlement,
        outcome.kind === 'done' ? outcome.state : undefined,
      );
    });
  }

  private finish(
    handler: ChangeHandler,
    params: unknown,
    change: LeasedChange,
    item: WorkItem,
    settlement: Settlement,
    state: Parameters<ChangeHandler['applyLocal']>[3],
  ): void {
    const apply =
      settlement.kind === 'succeeded'
        ? () => handler.applyLocal(this.ctx.db, params, item, state)
        : undefined;
    try {
      this.ctx.settle(change, settlement, apply);
    } catch (error) {
      // The carrier has the change but our record could not take it (e.g. the ICCID was taken meanwhile).
      const why =
        error instanceof CoreError ? error.message : 'the local record could not be updated';
      if (!(error instanceof CoreError))
        console.error('engine: applying a carrier success locally failed', error);
      this.ctx.settle(change, {
        kind: 'review',
        code: 'local_conflict',
        message: `The carrier made this change, but the console's record was not updated: ${why}`,
      });
    }
  }
}

// Drives core as a window would (requests parsed first) and waits for a bulk change's final
// progress event without sleeping, like test/support/sandboxCore.ts but keeping only the last
// event per bulk change (100k-device runs would otherwise hold every progress message).
import type { Channel, EventMessage, RequestOf, ResponseOf } from '../../../shared/contract';
import type { BulkProgress } from '../../../shared/contract/bulk';
import { parseRequest } from '../../../shared/contract/validate';
import { openCore, type CoreOptions } from '../../../main/core/core';

const FINAL = new Set(['PROCESSED', 'PARTIAL', 'ERROR', 'CANCELLED']);

export function benchCore(options: Omit<CoreOptions, 'emit'>) {
  const latest = new Map<number, BulkProgress>();
  const waiters = new Map<number, (p: BulkProgress) => void>();
  let events = 0;
  const core = openCore({
    ...options,
    emit: (message: EventMessage) => {
      if (message.event !== 'bulk:progress') return;
      events += 1;
      const progress = message.payload as BulkProgress;
      latest.set(progress.bulkChangeId, progress);
      if (FINAL.has(progress.status)) waiters.get(progress.bulkChangeId)?.(progress);
    },
  });

  async function call<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<ResponseOf<C>> {
    const parsed = parseRequest(channel, request);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = await core.call(parsed.value.channel, parsed.value.request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /**
   * The final progress of a bulk change. Rejects, naming where its rows stand, if no row has
   * finished for `stallMs`: a bench must end even when the engine does not.
   */
  function untilFinal(bulkId: number, stallMs: number): Promise<BulkProgress> {
    const ended = latest.get(bulkId);
    if (ended && FINAL.has(ended.status)) return Promise.resolve(ended);
    return new Promise((resolve, reject) => {
      let lastDone = -1;
      let lastMove = Date.now();
      const watchdog = setInterval(() => {
        void call('bulk:get', { bulkChangeId: bulkId }).then((summary) => {
          const c = summary.counts;
          const done = c.SUCCEEDED + c.FAILED + c.NEEDS_REVIEW + c.CANCELLED;
          if (done !== lastDone) {
            lastDone = done;
            lastMove = Date.now();
          } else if (Date.now() - lastMove > stallMs) {
            clearInterval(watchdog);
            waiters.delete(bulkId);
            reject(
              new Error(
                `bulk change ${bulkId} stalled: no row finished for ${stallMs / 1000} s; status ${summary.status}, counts ${JSON.stringify(c)}`,
              ),
            );
          }
        });
      }, 1000);
      waiters.set(bulkId, (progress) => {
        clearInterval(watchdog);
        waiters.delete(bulkId);
        resolve(progress);
      });
    });
  }

  return { core, call, untilFinal, progressEvents: () => events };
}

/**
 * The longest time between two turns of the event loop while it runs, seen from a 10 ms timer:
 * how long core would have left an IPC request (a pause, a page of the grid) waiting.
 */
export function watchLoop(): { stop(): Promise<{ maxGapMs: number; turns: number }> } {
  let last = performance.now();
  let maxGapMs = 0;
  let turns = 0;
  const tick = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    turns += 1;
  };
  const timer = setInterval(tick, 10);
  return {
    async stop() {
      // One more turn, so a run that never yielded shows as one long gap.
      await new Promise((resolve) => setTimeout(resolve, 15));
      tick();
      clearInterval(timer);
      return { maxGapMs, turns };
    },
  };
}

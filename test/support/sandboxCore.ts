import type { Channel, EventMessage, RequestOf, ResponseOf } from '../../shared/contract';
import type { BulkProgress } from '../../shared/contract/bulk';
import { parseRequest } from '../../shared/contract/validate';
import { isFinalBulkStatus } from '../../shared/domain/changes';
import { openCore, type Core, type CoreOptions } from '../../main/core/core';

/**
 * Core on a sandbox workspace, driven as a window would drive it: requests parsed first, push
 * events collected, and a way to wait for a bulk change to end without sleeping.
 */
export function sandboxCore(dataDir: string, options: Partial<CoreOptions> = {}) {
  const events: EventMessage[] = [];
  const waiters: { bulkId: number; resolve: (p: BulkProgress) => void }[] = [];
  const watchers: { matches: (m: EventMessage) => boolean; resolve: (m: EventMessage) => void }[] =
    [];
  const core: Core = openCore({
    dataDir,
    appVersion: 'test',
    sandboxDevices: 400,
    engine: { pollIntervalMs: 100, backoff: { baseMs: 50, capMs: 500 }, circuitProbeMs: 500 },
    ...options,
    emit: (message) => {
      events.push(message);
      for (const watcher of watchers.filter((w) => w.matches(message))) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(message);
      }
      if (message.event !== 'bulk:progress') return;
      const progress = message.payload as BulkProgress;
      if (!isFinalBulkStatus(progress.status)) return;
      for (const waiter of waiters.filter((w) => w.bulkId === progress.bulkChangeId))
        waiter.resolve(progress);
    },
  });
  async function call<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<ResponseOf<C>> {
    const parsed = parseRequest(channel, request);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = await core.call(parsed.value.channel, parsed.value.request);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  }
  /** Resolves with the final progress of a bulk change (at once if it already ended). */
  async function untilFinal(bulkId: number): Promise<BulkProgress> {
    const ended = new Promise<BulkProgress>((resolve) => waiters.push({ bulkId, resolve }));
    const now = await call('bulk:get', { bulkChangeId: bulkId });
    if (isFinalBulkStatus(now.status)) {
      const last = [...events]
        .reverse()
        .find(
          (e) => e.event === 'bulk:progress' && (e.payload as BulkProgress).bulkChangeId === bulkId,
        );
      if (last) return last.payload as BulkProgress;
    }
    return ended;
  }
  /** Resolves with the first event, already heard or still to come, that matches. */
  function untilEvent(matches: (message: EventMessage) => boolean): Promise<EventMessage> {
    const heard = events.find(matches);
    return heard
      ? Promise.resolve(heard)
      : new Promise((resolve) => watchers.push({ matches, resolve }));
  }
  return { core, call, events, untilFinal, untilEvent };
}

import { setTimeout as wait } from 'node:timers/promises';
import type {
  CarrierAdapter,
  CarrierDeviceState,
  CarrierError,
  DeviceRef,
} from '../../carriers/types';
import { nextAttemptDelay, type BackoffPolicy } from '../../engine/backoff';
import { describeError } from '../../engine/outcomes';

/** Two more tries after a transient failure: enough for a blip, short enough for a desk waiting. */
const RETRIES = 2;
const BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 4_000 };

export type Lookup =
  { ok: true; state: CarrierDeviceState } | { ok: false; error: CarrierError; tries: number };

/**
 * Asks the carrier for a device's state, trying again after transient failures. A throttled
 * answer has already paused the account's lane for the carrier's Retry-After, so the next try
 * simply queues there; other transient failures back off first. Stops trying once cancelled.
 */
export async function lookUp(
  adapter: CarrierAdapter,
  device: DeviceRef,
  signal: AbortSignal,
): Promise<Lookup> {
  for (let tries = 1; ; tries++) {
    const answer = await adapter.getDeviceState(device);
    if (answer.ok) return answer;
    if (!answer.error.transient || tries > RETRIES || signal.aborted)
      return { ok: false, error: answer.error, tries };
    if (answer.error.code !== 'throttled') {
      const stopped = await wait(nextAttemptDelay(tries, BACKOFF, Math.random), false, {
        signal,
      }).catch(() => true);
      if (stopped) return { ok: false, error: answer.error, tries };
    }
  }
}

/** Why a device could not be checked, in the carrier's words as well as ours. */
export function lookupReason(failed: Extract<Lookup, { ok: false }>): string {
  // The adapters' words are written for a queued change; nothing here is retried later.
  const reason = describeError(failed.error).replace(/; (the change|it) will be retried\./, '.');
  return failed.tries > 1 ? `Asked ${failed.tries} times: ${reason}` : reason;
}

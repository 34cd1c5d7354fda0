import type { CarrierError, DeviceOutcome } from '../carriers/types';
import { nextAttemptDelay, type BackoffPolicy } from './backoff';
import type { LeasedChange, Settlement } from './queue';

export interface OutcomeContext {
  now: number;
  backoff: BackoffPolicy;
  random: () => number;
  pollIntervalMs: number;
  carrierName: string;
}

/** The carrier's words, kept for the desk next to ours. */
export const describeError = (error: CarrierError): string =>
  error.carrierReason && !error.message.includes(error.carrierReason)
    ? `${error.message} (carrier said: ${error.carrierReason})`
    : error.message;

/**
 * What a carrier's answer means for the row: done, wait for the carrier, try again later, or
 * stop. Partial multi-step failures go to review: a blind resend could apply part of it twice.
 */
export function settlementFor(
  change: LeasedChange,
  outcome: DeviceOutcome,
  ctx: OutcomeContext,
): Settlement {
  switch (outcome.kind) {
    case 'done':
      return { kind: 'succeeded', result: outcome.state ? { state: outcome.state } : undefined };
    case 'accepted':
      return {
        kind: 'awaitCarrier',
        carrierRequestId: outcome.carrierRequestId,
        nextPollAt: ctx.now + ctx.pollIntervalMs,
      };
    case 'failed':
      return failureSettlement(change, outcome.error, ctx);
  }
}

export function failureSettlement(
  change: LeasedChange,
  error: CarrierError,
  ctx: OutcomeContext,
): Settlement {
  if (error.code === 'partial')
    return { kind: 'review', code: error.code, message: describeError(error) };
  if (!error.transient) return { kind: 'failed', code: error.code, message: describeError(error) };
  if (change.attempts >= change.maxAttempts) {
    return {
      kind: 'failed',
      code: error.code,
      message: `Gave up after ${change.attempts} attempts: ${describeError(error)}`,
    };
  }
  const delay = nextAttemptDelay(change.attempts, ctx.backoff, ctx.random, error.retryAfterMs);
  return {
    kind: 'retry',
    nextAttemptAt: ctx.now + delay,
    code: error.code,
    message: describeError(error),
  };
}

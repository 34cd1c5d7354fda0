import { z } from 'zod';

/**
 * Switches for injected trouble, settable per run (options) and over the admin endpoint.
 * Rates are probabilities per request, drawn from the simulator's seeded generator.
 */
export const FaultSettings = z.object({
  latencyMs: z.number().min(0).default(0),
  /** Extra random latency, 0..jitterMs. */
  jitterMs: z.number().min(0).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  timeoutRate: z.number().min(0).max(1).default(0),
  resetRate: z.number().min(0).max(1).default(0),
  malformedRate: z.number().min(0).max(1).default(0),
  throttleRate: z.number().min(0).max(1).default(0),
  retryAfterSeconds: z.number().min(0).default(1),
  /** 1-based call numbers that answer 503, e.g. [3] fails the third call. */
  failCalls: z.array(z.number().int().positive()).default([]),
  /** ICCID → reason: that device fails permanently, in the carrier's own shape. */
  deviceFailures: z.record(z.string(), z.string()).default({}),
  /** How long a "timeout" holds the request before dropping it. */
  hangMs: z.number().min(0).default(60_000),
});
export type FaultSettings = z.infer<typeof FaultSettings>;
export type FaultInput = z.input<typeof FaultSettings>;

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'error' }
  | { kind: 'timeout' }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'throttle' };

/** Decides, per request, which fault (if any) to inject. */
export function pickFault(
  settings: FaultSettings,
  callNumber: number,
  random: () => number,
): FaultAction {
  if (settings.failCalls.includes(callNumber)) return { kind: 'error' };
  const roll = random();
  let edge = 0;
  const table: [FaultAction['kind'], number][] = [
    ['throttle', settings.throttleRate],
    ['timeout', settings.timeoutRate],
    ['reset', settings.resetRate],
    ['malformed', settings.malformedRate],
    ['error', settings.errorRate],
  ];
  for (const [kind, rate] of table) {
    edge += rate;
    if (roll < edge) return { kind } as FaultAction;
  }
  return { kind: 'none' };
}

import { describe, expect, it } from 'vitest';
import { Limiter } from '../../../main/core/carriers/limiter';

// These measure real spacing: waiting is what a rate limiter is for, so the waits are inherent.
const stamp = (limiter: Limiter, n: number, work: () => Promise<void> = async () => undefined) => {
  const starts: number[] = [];
  return Promise.all(
    Array.from({ length: n }, () =>
      limiter.run(async () => {
        starts.push(performance.now());
        await work();
      }),
    ),
  ).then(() => starts);
};

describe('an account’s lane', () => {
  it('spaces call starts evenly, a little under the allowed rate', async () => {
    const starts = await stamp(new Limiter({ ratePerSecond: 50, concurrency: 10 }), 6);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(19.5);
  });

  it('never has more calls in flight than its concurrency', async () => {
    const limiter = new Limiter({ ratePerSecond: 1000, concurrency: 2 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let twoStarted!: () => void;
    const bothRunning = new Promise<void>((resolve) => (twoStarted = resolve));
    const all = Array.from({ length: 5 }, () =>
      limiter.run(async () => {
        if (limiter.started === 2) twoStarted();
        await held;
      }),
    );
    await bothRunning;
    // Two calls are held open; the other three must still be queued, not started.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(limiter.started).toBe(2);
    release();
    await Promise.all(all);
    expect(limiter.peakActive).toBe(2);
    expect(limiter.started).toBe(5);
  });

  it('holds every queued call through a pause, then carries on', async () => {
    const limiter = new Limiter({ ratePerSecond: 1000, concurrency: 1 });
    const before = performance.now();
    limiter.pauseFor(60);
    const starts = await stamp(limiter, 2);
    expect(starts[0]! - before).toBeGreaterThanOrEqual(55);
  });

  it('passes a failing call’s error to its caller and keeps going', async () => {
    const limiter = new Limiter({ ratePerSecond: 1000, concurrency: 1 });
    await expect(limiter.run(() => Promise.reject(new Error('carrier said no')))).rejects.toThrow(
      'carrier said no',
    );
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a lane that could never run anything', () => {
    expect(() => new Limiter({ ratePerSecond: 0, concurrency: 1 })).toThrow(RangeError);
    expect(() => new Limiter({ ratePerSecond: 5, concurrency: 0 })).toThrow(RangeError);
  });
});

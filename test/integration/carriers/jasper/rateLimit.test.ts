import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../main/core/carriers/http/client';
import { Limiter } from '../../../../main/core/carriers/limiter';
import { closeAll, startJasper } from './harness';

afterEach(closeAll);

// A lane someone set up wrongly: three calls at once, twenty a second.
const misconfigured = () => new Limiter({ concurrency: 3, ratePerSecond: 20 });

describe('Control Center rate limit: one call at a time, at most 5 a second', () => {
  it('keeps 20 parallel reads to one call at a time at about 5 a second', async () => {
    const run = await startJasper({ extra: 6 });
    const exchanges: Exchange[] = [];
    const adapter = run.adapter({ onExchange: (e) => exchanges.push(e) });
    const devices = [
      ...run.devices.active,
      ...run.devices.suspended,
      ...run.devices.inventory,
      ...run.extra,
    ];
    expect(devices).toHaveLength(20);
    const results = await Promise.all(devices.map((device) => adapter.getDeviceState(device)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(run.jasper.sim.gate.violations).toBe(0);
    expect(run.jasper.sim.gate.concurrencyViolations).toBe(0);
    const times = exchanges.map((e) => Date.parse(e.at));
    const perSecond = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(perSecond).toBeGreaterThan(4.5);
    expect(perSecond).toBeLessThanOrEqual(5);
  });

  it('catches a lane that breaks the limit, answering 429s the adapter reports as throttled and transient', async () => {
    const run = await startJasper();
    const adapter = run.adapter({ limiter: misconfigured() });
    const devices = run.devices.active;
    const results = await Promise.all(devices.map((device) => adapter.getDeviceState(device)));
    expect(run.jasper.sim.gate.violations).toBeGreaterThan(0);
    const throttled = results.filter((r) => !r.ok);
    expect(throttled.length).toBeGreaterThan(0);
    for (const result of throttled) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'throttled',
          transient: true,
          httpStatus: 429,
          retryAfterMs: 1000,
          carrierReason: 'Rate limit exceeded (errorCode 10000099)',
        },
      });
    }
  });

  it('only counts breaches of rate and concurrency in count mode, answering every call', async () => {
    const run = await startJasper({
      faults: { latencyMs: 60 },
      settings: { rateLimit: { onExceed: 'count' } },
    });
    const adapter = run.adapter({ limiter: misconfigured() });
    const devices = [...run.devices.active, ...run.devices.suspended];
    const results = await Promise.all(devices.map((device) => adapter.getDeviceState(device)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(run.jasper.sim.gate.violations).toBeGreaterThan(0);
    expect(run.jasper.sim.gate.concurrencyViolations).toBeGreaterThan(0);
  });

  it('holds excess calls until they fit the limit in delay mode', async () => {
    const run = await startJasper({ settings: { rateLimit: { onExceed: 'delay' } } });
    const adapter = run.adapter({ limiter: misconfigured() });
    const devices = run.devices.active.slice(0, 6);
    const started = performance.now();
    const results = await Promise.all(devices.map((device) => adapter.getDeviceState(device)));
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(run.jasper.sim.gate.violations).toBeGreaterThan(0);
    // The server answers at its own pace: the sixth answer waits five intervals of 200 ms.
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });
});

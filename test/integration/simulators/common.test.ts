import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorAdmin } from '../../../main/core/simulators/common/admin';
import { startSimulator, type Simulator } from '../../../main/core/simulators/common/server';

const started: Simulator[] = [];
afterEach(async () => {
  for (const sim of started.splice(0)) await sim.close();
});

/** A one-route simulator: enough to exercise what every carrier simulator inherits. */
async function tinySimulator(options: Partial<Parameters<typeof startSimulator>[0]> = {}) {
  const sim = await startSimulator({
    name: 'tiny',
    seed: 3,
    routes: [
      {
        method: 'POST',
        path: '/lines/:iccid/suspend',
        handler: (req) => {
          sim.applied.record(req.params.iccid!, 'suspend');
          return {
            status: 200,
            body: { iccid: req.params.iccid, at: req.clock.date().toISOString() },
          };
        },
      },
    ],
    shapes: {
      throttled: (s) => ({
        status: 429,
        body: { error: 'slow down' },
        headers: { 'Retry-After': String(s) },
      }),
      serverError: () => ({ status: 503, body: { error: 'down' } }),
      notFound: () => ({ status: 404, body: { error: 'no such path' } }),
    },
    ...options,
  });
  started.push(sim);
  return sim;
}
const http = axios.create({ validateStatus: () => true });

describe('the simulator base', () => {
  it('keeps its admin endpoint behind the per-run token', async () => {
    const sim = await tinySimulator();
    expect((await http.get(`${sim.url}/__admin/state`)).status).toBe(404);
    expect(
      (await http.get(`${sim.url}/__admin/state`, { headers: { 'x-sim-admin': 'guess' } })).status,
    ).toBe(404);
    expect(await simulatorAdmin(sim.url, sim.adminToken).state()).toMatchObject({
      name: 'tiny',
      calls: 0,
    });
  });

  it('takes fault switches over the admin endpoint, and they take effect', async () => {
    const sim = await tinySimulator();
    const admin = simulatorAdmin(sim.url, sim.adminToken);
    await admin.setFaults({ errorRate: 1 });
    expect((await http.post(`${sim.url}/lines/8901/suspend`)).status).toBe(503);
    await admin.setFaults({ errorRate: 0, throttleRate: 1, retryAfterSeconds: 7 });
    const throttled = await http.post(`${sim.url}/lines/8901/suspend`);
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '7']);
    await expect(admin.setFaults({ errorRate: 2 })).rejects.toThrow(/400/);
    expect(sim.applied.total()).toBe(0);
  });

  it('fails exactly the calls it was told to, and counts what it applied', async () => {
    const sim = await tinySimulator({ faults: { failCalls: [2] } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await http.post(`${sim.url}/lines/8901/suspend`)).status);
    expect(statuses).toEqual([200, 503, 200]);
    expect(sim.applied.get('8901', 'suspend')).toBe(2);
    expect(sim.applied.duplicates()).toEqual([{ iccid: '8901', operation: 'suspend', count: 2 }]);
  });

  it('moves its clock forward on request, without waiting', async () => {
    const sim = await tinySimulator();
    await simulatorAdmin(sim.url, sim.adminToken).advanceClock(86_400_000);
    const answer = await http.post(`${sim.url}/lines/8901/suspend`);
    expect(Date.parse(answer.data.at as string) - Date.now()).toBeGreaterThan(86_000_000);
  });

  it('counts calls that break the carrier’s documented limit, and throttles them if told to', async () => {
    const sim = await tinySimulator({ rateLimit: { perSecond: 2, onExceed: 'throttle' } });
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(() => http.post(`${sim.url}/lines/8901/suspend`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(sim.gate.violations).toBe(2);
  });

  it('answers the same faults in the same order for the same seed', async () => {
    const pattern = async () => {
      const sim = await tinySimulator({ faults: { errorRate: 0.5 } });
      const out = [];
      for (let i = 0; i < 12; i += 1)
        out.push((await http.post(`${sim.url}/lines/8901/suspend`)).status);
      return out;
    };
    expect(await pattern()).toEqual(await pattern());
  });
});

// Carrier benchmark: N devices through each adapter against its simulator, with added latency
// and the carrier's documented rate limit, versus the cloud version's naive way (one device per
// request, one request at a time). Prints figures; it is not a test.
// Run: npm run bench:carriers [-- --devices 100 --latency 50]
import { parseArgs } from 'node:util';
import type { Carrier } from '../../shared/domain/carriers';
import type { CarrierCredentials } from '../../shared/domain/credentials';
import { createAdapter } from '../../main/core/carriers/registry';
import { Limiter } from '../../main/core/carriers/limiter';
import type { CarrierAdapter, DeviceOutcome, DeviceRef } from '../../main/core/carriers/types';
import type { Simulator } from '../../main/core/simulators/common/server';
import type { SimDevice } from '../../main/core/simulators/common/setup';
import { jasperSandboxCredentials, startJasperSimulator } from '../../main/core/simulators/jasper';
import { pondSandboxCredentials, startPondSimulator } from '../../main/core/simulators/pond';
import {
  startTelegenceSimulator,
  telegenceSandboxCredentials,
} from '../../main/core/simulators/telegence';
import {
  startThingSpaceSimulator,
  thingspaceSandboxCredentials,
} from '../../main/core/simulators/thingspace';
import { demoIccid, demoImei, demoMsisdn } from '../../main/core/workspace/demoDevices';
import { sandboxAccounts } from '../../main/core/workspace/sandboxCatalog';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '100' },
    latency: { type: 'string', default: '50' },
  },
});
const count = Number(values.devices);
const latencyMs = Number(values.latency);

async function startCarrier(
  carrier: Carrier,
  devices: SimDevice[],
  ratePlans: { code: string; name: string }[],
): Promise<{ sim: Simulator; credentials: CarrierCredentials }> {
  const setup = { devices, ratePlans, seed: 7, faults: { latencyMs } };
  switch (carrier) {
    case 'thingspace':
      return {
        sim: (
          await startThingSpaceSimulator({ ...setup, credentials: thingspaceSandboxCredentials })
        ).sim,
        credentials: { carrier, ...thingspaceSandboxCredentials },
      };
    case 'jasper':
      return {
        sim: (await startJasperSimulator({ ...setup, credentials: jasperSandboxCredentials })).sim,
        credentials: { carrier, ...jasperSandboxCredentials },
      };
    case 'telegence':
      return {
        sim: (await startTelegenceSimulator({ ...setup, credentials: telegenceSandboxCredentials }))
          .sim,
        credentials: { carrier, ...telegenceSandboxCredentials },
      };
    case 'pond':
      return {
        sim: (await startPondSimulator({ ...setup, credentials: pondSandboxCredentials })).sim,
        credentials: { carrier, ...pondSandboxCredentials },
      };
  }
}

type Operation = 'changeRatePlan' | 'activate';

/** The console's way: batches as large as the carrier takes, in the account's lane. */
async function consoleWay(
  adapter: CarrierAdapter,
  devices: DeviceRef[],
  op: Operation,
  plan: string,
): Promise<DeviceOutcome[]> {
  const size = adapter.capabilities.maxDevicesPerCall;
  const batches: DeviceRef[][] = [];
  for (let i = 0; i < devices.length; i += size) batches.push(devices.slice(i, i + size));
  const send = (batch: DeviceRef[]) =>
    op === 'activate'
      ? adapter.updateStatus(batch, 'activate', { ratePlan: plan, zipCode: '75001' })
      : adapter.changeRatePlan(batch, plan);
  return (await Promise.all(batches.map(send))).flat();
}

/** The cloud version's way: one device per request, each awaited before the next, no lane. */
async function naiveWay(
  adapter: CarrierAdapter,
  devices: DeviceRef[],
  op: Operation,
  plan: string,
): Promise<DeviceOutcome[]> {
  const outcomes: DeviceOutcome[] = [];
  for (const device of devices) {
    outcomes.push(
      ...(op === 'activate'
        ? await adapter.updateStatus([device], 'activate', { ratePlan: plan, zipCode: '75001' })
        : await adapter.changeRatePlan([device], plan)),
    );
  }
  return outcomes;
}

const cases: { account: (typeof sandboxAccounts)[number]; op: Operation }[] = [
  ...sandboxAccounts.map((account) => ({ account, op: 'changeRatePlan' as const })),
  { account: sandboxAccounts.find((a) => a.carrier === 'telegence')!, op: 'activate' },
];

const rows: Record<string, string>[] = [];
for (const { account, op } of cases) {
  const results: Record<string, { ms: number; calls: number; ok: number; throttled: number }> = {};
  for (const [way, send] of [
    ['console', consoleWay],
    ['naive', naiveWay],
  ] as const) {
    const devices: SimDevice[] = Array.from({ length: count }, (_, i) => ({
      iccid: demoIccid(account.iccidPrefix, i),
      imei: demoImei(i),
      msisdn: op === 'activate' ? null : demoMsisdn(i),
      status: op === 'activate' ? 'inventory' : 'active',
      ratePlan: account.ratePlans[0]!.code,
      communicationPlan: account.communicationPlans[0] ?? null,
    }));
    const { sim, credentials } = await startCarrier(account.carrier, devices, account.ratePlans);
    const limiter =
      way === 'console'
        ? new Limiter({
            ratePerSecond: account.rateLimitPerSecond,
            concurrency: account.maxConcurrency,
          })
        : new Limiter({ ratePerSecond: 10_000, concurrency: 1 });
    const adapter = createAdapter(credentials, { baseUrl: sim.url, limiter });
    await adapter.testConnection();
    const callsBefore = sim.callCount();
    const started = performance.now();
    const outcomes = await send(adapter, devices, op, account.ratePlans[1]!.code);
    results[way] = {
      ms: performance.now() - started,
      calls: sim.callCount() - callsBefore,
      ok: outcomes.filter((o) => o.kind !== 'failed').length,
      throttled: outcomes.filter((o) => o.kind === 'failed' && o.error.code === 'throttled').length,
    };
    await adapter.close();
    await sim.close();
  }
  const ours = results.console!;
  const naive = results.naive!;
  const achieved = ours.calls / (ours.ms / 1000);
  const okRate = (r: typeof ours) => r.ok / (r.ms / 1000);
  rows.push({
    carrier: account.carrier,
    operation: op,
    'allowed req/s': String(account.rateLimitPerSecond),
    'achieved ÷ allowed': (achieved / account.rateLimitPerSecond).toFixed(3),
    'requests/device': (ours.calls / count).toFixed(3),
    'console s': (ours.ms / 1000).toFixed(2),
    'console ok': `${ours.ok}/${count}`,
    'naive s': (naive.ms / 1000).toFixed(2),
    'naive ok': `${naive.ok}/${count}`,
    'naive throttled': String(naive.throttled),
    'speed-up (ok devices/s)': `${(okRate(ours) / okRate(naive)).toFixed(2)}×`,
  });
}
console.table(rows);
console.log(
  `${count} devices, ${latencyMs} ms added latency per request. Console = the account's lane and the carrier's batch size; ` +
    'naive = the cloud version: one device per request, sequential, no lane (throttled devices count as not done).',
);

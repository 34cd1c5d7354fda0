import { afterEach } from 'vitest';
import type { TelegenceCredentials } from '../../../../shared/domain/credentials';
import {
  createTelegenceAdapter,
  type TelegenceAdapter,
} from '../../../../main/core/carriers/telegence/adapter';
import type { TelegenceAdapterSettingsInput } from '../../../../main/core/carriers/telegence/settings';
import type { DeviceRef } from '../../../../main/core/carriers/types';
import type { FaultInput } from '../../../../main/core/simulators/common/faults';
import type { SimDevice } from '../../../../main/core/simulators/common/setup';
import {
  startTelegenceSimulator,
  type TelegenceSimSettingsInput,
  type TelegenceSimulator,
} from '../../../../main/core/simulators/telegence';
import { demoIccid, demoImei, demoMsisdn } from '../../../../main/core/workspace/demoDevices';
import { sandboxAccounts } from '../../../../main/core/workspace/sandboxCatalog';
import type { CarrierHarness, HarnessRun } from '../contract';

const credentials: TelegenceCredentials = {
  appId: 'test-app-id',
  appSecret: 'test-app-secret-7Qx2',
};
const ratePlans = sandboxAccounts.find((a) => a.carrier === 'telegence')!.ratePlans;
const PREFIX = '8901410';

type AdapterOptions = Parameters<HarnessRun['adapter']>[0] & {
  settings?: TelegenceAdapterSettingsInput;
};

export interface TelegenceRun extends HarnessRun {
  telegence: TelegenceSimulator;
  adapter(options?: AdapterOptions): TelegenceAdapter;
  devices: HarnessRun['devices'] & { deactivated: DeviceRef[] };
}

export interface RunOptions {
  faults?: FaultInput;
  settings?: TelegenceSimSettingsInput;
  /** How many SIMs without a line to seed (at least 3). */
  inventory?: number;
}

/** A fresh simulator seeded with lines in every status, plus spare SIMs to activate. */
export async function startTelegenceRun(options: RunOptions = {}): Promise<TelegenceRun> {
  const seeded: SimDevice[] = [];
  const refs: TelegenceRun['devices'] = {
    active: [],
    suspended: [],
    inventory: [],
    deactivated: [],
  };
  const add = (status: SimDevice['status'], count: number, into: DeviceRef[]) => {
    for (let i = 0; i < count; i += 1) {
      const index = seeded.length;
      const line = status !== 'inventory';
      const device: SimDevice = {
        iccid: demoIccid(PREFIX, index),
        imei: demoImei(index),
        msisdn: line ? demoMsisdn(index) : null,
        status,
        ratePlan: line ? ratePlans[0]!.code : null,
        communicationPlan: null,
      };
      seeded.push(device);
      into.push(
        line
          ? { iccid: device.iccid, imei: device.imei, msisdn: device.msisdn }
          : { iccid: device.iccid, imei: device.imei },
      );
    }
  };
  add('active', 8, refs.active);
  add('suspended', 3, refs.suspended);
  add('deactivated', 1, refs.deactivated);
  add('inventory', Math.max(3, options.inventory ?? 4), refs.inventory);

  const telegence = await startTelegenceSimulator({
    credentials,
    devices: seeded,
    ratePlans,
    seed: 7,
    faults: options.faults,
    settings: options.settings,
  });
  const { sim } = telegence;
  return {
    sim,
    telegence,
    devices: refs,
    plans: { other: ratePlans[1]!.code, unknown: 'NOSUCHPLAN' },
    fresh: { iccid: demoIccid(PREFIX, 900_000), imei: demoImei(900_000) },
    expireAuth: () => undefined,
    authAttempts: () => telegence.authAttempts(),
    secrets: [credentials.appSecret],
    adapter: (opts = {}) =>
      createTelegenceAdapter({
        baseUrl: sim.url,
        credentials: opts.wrongCredentials
          ? { appId: credentials.appId, appSecret: 'not-the-app-secret' }
          : credentials,
        limiter: opts.limiter,
        timeoutMs: opts.timeoutMs,
        onExchange: opts.onExchange,
        settings: opts.settings,
      }),
  };
}

export const telegenceHarness: CarrierHarness = {
  carrier: 'telegence',
  start: (options) => startTelegenceRun(options),
};

/** Starts runs for one test file and closes their adapters and simulators after each test. */
export function telegenceRuns(): {
  start(options?: RunOptions): Promise<TelegenceRun>;
  adapter(run: TelegenceRun, options?: AdapterOptions): TelegenceAdapter;
} {
  const open: { run: TelegenceRun; adapters: TelegenceAdapter[] }[] = [];
  afterEach(async () => {
    for (const { run, adapters } of open.splice(0)) {
      for (const adapter of adapters) await adapter.close();
      await run.sim.close();
    }
  });
  return {
    async start(options) {
      const run = await startTelegenceRun(options);
      open.push({ run, adapters: [] });
      return run;
    },
    adapter(run, options) {
      const adapter = run.adapter(options);
      open.find((entry) => entry.run === run)?.adapters.push(adapter);
      return adapter;
    },
  };
}

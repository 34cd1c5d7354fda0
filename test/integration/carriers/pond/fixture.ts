import { afterEach } from 'vitest';
import type { PondCredentials } from '../../../../shared/domain/credentials';
import { createPondAdapter } from '../../../../main/core/carriers/pond/adapter';
import type { PondWireOverrides } from '../../../../main/core/carriers/pond/wire';
import type { Exchange } from '../../../../main/core/carriers/http/client';
import { Limiter } from '../../../../main/core/carriers/limiter';
import type { CarrierAdapter, DeviceRef } from '../../../../main/core/carriers/types';
import type { FaultInput } from '../../../../main/core/simulators/common/faults';
import type { SimDevice } from '../../../../main/core/simulators/common/setup';
import { startPondSimulator, type PondSimulator } from '../../../../main/core/simulators/pond';
import type { PondSettingsInput } from '../../../../main/core/simulators/pond/settings';
import { demoIccid, demoImei, demoMsisdn } from '../../../../main/core/workspace/demoDevices';
import { sandboxAccounts } from '../../../../main/core/workspace/sandboxCatalog';

const account = sandboxAccounts.find((a) => a.carrier === 'pond')!;

/** The sandbox catalog's POND plans: their codes are the simulator's PackageTypeIds. */
export const pondPlans = account.ratePlans.map(({ code, name }) => ({ code, name }));
export const [globalSmall, globalLarge, northAmerica] = pondPlans.map((plan) => plan.code) as [
  string,
  string,
  string,
];

export const pondTestCredentials: PondCredentials = {
  distributorId: 'dist-4471',
  apiKey: 'pond-test-key-7f3a9c51',
};

const device = (index: number, status: SimDevice['status'], ratePlan: string | null) => ({
  iccid: demoIccid(account.iccidPrefix, index),
  imei: demoImei(index),
  msisdn: demoMsisdn(index),
  status,
  ratePlan,
  communicationPlan: null,
});

/** 6 active and 3 suspended lines on the small global plan, 3 inventory SIMs with no package. */
export function pondFleet() {
  const active = [0, 1, 2, 3, 4, 5].map((i) => device(i, 'active', globalSmall));
  const suspended = [6, 7, 8].map((i) => device(i, 'suspended', globalSmall));
  const inventory = [9, 10, 11].map((i) => device(i, 'inventory', null));
  const ref = ({ iccid, imei, msisdn }: SimDevice): DeviceRef => ({ iccid, imei, msisdn });
  return {
    simDevices: [...active, ...suspended, ...inventory],
    active: active.map(ref),
    suspended: suspended.map(ref),
    inventory: inventory.map(ref),
    fresh: { iccid: demoIccid(account.iccidPrefix, 99), imei: demoImei(99) },
  };
}

export interface PondRun {
  pond: PondSimulator;
  fleet: ReturnType<typeof pondFleet>;
  adapter(options?: {
    wire?: PondWireOverrides;
    apiKey?: string;
    onExchange?: (exchange: Exchange) => void;
  }): CarrierAdapter;
  /** Each request since call number `since`, as "METHOD path body → status", distributor cut. */
  trail(since: number): string[];
}

/**
 * Starts POND simulators for one test file and closes them after each test. These tests are
 * about POND's behaviour, not the lane, so their adapters run on a fast one.
 */
export function usePond(): (options?: {
  settings?: PondSettingsInput;
  faults?: FaultInput;
  simDevices?: SimDevice[];
  ratePlans?: { code: string; name: string }[];
}) => Promise<PondRun> {
  const running: PondSimulator[] = [];
  afterEach(async () => {
    for (const pond of running.splice(0)) await pond.sim.close();
  });
  return async (options = {}) => {
    const fleet = pondFleet();
    const pond = await startPondSimulator({
      credentials: pondTestCredentials,
      devices: options.simDevices ?? fleet.simDevices,
      ratePlans: options.ratePlans ?? pondPlans,
      seed: 11,
      faults: options.faults,
      settings: { rateLimit: { perSecond: 1000 }, ...options.settings },
    });
    running.push(pond);
    return {
      pond,
      fleet,
      adapter: (o = {}) =>
        createPondAdapter({
          baseUrl: pond.sim.url,
          credentials: { ...pondTestCredentials, ...(o.apiKey ? { apiKey: o.apiKey } : {}) },
          limiter: new Limiter({ ratePerSecond: 200, concurrency: 2 }),
          wire: o.wire,
          onExchange: o.onExchange,
        }),
      trail: (since) =>
        pond.sim.requests
          .slice(since)
          .map(
            (r) =>
              `${r.method} ${r.path.replace(`/${pondTestCredentials.distributorId}`, '')}${r.body ? ` ${r.body}` : ''} → ${r.status}`,
          ),
    };
  };
}

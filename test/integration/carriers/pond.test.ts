import { createPondAdapter } from '../../../main/core/carriers/pond/adapter';
import { startPondSimulator } from '../../../main/core/simulators/pond';
import { carrierContract, type CarrierHarness } from './contract';
import { northAmerica, pondFleet, pondPlans, pondTestCredentials } from './pond/fixture';

const harness: CarrierHarness = {
  carrier: 'pond',
  async start(options) {
    const fleet = pondFleet();
    // Default settings, so the contract meets the simulator's own rate gate with the default lane.
    const pond = await startPondSimulator({
      credentials: pondTestCredentials,
      devices: fleet.simDevices,
      ratePlans: pondPlans,
      seed: 3,
      faults: options?.faults,
    });
    return {
      sim: pond.sim,
      adapter: (o = {}) =>
        createPondAdapter({
          baseUrl: pond.sim.url,
          credentials: o.wrongCredentials
            ? { ...pondTestCredentials, apiKey: 'not-the-key-0000' }
            : pondTestCredentials,
          timeoutMs: o.timeoutMs,
          limiter: o.limiter,
          onExchange: o.onExchange,
        }),
      devices: { active: fleet.active, suspended: fleet.suspended, inventory: fleet.inventory },
      plans: { other: northAmerica, unknown: 'POND-NOWHERE-0MB' },
      fresh: fleet.fresh,
      // POND sends its API key on every request: there is no token or session to expire.
      expireAuth: () => undefined,
      authAttempts: () => pond.authAttempts(),
      secrets: [pondTestCredentials.apiKey],
    };
  },
};

carrierContract(harness);

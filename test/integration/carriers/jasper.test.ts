import { afterEach } from 'vitest';
import { carrierContract } from './contract';
import { basicToken, closeAll, credentials, plans, startJasper } from './jasper/harness';

afterEach(closeAll);

carrierContract({
  carrier: 'jasper',
  async start(options) {
    const run = await startJasper({ faults: options?.faults });
    return {
      sim: run.jasper.sim,
      adapter: (adapterOptions) => run.adapter(adapterOptions),
      devices: run.devices,
      plans: { other: plans.other, unknown: plans.unknown },
      fresh: run.fresh,
      // Basic auth on every call: there is no token or session to expire.
      expireAuth: () => {},
      authAttempts: () => run.jasper.authAttempts(),
      secrets: [credentials.apiKey, basicToken],
    };
  },
});

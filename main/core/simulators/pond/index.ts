import type { PondCredentials } from '../../../../shared/domain/credentials';
import { SimClock } from '../common/clock';
import type { Route, SimHandler } from '../common/router';
import { startSimulator, type Simulator } from '../common/server';
import type { SimulatorSetup } from '../common/setup';
import type { PondContext } from './context';
import { deviceRoutes } from './deviceRoutes';
import { packageRoutes } from './packageRoutes';
import { PondSettings, type PondSettingsInput } from './settings';
import { PondInventory, statusWord, type PackageStatus } from './state';
import { pondShapes } from './wire';

/** The sandbox workspace's POND account: obviously fake, accepted by its simulator. */
export const pondSandboxCredentials: PondCredentials = {
  distributorId: 'sandbox-distributor',
  apiKey: 'sandbox-key-not-secret',
};

/** A running POND simulator and the hooks tests and the sandbox use to look inside it. */
export interface PondSimulator {
  sim: Simulator;
  settings: PondSettings;
  /** A SIM's packages in creation order, as the simulator holds them. */
  packagesOf(iccid: string): { id: number; typeCode: string; status: PackageStatus }[];
  /** Gives a SIM a package directly, e.g. a second ACTIVE one to set up a messy line. */
  addPackage(iccid: string, typeCode: string, status: PackageStatus): number;
  /** The status word POND reports for a SIM, or undefined once it was purged. */
  statusOf(iccid: string): string | undefined;
  /** Requests that presented themselves to the API-key (or purge-token) check. */
  authAttempts(): number;
  /**
   * Applies the given calls (1-based, as FaultSettings.failCalls) and then garbles their answer,
   * as a connection lost after POND acted: the client can't tell whether the change landed.
   */
  loseAnswerAfterApplying(...callNumbers: number[]): void;
}

/** Starts a POND IoT simulator on 127.0.0.1 (carrier-apis.md §4 and §7.4). */
export async function startPondSimulator(
  setup: SimulatorSetup<PondCredentials> & { settings?: PondSettingsInput },
): Promise<PondSimulator> {
  const settings = PondSettings.parse(setup.settings ?? {});
  const clock = setup.clock ?? new SimClock();
  const inventory = new PondInventory(setup, settings.serviceFlags, clock);
  let authAttempts = 0;
  const lostAnswers = new Set<number>();
  const context: PondContext = {
    settings,
    credentials: setup.credentials,
    inventory,
    // Handlers run only once the server is up, so `sim` is always set by then.
    deviceFailure: (iccid) => sim.faults().deviceFailures[iccid],
    applied: (iccid, operation) => sim.applied.record(iccid, operation),
    countAuthAttempt: () => {
      authAttempts += 1;
    },
  };
  const losing =
    (handler: SimHandler): SimHandler =>
    async (request) => {
      const lost = lostAnswers.has(sim.callCount());
      const response = await handler(request);
      return lost && response.status < 300
        ? { status: 200, text: '{"PackageId":', headers: { 'Content-Type': 'application/json' } }
        : response;
    };
  const routes: Route[] = [...deviceRoutes(context), ...packageRoutes(context)].map((route) => ({
    ...route,
    handler: losing(route.handler),
  }));
  const sim: Simulator = await startSimulator({
    name: 'pond',
    routes,
    seed: setup.seed,
    faults: setup.faults,
    rateLimit: settings.rateLimit,
    shapes: pondShapes,
    clock,
    port: setup.port,
  });
  return {
    sim,
    settings,
    packagesOf: (iccid) =>
      inventory.packagesOf(iccid).map(({ id, typeCode, status }) => ({ id, typeCode, status })),
    addPackage: (iccid, typeCode, status) => inventory.addPackage(iccid, typeCode, status).id,
    statusOf: (iccid) => {
      const device = inventory.devices.get(iccid);
      return device && statusWord(device);
    },
    authAttempts: () => authAttempts,
    loseAnswerAfterApplying: (...callNumbers) => {
      for (const call of callNumbers) lostAnswers.add(call);
    },
  };
}

import type { JasperCredentials } from '../../../../shared/domain/credentials';
import { Limiter } from '../../carriers/limiter';
import { SimClock } from '../common/clock';
import type { SimHandler } from '../common/router';
import { startSimulator, type Simulator } from '../common/server';
import type { SimulatorSetup } from '../common/setup';
import { checkBasicAuth } from './auth';
import { transitionRefusal } from './edit';
import { Inventory, type JasperDevice, type ScheduledEdit } from './inventory';
import { consoleHostPage, hostOf, jasperShapes } from './responses';
import { jasperRoutes } from './routes';
import { JasperSettings, type JasperSettingsInput } from './settings';
import { JasperStatus } from './statuses';

export { JasperSettings, type JasperSettingsInput } from './settings';
export type { JasperStatus } from './statuses';

/** Obviously fake credentials for the sandbox workspace's Control Center account. */
export const jasperSandboxCredentials: JasperCredentials = {
  username: 'sandbox-user',
  apiKey: 'sandbox-key-not-secret',
};

/** A running Control Center simulator and the hooks that steer what the API can't. */
export interface JasperSimulator {
  sim: Simulator;
  settings: JasperSettings;
  /** Calls that presented credentials, right or wrong: Basic auth is checked on every call. */
  authAttempts(): number;
  /** A device as Control Center holds it now (a copy), after any due scheduled edits. */
  device(iccid: string): JasperDevice | undefined;
  /** Future-dated edits received so far, with their outcome once their date has come. */
  scheduled(): readonly ScheduledEdit[];
  /** Applies scheduled edits the simulated clock has reached; also runs before every call. */
  applyDueChanges(): number;
  /** [doc] TEST_READY → ACTIVATION_READY by itself once the free test allowance is used up. */
  useUpTestAllowance(iccid: string): boolean;
  /** [doc] A data session; ACTIVATION_READY → ACTIVATED by itself on the first one. */
  startDataSession(iccid: string): boolean;
  /** A change made outside the API (portal user, operator): no transition rules apply. */
  setStatus(iccid: string, status: JasperStatus): boolean;
}

const CONNECTABLE: ReadonlySet<JasperStatus> = new Set([
  'TEST_READY',
  'TRIAL',
  'ACTIVATION_READY',
  'ACTIVATED',
]);

/** Starts a Cisco Control Center REST simulator on 127.0.0.1 (reference §7.2). */
export async function startJasperSimulator(
  setup: SimulatorSetup<JasperCredentials> & { settings?: JasperSettingsInput },
): Promise<JasperSimulator> {
  const settings = JasperSettings.parse(setup.settings ?? {});
  const clock = setup.clock ?? new SimClock();
  const seed = setup.seed ?? 1;
  let attempts = 0;
  // Filled in once the server is up; the inventory reports applied changes to its counter.
  const started: { sim?: Simulator } = {};
  const inventory = new Inventory(
    setup.devices,
    clock,
    settings.accountId,
    (iccid, operation) => started.sim?.applied.record(iccid, operation),
    seed,
  );
  const ratePlans = new Set([
    ...setup.ratePlans.map((plan) => plan.code),
    ...setup.devices.flatMap((device) => (device.ratePlan ? [device.ratePlan] : [])),
  ]);
  const communicationPlans = new Set([
    ...settings.communicationPlans,
    ...settings.fixedIpCommunicationPlans,
    ...setup.devices.flatMap((device) =>
      device.communicationPlan ? [device.communicationPlan] : [],
    ),
  ]);
  const applyDue = () =>
    inventory.applyDue((device, edit) => transitionRefusal(settings, device, edit));
  // `delay` mode: the server itself serialises calls at the documented limit, so excess calls
  // wait for their answer instead of being refused. The gate still counts them.
  const serverLane =
    settings.rateLimit.onExceed === 'delay'
      ? new Limiter({
          ratePerSecond: settings.rateLimit.perSecond,
          concurrency: settings.rateLimit.concurrency,
        })
      : undefined;

  const guard =
    (handler: SimHandler): SimHandler =>
    (request) => {
      const run = async () => {
        if (hostOf(request) === settings.consoleHost.toLowerCase()) return consoleHostPage();
        if (request.headers.authorization !== undefined) attempts += 1;
        const refused = checkBasicAuth(request, setup.credentials);
        if (refused) return refused;
        applyDue();
        return handler(request);
      };
      return serverLane ? serverLane.run(run) : run();
    };

  const routes = jasperRoutes({
    inventory,
    settings,
    faults: () => started.sim!.faults(),
    editContext: () => ({ settings, now: clock.now(), ratePlans, communicationPlans }),
  }).map((route) => ({ ...route, handler: guard(route.handler) }));

  const hooks = {
    useUpTestAllowance: (iccid: string) =>
      inventory.get(iccid)?.status === 'TEST_READY' &&
      inventory.setStatus(iccid, 'ACTIVATION_READY'),
    startDataSession: (iccid: string) => {
      const device = inventory.get(iccid);
      if (!device || !CONNECTABLE.has(device.status)) return false;
      device.usage.sessions += 1;
      device.usage.dataBytes += 1_500_000;
      if (device.status === 'ACTIVATION_READY') inventory.setStatus(iccid, 'ACTIVATED');
      return true;
    },
  };

  const sim = await startSimulator({
    name: 'jasper',
    routes,
    adminRoutes: [
      {
        method: 'POST',
        path: '/__admin/jasper/apply-due',
        handler: () => ({ status: 200, body: { applied: applyDue() } }),
      },
      {
        method: 'GET',
        path: '/__admin/jasper/scheduled',
        handler: () => ({ status: 200, body: inventory.schedule }),
      },
      {
        method: 'POST',
        path: '/__admin/jasper/devices/:iccid/data-session',
        handler: (req) => ({
          status: 200,
          body: { connected: hooks.startDataSession(req.params.iccid!) },
        }),
      },
      {
        method: 'POST',
        path: '/__admin/jasper/devices/:iccid/test-allowance-used',
        handler: (req) => ({
          status: 200,
          body: { moved: hooks.useUpTestAllowance(req.params.iccid!) },
        }),
      },
    ],
    seed,
    faults: setup.faults,
    rateLimit: {
      perSecond: settings.rateLimit.perSecond,
      concurrency: settings.rateLimit.concurrency,
      onExceed: settings.rateLimit.onExceed === 'throttle' ? 'throttle' : 'count',
    },
    shapes: jasperShapes(settings),
    clock,
    port: setup.port,
  });
  started.sim = sim;

  return {
    sim,
    settings,
    authAttempts: () => attempts,
    device: (iccid) => {
      applyDue();
      const device = inventory.get(iccid);
      return device && structuredClone(device);
    },
    scheduled: () => inventory.schedule,
    applyDueChanges: applyDue,
    ...hooks,
    setStatus: (iccid, status) => inventory.setStatus(iccid, JasperStatus.parse(status)),
  };
}

import type { TelegenceCredentials } from '../../../../shared/domain/credentials';
import { SimClock } from '../common/clock';
import type { Route, SimHandler } from '../common/router';
import { startSimulator, type Simulator } from '../common/server';
import type { SimulatorSetup } from '../common/setup';
import { activationStatus, settleActivations, submitActivations } from './activations';
import { requireAppCredentials } from './auth';
import type { TelegenceSimContext } from './context';
import { getLine, lineDetail, patchLine } from './lines';
import { TelegenceSimSettings, type TelegenceSimSettingsInput } from './settings';
import { telegenceShapes } from './shapes';
import {
  ipProvisioningStatus,
  requestIpAddresses,
  settleIpBatches,
  submitIpProvisioning,
} from './staticIp';
import { listSubscribers } from './subscriberList';
import { TelegenceState, type ActivationRequest, type Line } from './state';

export { TelegenceSimSettings, type TelegenceSimSettingsInput } from './settings';

/** Fixed, obviously fake credentials the sandbox workspace signs in with. */
export const telegenceSandboxCredentials: TelegenceCredentials = {
  appId: 'sandbox-app-id',
  appSecret: 'sandbox-app-secret-not-secret',
};

/** The documented paths (the Itential AT&T Mobility adapter, carrier-apis.md §3.2). */
export const telegencePaths = {
  activations: '/sp/mobilityactivations/api/v1/serviceactivation',
  line: '/sp/mobility/lineconfig/api/v1/service',
} as const;

/** A running Telegence simulator and the hooks tests and the sandbox steer it with. */
export interface TelegenceSimulator {
  sim: Simulator;
  settings(): TelegenceSimSettings;
  /** Changes settings while running (except `throttling` and `paths`, read at start). */
  setSettings(patch: TelegenceSimSettingsInput): void;
  /** Settles every pending activation now, whatever its latency. */
  completeActivations(): void;
  /** Requests that carried app-id/app-secret headers, accepted or not. */
  authAttempts(): number;
  line(subscriberNumber: string): Line | undefined;
  lineBySim(iccid: string): Line | undefined;
  activation(id: string): ActivationRequest | undefined;
}

/** Starts a local AT&T Telegence API on loopback, seeded from `setup`. */
export async function startTelegenceSimulator(
  setup: SimulatorSetup<TelegenceCredentials> & { settings?: TelegenceSimSettingsInput },
): Promise<TelegenceSimulator> {
  const clock = setup.clock ?? new SimClock();
  let settings = TelegenceSimSettings.parse(setup.settings ?? {});
  let attempts = 0;
  // Handlers need the simulator's counters, which exist only once it has started.
  const holder: { sim?: Simulator } = {};
  const running = () => {
    if (!holder.sim) throw new Error('The Telegence simulator is not running yet.');
    return holder.sim;
  };
  const ctx: TelegenceSimContext = {
    state: new TelegenceState(setup.devices, setup.seed ?? 1, clock.now()),
    settings: () => settings,
    faults: () => running().faults(),
    ratePlans: new Map(setup.ratePlans.map((plan) => [plan.code, plan.name])),
    record: (iccid, operation) => running().applied.record(iccid, operation),
  };

  // Every call first settles what is due, so the books always match the simulated clock.
  const carrierCall = (handler: SimHandler): SimHandler =>
    requireAppCredentials(
      setup.credentials,
      () => settings.authFailureStatus,
      () => (attempts += 1),
      (request) => {
        settleActivations(ctx, request.clock.now());
        settleIpBatches(ctx, request.clock.now());
        return handler(request);
      },
    );
  const routes: Route[] = [
    {
      method: 'POST',
      path: telegencePaths.activations,
      handler: carrierCall((req) => submitActivations(ctx, req)),
    },
    {
      method: 'GET',
      path: `${telegencePaths.activations}/:id`,
      handler: carrierCall((req) => activationStatus(ctx, req)),
    },
    {
      method: 'GET',
      path: `${telegencePaths.line}/:subscriberNumber`,
      handler: carrierCall((req) => getLine(ctx, req)),
    },
    {
      method: 'PATCH',
      path: `${telegencePaths.line}/:subscriberNumber`,
      handler: carrierCall((req) => patchLine(ctx, req)),
    },
    {
      method: 'GET',
      path: settings.paths.subscriberList,
      handler: carrierCall((req) => listSubscribers(ctx, req)),
    },
    {
      method: 'POST',
      path: settings.paths.ipAddresses,
      handler: carrierCall((req) => requestIpAddresses(ctx, req)),
    },
    {
      method: 'POST',
      path: settings.paths.ipProvisioning,
      handler: carrierCall((req) => submitIpProvisioning(ctx, req)),
    },
    {
      method: 'GET',
      path: settings.paths.ipProvisioningStatus,
      handler: carrierCall((req) => ipProvisioningStatus(ctx, req)),
    },
  ];

  const completeActivations = () => {
    const now = clock.now();
    for (const activation of ctx.state.activations.values()) {
      if (activation.settledAt === undefined) activation.dueAt = Math.min(activation.dueAt, now);
    }
    settleActivations(ctx, now);
  };
  const setSettings = (patch: TelegenceSimSettingsInput) => {
    settings = TelegenceSimSettings.parse({ ...settings, ...patch });
  };
  const adminRoutes: Route[] = [
    {
      method: 'POST',
      path: '/__admin/telegence/activations/complete',
      handler: () => {
        completeActivations();
        return { status: 200, body: { completed: true } };
      },
    },
    {
      method: 'PUT',
      path: '/__admin/telegence/settings',
      handler: (req) => {
        const patch = typeof req.body === 'object' && req.body !== null ? req.body : {};
        const parsed = TelegenceSimSettings.safeParse({ ...settings, ...patch });
        if (!parsed.success) return { status: 400, body: { error: parsed.error.message } };
        settings = parsed.data;
        return { status: 200, body: settings };
      },
    },
    {
      method: 'GET',
      path: '/__admin/telegence/lines',
      handler: () => ({
        status: 200,
        body: [...ctx.state.lines.values()].map((line) => lineDetail(ctx, line)),
      }),
    },
  ];

  const { throttling } = settings;
  const sim = await startSimulator({
    name: 'telegence',
    routes,
    adminRoutes,
    seed: setup.seed,
    faults: setup.faults,
    port: setup.port,
    clock,
    shapes: telegenceShapes,
    rateLimit:
      throttling.mode === 'off'
        ? undefined
        : {
            perSecond: throttling.perSecond,
            concurrency: throttling.concurrency,
            onExceed: throttling.mode,
          },
  });

  holder.sim = sim;
  return {
    sim,
    settings: () => settings,
    setSettings,
    completeActivations,
    authAttempts: () => attempts,
    line: (subscriberNumber) => ctx.state.lines.get(subscriberNumber),
    lineBySim: (iccid) => ctx.state.lineBySim(iccid),
    activation: (id) => ctx.state.activations.get(id),
  };
}

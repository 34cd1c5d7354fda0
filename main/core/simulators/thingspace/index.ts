import type { ThingSpaceCredentials } from '../../../../shared/domain/credentials';
import { seededRandom } from '../../workspace/random';
import { SimClock } from '../common/clock';
import type { Route } from '../common/router';
import { startSimulator, type Simulator } from '../common/server';
import type { SimulatorSetup } from '../common/setup';
import { SimAuth, gatewayFault } from './auth';
import { Inventory, type SimLine } from './inventory';
import { RequestBook } from './requests';
import { thingSpaceRoutes } from './routes';
import { ThingSpaceSimSettings, type ThingSpaceSimSettingsInput } from './settings';
import { vzError } from './validation';

export { ThingSpaceSimSettings, type ThingSpaceSimSettingsInput } from './settings';

/** Fixed, obviously fake credentials the sandbox workspace signs in with. */
export const thingspaceSandboxCredentials: ThingSpaceCredentials = {
  clientId: 'sandbox-client-id',
  clientSecret: 'sandbox-client-secret-not-secret',
  username: 'sandbox-uws-user',
  password: 'sandbox-password-not-secret',
  accountName: '0000123456-00001',
};

/** A running ThingSpace simulator and the hooks tests and the sandbox steer it with. */
export interface ThingSpaceSimulator {
  sim: Simulator;
  /** Current settings; `configure` changes them while running. */
  settings(): ThingSpaceSimSettings;
  configure(patch: ThingSpaceSimSettingsInput): void;
  /** Revokes the OAuth token and ends every session, as if both had expired. */
  expireAuth(): void;
  unlockUser(username: string): void;
  isLocked(username: string): boolean;
  failedLogins(username: string): number;
  loginAttempts(): number;
  tokenRequests(): number;
  /** Every token and session token issued so far. */
  issuedTokens(): readonly string[];
  /** Finishes every pending request now, whatever its latency. */
  completePending(): void;
  /** The line with this ICCID as the simulator holds it. */
  line(iccid: string): Readonly<SimLine> | undefined;
}

/** A UUID v4 drawn from the seeded generator, so a run is the same every time. */
function uuidFrom(random: () => number): () => string {
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

/** Starts a Verizon ThingSpace simulator on 127.0.0.1 (carrier-apis.md §7.1). */
export async function startThingSpaceSimulator(
  setup: SimulatorSetup<ThingSpaceCredentials> & { settings?: ThingSpaceSimSettingsInput },
): Promise<ThingSpaceSimulator> {
  let settings = ThingSpaceSimSettings.parse(setup.settings ?? {});
  const clock = setup.clock ?? new SimClock();
  // A generator of its own, so issuing ids does not shift the fault draws.
  const newId = uuidFrom(seededRandom((setup.seed ?? 1) * 7919 + 17));
  const inventory = new Inventory(setup.devices, clock.now());
  const auth = new SimAuth(setup.credentials, () => settings, clock, newId);
  // The book reports to the simulator, which is started with the book's routes: bind late.
  const started: { sim?: Simulator } = {};
  const book = new RequestBook(
    inventory,
    {
      deviceFailure: (iccid) => started.sim?.faults().deviceFailures[iccid],
      applied: (iccid, operation) => started.sim?.applied.record(iccid, operation),
    },
    () => settings,
    clock,
    newId,
  );
  const pendingSeeds = inventory.lines.filter((line) => line.pendingActivation);
  if (pendingSeeds.length > 0)
    book.submit(
      'activate',
      pendingSeeds.map((line) => ({ line, params: {} })),
    );

  const hooks = {
    expireAuth: () => auth.expireAll(),
    unlockUser: (username: string) => auth.unlock(username),
    completePending: () => book.processDue(true),
  };
  const adminRoutes: Route[] = [
    {
      method: 'POST',
      path: '/__admin/thingspace/expire-auth',
      handler: () => (hooks.expireAuth(), { status: 200, body: { ok: true } }),
    },
    {
      method: 'POST',
      path: '/__admin/thingspace/unlock',
      handler: (request) => {
        hooks.unlockUser(String((request.body as { username?: unknown } | undefined)?.username));
        return { status: 200, body: { ok: true } };
      },
    },
    {
      method: 'POST',
      path: '/__admin/thingspace/complete-pending',
      handler: () => (hooks.completePending(), { status: 200, body: { ok: true } }),
    },
    {
      method: 'GET',
      path: '/__admin/thingspace/lines',
      handler: () => ({ status: 200, body: inventory.lines }),
    },
  ];

  const sim = await startSimulator({
    name: 'thingspace',
    routes: thingSpaceRoutes({
      auth,
      book,
      inventory,
      settings: () => settings,
      clock,
      accountName: setup.credentials.accountName,
      plans: setup.ratePlans,
    }),
    adminRoutes,
    seed: setup.seed,
    faults: setup.faults,
    // ThingSpace documents no general call-rate limit, only the per-minute activate cap.
    shapes: {
      // [assumed] The WSO2 gateway's throttling fault; the M2M API's real signal is unknown.
      throttled: (retryAfterSeconds) => ({
        ...gatewayFault(429, '900800', 'Message throttled out'),
        headers: { 'Retry-After': String(retryAfterSeconds) },
      }),
      serverError: () =>
        vzError('UnifiedWebService.REQUEST_FAILED.UnexpectedError', 'Unexpected error.', 503),
      notFound: () =>
        gatewayFault(400, '900906', 'No matching resource found in the API for the given request'),
    },
    clock,
    port: setup.port,
  });
  started.sim = sim;

  return {
    sim,
    settings: () => settings,
    configure: (patch) => {
      settings = ThingSpaceSimSettings.parse({ ...settings, ...patch });
    },
    ...hooks,
    isLocked: (username) => auth.isLocked(username),
    failedLogins: (username) => auth.failedLoginsOf(username),
    loginAttempts: () => auth.loginAttempts,
    tokenRequests: () => auth.tokenRequests,
    issuedTokens: () => auth.issued,
    line: (iccid) => inventory.lines.find((line) => line.iccid === iccid),
  };
}

import axios from 'axios';
import { afterEach } from 'vitest';
import type { ThingSpaceCredentials } from '../../../../shared/domain/credentials';
import {
  createThingSpaceAdapter,
  type ThingSpaceAdapterOptions,
} from '../../../../main/core/carriers/thingspace/adapter';
import type {
  CarrierAdapter,
  DeviceOutcome,
  DeviceRef,
} from '../../../../main/core/carriers/types';
import type { FaultInput } from '../../../../main/core/simulators/common/faults';
import type { SimDevice } from '../../../../main/core/simulators/common/setup';
import {
  startThingSpaceSimulator,
  type ThingSpaceSimSettingsInput,
  type ThingSpaceSimulator,
} from '../../../../main/core/simulators/thingspace';
import { demoIccid, demoImei, demoMsisdn } from '../../../../main/core/workspace/demoDevices';
import { sandboxAccounts } from '../../../../main/core/workspace/sandboxCatalog';
import type { HarnessRun } from '../contract';

const account = sandboxAccounts.find((a) => a.carrier === 'thingspace')!;
export const plans = account.ratePlans.map(({ code, name }) => ({ code, name }));
export const homePlan = plans[0]!.code;
export const otherPlan = plans[1]!.code;

export const credentials: ThingSpaceCredentials = {
  clientId: 'test-app-key-7f3a',
  clientSecret: 'test-app-secret-91c2',
  username: 'desk-uws-user',
  password: 'uws-password-5d8e',
  accountName: '0000123456-00001',
};

const device = (index: number, status: SimDevice['status']): SimDevice => ({
  iccid: demoIccid(account.iccidPrefix, index),
  imei: demoImei(index),
  msisdn: demoMsisdn(index),
  status,
  ratePlan: status === 'inventory' ? null : homePlan,
  communicationPlan: null,
});

/** 8 active, 3 suspended, 3 inventory (pre-active) and 1 deactivated line. */
const seed: SimDevice[] = [
  ...Array.from({ length: 8 }, (_, i) => device(i, 'active')),
  ...Array.from({ length: 3 }, (_, i) => device(10 + i, 'suspended')),
  ...Array.from({ length: 3 }, (_, i) => device(20 + i, 'inventory')),
  device(30, 'deactivated'),
];
const refs = (status: SimDevice['status']): DeviceRef[] =>
  seed
    .filter((d) => d.status === status)
    .map((d) => ({ iccid: d.iccid, imei: d.imei, msisdn: d.msisdn }));

export const fresh = { iccid: demoIccid(account.iccidPrefix, 999), imei: demoImei(999) };

const DAY = 86_400_000;
/** 01:00 UTC on the day after `ms`. */
export const nextUtcDay = (ms: number) => Math.floor(ms / DAY) * DAY + DAY + 3_600_000;
/** 01:00 UTC on the first of the month after `ms`. */
export function nextUtcMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, 1);
}

export interface ThingSpaceRun {
  ts: ThingSpaceSimulator;
  adapter(
    options?: Partial<ThingSpaceAdapterOptions> & { wrongCredentials?: boolean },
  ): CarrierAdapter;
  devices: {
    active: DeviceRef[];
    suspended: DeviceRef[];
    inventory: DeviceRef[];
    deactivated: DeviceRef[];
  };
  /** Moves the simulated clock forward to `ms`. */
  advanceTo(ms: number): void;
  close(): Promise<void>;
}

/**
 * A fresh simulator whose clock starts at 01:00 UTC, so day and month quotas are never cut by a
 * midnight the test didn't ask for, and adapters that share its clock.
 */
export async function startRun(
  options: { faults?: FaultInput; settings?: ThingSpaceSimSettingsInput } = {},
): Promise<ThingSpaceRun> {
  const ts = await startThingSpaceSimulator({
    credentials,
    devices: seed,
    ratePlans: plans,
    seed: 7,
    faults: options.faults,
    settings: options.settings,
  });
  const advanceTo = (ms: number) => ts.sim.clock.advance(Math.max(0, ms - ts.sim.clock.now()));
  advanceTo(nextUtcDay(ts.sim.clock.now()));
  const adapters: CarrierAdapter[] = [];
  return {
    ts,
    advanceTo,
    adapter: ({ wrongCredentials, ...rest } = {}) => {
      const adapter = createThingSpaceAdapter({
        baseUrl: ts.sim.url,
        credentials: wrongCredentials
          ? { ...credentials, password: 'not-the-password' }
          : credentials,
        now: () => ts.sim.clock.now(),
        ...rest,
      });
      adapters.push(adapter);
      return adapter;
    },
    devices: {
      active: refs('active'),
      suspended: refs('suspended'),
      inventory: refs('inventory'),
      deactivated: refs('deactivated'),
    },
    close: async () => {
      for (const adapter of adapters) await adapter.close();
      await ts.sim.close();
    },
  };
}

/** The contract's view of a run. */
export function contractRun(run: ThingSpaceRun): HarnessRun {
  const { ts } = run;
  return {
    sim: ts.sim,
    adapter: (options) => run.adapter(options),
    devices: run.devices,
    plans: { other: otherPlan, unknown: 'NO-SUCH-PLAN' },
    fresh: { ...fresh },
    expireAuth: () => ts.expireAuth(),
    authAttempts: () => ts.loginAttempts() + ts.tokenRequests(),
    get secrets() {
      // Keys, passwords and tokens; the username and account name are identifiers, not secrets.
      return [credentials.clientSecret, credentials.password, ...ts.issuedTokens()];
    },
  };
}

/** Moves past the carrier's latency and polls, as the engine will, until the change settles. */
export async function settle(
  run: ThingSpaceRun,
  adapter: CarrierAdapter,
  outcome: DeviceOutcome,
): Promise<DeviceOutcome> {
  if (outcome.kind !== 'accepted') return outcome;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    run.ts.sim.clock.advance(10 * 60_000);
    const polled = await adapter.pollRequest(outcome.carrierRequestId, outcome.device);
    if (polled.kind === 'done')
      return { kind: 'done', device: outcome.device, state: polled.state };
    if (polled.kind === 'failed')
      return { kind: 'failed', device: outcome.device, error: polled.error };
  }
  throw new Error(`request ${outcome.carrierRequestId} never settled`);
}

/** A bare ThingSpace client for asserting what the simulator itself does with a request. */
export async function rawClient(url: string) {
  const http = axios.create({ baseURL: url, validateStatus: () => true });
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
    'base64',
  );
  const token = await http.post<{ access_token: string }>(
    '/api/ts/v1/oauth2/token',
    'grant_type=client_credentials',
    {
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    },
  );
  const bearer = { Authorization: `Bearer ${token.data.access_token}` };
  const login = await http.post<{ sessionToken: string }>(
    '/api/m2m/v1/session/login',
    { username: credentials.username, password: credentials.password },
    { headers: bearer },
  );
  const headers = { ...bearer, 'VZ-M2M-Token': login.data.sessionToken };
  return {
    http,
    basic,
    bearer,
    post: (path: string, body: unknown) => http.post(`/api/m2m/v1${path}`, body, { headers }),
    put: (path: string, body: unknown) => http.put(`/api/m2m/v1${path}`, body, { headers }),
    get: (path: string) => http.get(`/api/m2m/v1${path}`, { headers }),
  };
}

/** Starts runs for a test and closes every one of them after it. */
export function useRuns(): (...args: Parameters<typeof startRun>) => Promise<ThingSpaceRun> {
  const runs: ThingSpaceRun[] = [];
  afterEach(async () => {
    for (const run of runs.splice(0)) await run.close();
  });
  return async (...args) => {
    const run = await startRun(...args);
    runs.push(run);
    return run;
  };
}

import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { credentials, rawClient, useRuns } from './harness';

const setUp = useRuns();

describe('ThingSpace sign-in', () => {
  it('hands out the same OAuth token for its whole hour and a new one after', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const token = () =>
      raw.http.post<{ access_token: string; expires_in: number }>(
        '/api/ts/v1/oauth2/token',
        'grant_type=client_credentials',
        {
          headers: {
            Authorization: `Basic ${raw.basic}`,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
        },
      );
    const first = await token();
    run.ts.sim.clock.advance(59 * 60_000);
    const later = await token();
    expect(later.data.access_token).toBe(first.data.access_token);
    expect(later.data.expires_in).toBeLessThanOrEqual(60);
    run.ts.sim.clock.advance(2 * 60_000);
    expect((await token()).data.access_token).not.toBe(first.data.access_token);
  });

  it('refuses a token request without Basic credentials or without the client_credentials grant', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const bare = await raw.http.post('/api/ts/v1/oauth2/token', 'grant_type=client_credentials', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(bare.status).toBe(401);
    expect(bare.data).toMatchObject({ fault: { code: '900902' } });
    const noGrant = await raw.http.post('/api/ts/v1/oauth2/token', 'grant_type=password', {
      headers: {
        Authorization: `Basic ${raw.basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    });
    expect(noGrant.status).toBe(400);
    expect(noGrant.data).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses an M2M call whose bearer token was revoked with the gateway’s 900901', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    run.ts.expireAuth();
    const answer = await raw.get(`/plans/${credentials.accountName}`);
    expect(answer.status).toBe(401);
    expect(answer.data).toMatchObject({
      fault: { code: '900901', message: 'Invalid Credentials' },
    });
  });

  it('gets one token and one session for many parallel calls', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const reads = await Promise.all(
      [...run.devices.active, ...run.devices.suspended].map((d) => adapter.getDeviceState(d)),
    );
    expect(reads.every((r) => r.ok)).toBe(true);
    expect(run.ts.tokenRequests()).toBe(1);
    expect(run.ts.loginAttempts()).toBe(1);
  });

  it('keeps one session while it is used and logs in again after 20 idle minutes', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    for (let i = 0; i < 4; i += 1) {
      expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
      run.ts.sim.clock.advance(15 * 60_000);
    }
    expect(run.ts.loginAttempts()).toBe(1);
    run.ts.sim.clock.advance(6 * 60_000);
    expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
    expect(run.ts.loginAttempts()).toBe(2);
  });

  it('logs in again when the carrier says the session expired, even if the adapter thought it alive', async () => {
    const run = await setUp();
    // An adapter on the wall clock can't see the simulated idle time pass.
    const adapter = run.adapter({ now: Date.now });
    const device = run.devices.active[0]!;
    expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
    run.ts.sim.clock.advance(21 * 60_000);
    expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
    expect(run.ts.loginAttempts()).toBe(2);
    const expired = run.ts.sim.requests.filter((r) => r.status === 400);
    expect(expired).toHaveLength(1);
  });

  it('recognises an expired session however the carrier words it', async () => {
    // The real code for an expired VZ-M2M-Token is unverified; this is Cloud Connector's wording.
    const run = await setUp({
      settings: {
        sessionExpired: {
          status: 401,
          body: {
            error: 'unauthorized',
            error_description: 'Failure response received for UWS V1 REST accounts: [400]',
            cause: 'Requested service is unauthorized for given token',
          },
        },
      },
    });
    const adapter = run.adapter({ now: Date.now });
    const device = run.devices.active[0]!;
    expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
    run.ts.sim.clock.advance(21 * 60_000);
    expect(await adapter.getDeviceState(device)).toMatchObject({ ok: true });
    expect(run.ts.loginAttempts()).toBe(2);
  });

  it('makes at most one login attempt for ten operations with a wrong password and never locks the user', async () => {
    const run = await setUp();
    const adapter = run.adapter({ wrongCredentials: true });
    const device = run.devices.active[0]!;
    const results = await Promise.all([
      adapter.testConnection(),
      adapter.getDeviceState(device),
      adapter.updateStatus([device], 'suspend'),
      adapter.changeRatePlan([device], 'M2MDATA25MB'),
      adapter.fetchRatePlans(),
    ]);
    for (let i = 0; i < 5; i += 1) results.push(await adapter.getDeviceState(device));
    expect(run.ts.loginAttempts()).toBe(1);
    expect(run.ts.isLocked(credentials.username)).toBe(false);
    const connection = await adapter.testConnection();
    expect(connection).toMatchObject({
      ok: false,
      error: {
        code: 'auth_failed',
        transient: false,
        carrierReason: expect.stringContaining('InvalidCredentials'),
      },
    });
    expect(run.ts.loginAttempts()).toBe(1);
    // The user was never at risk: the right password still works.
    expect(await run.adapter().testConnection()).toEqual({ ok: true });
  });

  it('tries a refused login again only as often as configured, and never more than three times', async () => {
    const run = await setUp();
    const careful = run.adapter({ wrongCredentials: true, maxLoginFailures: 2 });
    for (let i = 0; i < 6; i += 1) await careful.testConnection();
    expect(run.ts.loginAttempts()).toBe(2);
    // A good login clears the carrier's count of consecutive failures.
    expect(await run.adapter().testConnection()).toEqual({ ok: true });
    const reckless = run.adapter({ wrongCredentials: true, maxLoginFailures: 50 });
    for (let i = 0; i < 6; i += 1) await reckless.testConnection();
    expect(run.ts.loginAttempts()).toBe(2 + 1 + 3);
    expect(run.ts.failedLogins(credentials.username)).toBe(3);
    expect(run.ts.isLocked(credentials.username)).toBe(false);
  });

  it('stops after the app key and secret are refused', async () => {
    const run = await setUp();
    const adapter = run.adapter({ credentials: { ...credentials, clientSecret: 'wrong-secret' } });
    for (let i = 0; i < 5; i += 1) {
      expect(await adapter.testConnection()).toMatchObject({
        ok: false,
        error: { code: 'auth_failed', transient: false },
      });
    }
    expect(run.ts.tokenRequests()).toBe(1);
    expect(run.ts.loginAttempts()).toBe(0);
  });

  it('locks a user after five bad passwords, reports it as locked_out, and lets an admin unlock it', async () => {
    const run = await setUp();
    for (let i = 0; i < 5; i += 1) await run.adapter({ wrongCredentials: true }).testConnection();
    expect(run.ts.isLocked(credentials.username)).toBe(true);
    const rightPassword = run.adapter();
    expect(await rightPassword.testConnection()).toMatchObject({
      ok: false,
      error: {
        code: 'locked_out',
        transient: false,
        carrierReason: expect.stringContaining('Locked'),
      },
    });
    await rightPassword.getDeviceState(run.devices.active[0]!);
    expect(run.ts.loginAttempts()).toBe(6);
    // Support unlocks the user, here over the simulator's admin endpoint.
    const unlocked = await axios.post(
      `${run.ts.sim.url}/__admin/thingspace/unlock`,
      { username: credentials.username },
      { headers: { 'x-sim-admin': run.ts.sim.adminToken } },
    );
    expect(unlocked.status).toBe(200);
    expect(await run.adapter().testConnection()).toEqual({ ok: true });
  });

  it('tells the desk when the account name is unknown', async () => {
    const run = await setUp();
    const adapter = run.adapter({
      credentials: { ...credentials, accountName: '0000999999-00001' },
    });
    expect(await adapter.testConnection()).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        transient: false,
        message: expect.stringContaining('account name'),
        carrierReason: expect.stringContaining('AccountNotFound'),
      },
    });
  });
});

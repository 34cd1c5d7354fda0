import { describe, expect, it } from 'vitest';
import { credentials, homePlan, plans, rawClient, useRuns } from './harness';

const setUp = useRuns();

describe('ThingSpace activation cap and validation', () => {
  it('answers activations over the per-minute cap with 429 and Retry-After, reported as throttled', async () => {
    const run = await setUp({ settings: { activateThrottle: { perMinute: 2 } } });
    const adapter = run.adapter({ activationsPerMinute: 6000 });
    const outcomes = await adapter.updateStatus(run.devices.inventory, 'activate', {
      ratePlan: homePlan,
      zipCode: '75001',
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'failed']);
    expect(outcomes[2]).toMatchObject({
      error: {
        code: 'throttled',
        transient: true,
        httpStatus: 429,
        retryAfterMs: expect.any(Number),
      },
    });
  });

  it('also recognises the cap when the carrier signals it with a 400 error code', async () => {
    const run = await setUp({
      settings: { activateThrottle: { perMinute: 1, signal: 'error400', retryAfter: false } },
    });
    const adapter = run.adapter({ activationsPerMinute: 6000 });
    const outcomes = await adapter.updateStatus(run.devices.inventory.slice(0, 2), 'activate', {
      ratePlan: homePlan,
      zipCode: '75001',
    });
    expect(outcomes[1]).toMatchObject({
      kind: 'failed',
      error: { code: 'throttled', transient: true, httpStatus: 400 },
    });
  });

  it('spaces its own activations to the per-minute cap it is given', async () => {
    const run = await setUp();
    const adapter = run.adapter({ activationsPerMinute: 600 });
    const started = performance.now();
    const outcomes = await adapter.updateStatus(run.devices.inventory, 'activate', {
      ratePlan: homePlan,
      zipCode: '75001',
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('checks what it can before sending: plan and ZIP for activation, forbidden characters', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const [device] = run.devices.inventory;
    expect(await adapter.updateStatus([device!], 'activate', { ratePlan: homePlan })).toMatchObject(
      [{ kind: 'failed', error: { code: 'validation', message: expect.stringContaining('ZIP') } }],
    );
    expect(await adapter.changeRatePlan(run.devices.active.slice(0, 1), "M2M'DATA")).toMatchObject([
      {
        kind: 'failed',
        error: { code: 'validation', message: expect.stringContaining("', < or \\") },
      },
    ]);
    expect(run.ts.sim.requests).toHaveLength(0);
  });

  it('validates bodies as ThingSpace does, answering {errorCode, errorMessage} with HTTP 400', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const devices = [{ deviceIds: [{ id: run.devices.inventory[0]!.iccid, kind: 'iccid' }] }];
    const cases: [string, unknown, string][] = [
      [
        '/devices/actions/activate',
        { devices, mdnZipCode: '75001' },
        'INPUT_INVALID.RequestUndefined',
      ],
      ['/devices/actions/suspend', { deviceList: devices }, 'INPUT_INVALID.UnrecognizedField'],
      [
        '/devices/actions/deactivate',
        { accountName: credentials.accountName, devices, reasonCode: 'XX' },
        'INPUT_INVALID.ReasonCode',
      ],
      [
        '/devices/actions/restore',
        { devices, groupName: "Bob's <group>" },
        'INPUT_INVALID.Request.InvalidCharacter',
      ],
      [
        '/devices/actions/suspend',
        { accountName: '0000999999-00001', devices },
        'REQUEST_FAILED.AccountNotFound',
      ],
      [
        '/devices/actions/activate',
        { devices, servicePlan: 'NOPE', mdnZipCode: '75001' },
        'INPUT_INVALID.ServicePlan',
      ],
    ];
    for (const [path, body, code] of cases) {
      const answer = await raw.post(path, body);
      expect(answer.status, path).toBe(400);
      expect(answer.data, code).toMatchObject({
        errorCode: expect.stringContaining(code),
        errorMessage: expect.any(String),
      });
    }
  });

  it('answers unknown paths, including the callback registry it does not simulate, with 900906', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const answer = await raw.post(`/callbacks/${credentials.accountName}`, {
      name: 'CarrierService',
      url: 'https://example.invalid/callback',
    });
    expect(answer.status).toBe(400);
    expect(answer.data).toMatchObject({ fault: { code: '900906' } });
  });

  it('lists devices oldest first in pages, with HTTP 202 while more remain', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const first = await raw.post('/devices/actions/list', {
      accountName: credentials.accountName,
      maxNumberOfDevices: 10,
    });
    expect(first.status).toBe(202);
    const page = first.data as { hasMoreData: boolean; devices: { createdAt: string }[] };
    expect(page.hasMoreData).toBe(true);
    expect(page.devices).toHaveLength(10);
    const last = Date.parse(page.devices.at(-1)!.createdAt);
    const rest = await raw.post('/devices/actions/list', {
      accountName: credentials.accountName,
      earliest: new Date(last + 1).toISOString(),
    });
    expect(rest.status).toBe(200);
    expect((rest.data as { devices: unknown[] }).devices).toHaveLength(15 - 10);
    const suspended = await raw.post('/devices/actions/list', {
      currentState: 'suspend',
      filter: {
        deviceIdentifierFilters: [{ kind: 'iccid', contains: '891480', startswith: '8914' }],
      },
    });
    expect((suspended.data as { devices: unknown[] }).devices).toHaveLength(3);
  });

  it('fetches the account’s service plans', async () => {
    const run = await setUp();
    expect(await run.adapter().fetchRatePlans()).toEqual({ ok: true, plans });
  });
});

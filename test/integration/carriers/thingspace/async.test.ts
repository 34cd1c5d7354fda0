import { describe, expect, it } from 'vitest';
import {
  credentials,
  fresh,
  homePlan,
  otherPlan,
  rawClient,
  settle,
  useRuns,
  type ThingSpaceRun,
} from './harness';

const setUp = useRuns();
const bodies = (run: ThingSpaceRun, path: string) =>
  run.ts.sim.requests
    .filter((r) => r.path.endsWith(path))
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('ThingSpace asynchronous changes', () => {
  it('accepts a change with a requestId and completes it only after the carrier’s latency', async () => {
    const run = await setUp({ settings: { changeLatencyMs: 5 * 60_000 } });
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    const [outcome] = await adapter.updateStatus([device], 'suspend');
    expect(outcome).toMatchObject({ kind: 'accepted', carrierRequestId: expect.any(String) });
    if (outcome?.kind !== 'accepted') return;
    expect(await adapter.pollRequest(outcome.carrierRequestId, device)).toEqual({
      kind: 'pending',
    });
    run.ts.sim.clock.advance(4 * 60_000);
    expect(await adapter.pollRequest(outcome.carrierRequestId, device)).toEqual({
      kind: 'pending',
    });
    run.ts.sim.clock.advance(60_000);
    expect(await adapter.pollRequest(outcome.carrierRequestId, device)).toEqual({ kind: 'done' });
    expect(run.ts.sim.applied.get(device.iccid, 'suspend')).toBe(1);
  });

  it('sends one device per request, so every request can be followed by its status', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const outcomes = await adapter.updateStatus(run.devices.active.slice(0, 3), 'suspend');
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'accepted']);
    const sent = bodies(run, '/devices/actions/suspend');
    expect(sent).toHaveLength(3);
    for (const body of sent) expect(body.devices).toHaveLength(1);
    for (const outcome of outcomes)
      expect(await settle(run, adapter, outcome)).toMatchObject({ kind: 'done' });
  });

  it('refuses the status of a multi-device request, as ThingSpace documents', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const [a, b] = run.devices.active;
    const accepted = await raw.post('/devices/actions/suspend', {
      devices: [a, b].map((d) => ({ deviceIds: [{ id: d!.iccid, kind: 'iccid' }] })),
    });
    expect(accepted.status).toBe(200);
    const { requestId } = accepted.data as { requestId: string };
    const status = await raw.get(
      `/accounts/${credentials.accountName}/requests/${requestId}/status`,
    );
    expect(status.status).toBe(400);
    expect(status.data).toMatchObject({ errorCode: expect.stringContaining('MultipleDevices') });
  });

  it('completes a plan change from the device list when the carrier gives no status for it', async () => {
    const run = await setUp({ settings: { statusCoversAllActions: false } });
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    const [outcome] = await adapter.changeRatePlan([device], otherPlan);
    expect(
      await adapter.pollRequest((outcome as { carrierRequestId: string }).carrierRequestId, device),
    ).toEqual({
      kind: 'pending',
    });
    expect(await settle(run, adapter, outcome!)).toMatchObject({
      kind: 'done',
      state: { ratePlan: otherPlan, status: 'active' },
    });
  });

  it('shows a line as pending while its activation is processed, then active with a new number', async () => {
    const run = await setUp({ settings: { activationLatencyMs: 24 * 3_600_000 } });
    const adapter = run.adapter();
    const device = run.devices.inventory[0]!;
    const [outcome] = await adapter.updateStatus([device], 'activate', {
      ratePlan: otherPlan,
      zipCode: '98801',
    });
    expect(await adapter.getDeviceState(device)).toMatchObject({
      ok: true,
      state: { status: 'pending', carrierStatus: 'pending activation', msisdn: null },
    });
    const sent = bodies(run, '/devices/actions/activate')[0]!;
    expect(sent).toMatchObject({ servicePlan: otherPlan, mdnZipCode: '98801' });
    expect(sent).not.toHaveProperty('reasonCode');
    run.ts.sim.clock.advance(23 * 3_600_000);
    expect(
      await adapter.pollRequest((outcome as { carrierRequestId: string }).carrierRequestId, device),
    ).toEqual({
      kind: 'pending',
    });
    run.ts.sim.clock.advance(3_600_000);
    expect(await settle(run, adapter, outcome!)).toMatchObject({ kind: 'done' });
    const state = await adapter.getDeviceState(device);
    expect(state).toMatchObject({ ok: true, state: { status: 'active', ratePlan: otherPlan } });
    expect(state.ok && state.state.msisdn).toMatch(/^\d{11}$/);
  });

  it('deactivates with reason FF, charges the ETF unless waived, and gives a new number on reactivation', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const [charged, waived] = run.devices.active;
    const settled = async (outcome: Promise<unknown>) =>
      settle(run, adapter, ((await outcome) as [Parameters<typeof settle>[2]])[0]);
    expect(await settled(adapter.updateStatus([charged!], 'deactivate'))).toMatchObject({
      kind: 'done',
    });
    expect(
      await settled(adapter.updateStatus([waived!], 'deactivate', { etfWaiver: true })),
    ).toMatchObject({
      kind: 'done',
    });
    expect(bodies(run, '/devices/actions/deactivate')).toEqual([
      expect.objectContaining({
        reasonCode: 'FF',
        etfWaiver: false,
        accountName: credentials.accountName,
      }),
      expect.objectContaining({ reasonCode: 'FF', etfWaiver: true }),
    ]);
    expect(run.ts.line(charged!.iccid)).toMatchObject({
      state: 'deactive',
      etfCharged: true,
      msisdn: null,
    });
    expect(run.ts.line(waived!.iccid)).toMatchObject({ etfCharged: false });
    expect(
      await settled(
        adapter.updateStatus([charged!], 'activate', { ratePlan: homePlan, zipCode: '75001' }),
      ),
    ).toMatchObject({ kind: 'done' });
    expect(run.ts.line(charged!.iccid)?.msisdn).not.toBe(charged!.msisdn);
  });

  it('reports a device the account does not have as not found once the request is processed', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const [outcome] = await adapter.updateStatus([{ iccid: fresh.iccid }], 'suspend');
    expect(await settle(run, adapter, outcome!)).toMatchObject({
      kind: 'failed',
      error: {
        code: 'not_found',
        transient: false,
        carrierReason: expect.stringContaining('not found'),
      },
    });
  });

  it('says plainly that the reason is unknown when the carrier gives a failure without one', async () => {
    const run = await setUp({ settings: { statusShowsFault: false } });
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    run.ts.sim.setFaults({ deviceFailures: { [device.iccid]: 'Device is barred' } });
    const [outcome] = await adapter.updateStatus([device], 'suspend');
    expect(await settle(run, adapter, outcome!)).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        message: expect.stringContaining('only by callback'),
      },
    });
  });

  it('refuses to deactivate a suspended line, which must be restored first', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const [outcome] = await adapter.updateStatus([run.devices.suspended[0]!], 'deactivate');
    expect(await settle(run, adapter, outcome!)).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        carrierReason: expect.stringContaining("'suspend'"),
      },
    });
  });

  it('swaps an ICCID with ChangeICCID and refuses a new ICCID ThingSpace already holds without sending', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const [device, other] = run.devices.active;
    const taken = await adapter.changeIdentifier(device!, { newIccid: other!.iccid });
    expect(taken).toMatchObject({
      kind: 'failed',
      error: { code: 'business_rule', message: expect.stringContaining('already in ThingSpace') },
    });
    const deactivated = await adapter.changeIdentifier(device!, {
      newIccid: run.devices.deactivated[0]!.iccid,
    });
    expect(deactivated).toMatchObject({
      kind: 'failed',
      error: { message: expect.stringContaining('deleted first') },
    });
    expect(bodies(run, '/actions/deviceId')).toHaveLength(0);
    const swapped = await adapter.changeIdentifier(device!, { newIccid: fresh.iccid });
    expect(bodies(run, '/actions/deviceId')).toEqual([
      {
        deviceIds: [{ id: device!.iccid, kind: 'iccid' }],
        deviceIdsTo: [{ id: fresh.iccid, kind: 'iccid' }],
        change4gOption: 'ChangeICCID',
      },
    ]);
    expect(await settle(run, adapter, swapped)).toMatchObject({ kind: 'done' });
    expect(run.ts.line(fresh.iccid)).toMatchObject({ imei: device!.imei, state: 'active' });
  });

  it('refuses an identifier swap on a line that is not active', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const outcome = await adapter.changeIdentifier(run.devices.suspended[0]!, {
      newImei: fresh.imei,
    });
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        message: expect.stringContaining('active line'),
      },
    });
  });

  it('lets the carrier refuse a swap to an identifier it already holds, with its reason', async () => {
    const run = await setUp();
    const raw = await rawClient(run.ts.sim.url);
    const [device, other] = run.devices.active;
    const accepted = await raw.put('/devices/M2M/actions/deviceId', {
      deviceIds: [{ id: device!.imei, kind: 'imei' }],
      deviceIdsTo: [{ id: other!.imei, kind: 'imei' }],
      change4gOption: 'ChangeIMEI',
    });
    const { requestId } = accepted.data as { requestId: string };
    run.ts.completePending();
    const status = await raw.get(
      `/accounts/${credentials.accountName}/requests/${requestId}/status`,
    );
    expect(status.data).toMatchObject({
      status: 'Failure',
      faultResponse: { faultstring: expect.stringContaining('already in the ThingSpace database') },
    });
  });
});

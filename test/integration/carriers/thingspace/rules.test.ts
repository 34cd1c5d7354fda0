import { describe, expect, it } from 'vitest';
import type {
  CarrierAdapter,
  DeviceOutcome,
  DeviceRef,
} from '../../../../main/core/carriers/types';
import {
  credentials,
  homePlan,
  nextUtcDay,
  nextUtcMonth,
  otherPlan,
  rawClient,
  settle,
  useRuns,
  type ThingSpaceRun,
} from './harness';

const setUp = useRuns();
const sentTo = (run: ThingSpaceRun, path: string) =>
  run.ts.sim.requests.filter((r) => r.path.endsWith(path)).length;

/** Sends one change for one device and waits (on the simulated clock) for its end. */
async function change(
  run: ThingSpaceRun,
  adapter: CarrierAdapter,
  send: (adapter: CarrierAdapter) => Promise<DeviceOutcome[]>,
): Promise<DeviceOutcome> {
  const [outcome] = await send(adapter);
  return settle(run, adapter, outcome!);
}
const suspendRestore = (device: DeviceRef, i: number) => (a: CarrierAdapter) =>
  a.updateStatus([device], i % 2 === 0 ? 'suspend' : 'restore');

describe('ThingSpace provisioning rules', () => {
  it('allows five provisioning actions per line per day, refuses the sixth, and allows it the next day', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    for (let i = 0; i < 5; i += 1)
      expect(await change(run, adapter, suspendRestore(device, i))).toMatchObject({ kind: 'done' });
    const sent = sentTo(run, '/actions/restore');
    // This adapter knows it used the quota and doesn't spend a request on a sure refusal.
    expect(await adapter.updateStatus([device], 'restore')).toMatchObject([
      {
        kind: 'failed',
        error: {
          code: 'business_rule',
          transient: false,
          message: expect.stringContaining('per day'),
        },
      },
    ]);
    expect(sentTo(run, '/actions/restore')).toBe(sent);
    // One that doesn't know is refused by the carrier, with its reason.
    expect(
      await change(run, run.adapter(), (a) => a.updateStatus([device], 'restore')),
    ).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        message: expect.stringContaining('Try again tomorrow'),
        carrierReason: expect.stringContaining('provisioning actions per line per day'),
      },
    });
    run.advanceTo(nextUtcDay(run.ts.sim.clock.now()));
    expect(await change(run, adapter, (a) => a.updateStatus([device], 'restore'))).toMatchObject({
      kind: 'done',
    });
  });

  it('raises the daily suspend/restore allowance to 25 on an IoT Order Flow account', async () => {
    const run = await setUp({ settings: { iotOrderFlow: true } });
    const adapter = run.adapter({ iotOrderFlow: true });
    const device = run.devices.active[0]!;
    for (let i = 0; i < 6; i += 1)
      expect(await change(run, adapter, suspendRestore(device, i))).toMatchObject({ kind: 'done' });
  });

  it('refuses a broken rule at once when the carrier is set to answer rule errors synchronously', async () => {
    const run = await setUp();
    run.ts.configure({ ruleViolations: 'sync' });
    const device = run.devices.active[0]!;
    const first = run.adapter();
    for (let i = 0; i < 5; i += 1)
      expect(await change(run, first, suspendRestore(device, i))).toMatchObject({ kind: 'done' });
    expect(await run.adapter().updateStatus([device], 'restore')).toMatchObject([
      {
        kind: 'failed',
        error: {
          code: 'business_rule',
          httpStatus: 400,
          carrierReason: expect.stringContaining('ProvisioningActionLimitReached'),
        },
      },
    ]);
  });

  it('allows four plan changes per line per month, refuses the fifth, and allows it next month', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    const planFor = (i: number) => (i % 2 === 0 ? otherPlan : homePlan);
    for (let i = 0; i < 4; i += 1)
      expect(
        await change(run, adapter, (a) => a.changeRatePlan([device], planFor(i))),
      ).toMatchObject({
        kind: 'done',
      });
    const sent = sentTo(run, '/actions/plan');
    expect(await adapter.changeRatePlan([device], otherPlan)).toMatchObject([
      {
        kind: 'failed',
        error: { code: 'business_rule', message: expect.stringContaining('per month') },
      },
    ]);
    expect(sentTo(run, '/actions/plan')).toBe(sent);
    expect(
      await change(run, run.adapter(), (a) => a.changeRatePlan([device], otherPlan)),
    ).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        carrierReason: expect.stringContaining('4 service plan changes per month'),
      },
    });
    run.advanceTo(nextUtcMonth(run.ts.sim.clock.now()));
    expect(await change(run, adapter, (a) => a.changeRatePlan([device], otherPlan))).toMatchObject({
      kind: 'done',
    });
  });

  it('does not spend a plan change on a line already on the plan', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    expect(await adapter.changeRatePlan([device], homePlan)).toMatchObject([
      { kind: 'done', state: { ratePlan: homePlan } },
    ]);
    expect(sentTo(run, '/actions/plan')).toBe(0);
  });

  it('refuses a plan change on a suspended line, in the adapter and in the carrier', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const device = run.devices.suspended[0]!;
    expect(await adapter.changeRatePlan([device], otherPlan)).toMatchObject([
      {
        kind: 'failed',
        error: {
          code: 'business_rule',
          transient: false,
          message:
            "ThingSpace refused the plan change: the device is suspended, and plans can't change while suspended. Restore it first.",
        },
      },
    ]);
    expect(sentTo(run, '/actions/plan')).toBe(0);
    const raw = await rawClient(run.ts.sim.url);
    const accepted = await raw.put('/devices/actions/plan', {
      servicePlan: otherPlan,
      devices: [{ deviceIds: [{ id: device.iccid, kind: 'iccid' }] }],
    });
    run.ts.completePending();
    const { requestId } = accepted.data as { requestId: string };
    expect(
      (await raw.get(`/accounts/${credentials.accountName}/requests/${requestId}/status`)).data,
    ).toMatchObject({
      status: 'Failure',
      faultResponse: { faultstring: expect.stringContaining('suspended') },
    });
  });

  it('returns a line to active after 90 suspended days and caps suspension at 180 days a year', async () => {
    const run = await setUp();
    const adapter = run.adapter();
    const year = new Date(run.ts.sim.clock.now()).getUTCFullYear() + 1;
    run.advanceTo(Date.UTC(year, 0, 2, 1));
    const device = run.devices.active[0]!;
    for (let stint = 0; stint < 2; stint += 1) {
      expect(await change(run, adapter, (a) => a.updateStatus([device], 'suspend'))).toMatchObject({
        kind: 'done',
      });
      run.ts.sim.clock.advance(90 * 86_400_000);
      expect(await adapter.getDeviceState(device)).toMatchObject({
        ok: true,
        state: { status: 'active' },
      });
    }
    expect(await change(run, adapter, (a) => a.updateStatus([device], 'suspend'))).toMatchObject({
      kind: 'failed',
      error: { code: 'business_rule', message: expect.stringContaining('180 suspended days') },
    });
  });
});

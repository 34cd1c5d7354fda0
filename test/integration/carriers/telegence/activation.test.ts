import axios from 'axios';
import { describe, expect, it } from 'vitest';
import type { DeviceOutcome } from '../../../../main/core/carriers/types';
import { telegenceRuns, type TelegenceRun } from './harness';

const runs = telegenceRuns();
const FIVE_MINUTES = 5 * 60_000;
const ACTIVATIONS = '/sp/mobilityactivations/api/v1/serviceactivation';

const requestIdOf = (outcome: DeviceOutcome | undefined): string => {
  if (outcome?.kind !== 'accepted') throw new Error(`expected accepted, got ${outcome?.kind}`);
  return outcome.carrierRequestId;
};
const posts = (run: TelegenceRun) =>
  run.sim.requests.filter((r) => r.method === 'POST' && r.path === ACTIVATIONS);
const checks = (run: TelegenceRun, id: string) =>
  run.sim.requests.filter((r) => r.method === 'GET' && r.path === `${ACTIVATIONS}/${id}`);

describe('Telegence activation', () => {
  it('accepts a batch under one request id and completes every SIM of it by polling', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const devices = run.devices.inventory.slice(0, 3);
    const outcomes = await adapter.updateStatus(devices, 'activate', {
      ratePlan: run.plans.other,
      zipCode: '75001',
    });
    const ids = new Set(outcomes.map(requestIdOf));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];

    const sent = JSON.parse(posts(run)[0]!.body) as {
      service: { serviceCharacteristic: { name: string; value: string }[] };
    }[];
    expect(sent).toHaveLength(3);
    expect(sent[0]!.service.serviceCharacteristic).toEqual([
      { name: 'sim', value: devices[0]!.iccid },
      { name: 'IMEI', value: devices[0]!.imei },
      { name: 'singleUserCode', value: run.plans.other },
      { name: 'serviceZipCode', value: '75001' },
    ]);

    run.sim.clock.advance(2 * FIVE_MINUTES);
    for (const device of devices) {
      expect(await adapter.pollRequest(id, device)).toEqual({ kind: 'pending' });
    }
    expect(checks(run, id)).toHaveLength(1);

    run.sim.clock.advance(2 * FIVE_MINUTES);
    for (const device of devices) {
      const polled = await adapter.pollRequest(id, device);
      expect(polled).toMatchObject({
        kind: 'done',
        state: { iccid: device.iccid, status: 'active', ratePlan: run.plans.other },
      });
      const msisdn = polled.kind === 'done' ? polled.state?.msisdn : undefined;
      expect(msisdn).toMatch(/^1\d{10}$/);
      expect(run.telegence.line(msisdn!)?.iccid).toBe(device.iccid);
    }
    expect(checks(run, id)).toHaveLength(2);
    // The MDN AT&T assigned is remembered, so the new line can be read without the store's help.
    expect(await adapter.getDeviceState(devices[0]!)).toMatchObject({
      ok: true,
      state: { iccid: devices[0]!.iccid, status: 'active', carrierStatus: 'A' },
    });
  });

  it('splits more than 200 SIMs into batches of 200, each under its own request id', async () => {
    const run = await runs.start({ inventory: 201 });
    const adapter = runs.adapter(run);
    const outcomes = await adapter.updateStatus(run.devices.inventory, 'activate', {
      ratePlan: run.plans.other,
    });
    expect(outcomes).toHaveLength(201);
    const first = requestIdOf(outcomes[0]);
    const last = requestIdOf(outcomes[200]);
    expect(outcomes.slice(0, 200).every((o) => requestIdOf(o) === first)).toBe(true);
    expect(last).not.toBe(first);
    const sizes = posts(run).map((r) => (JSON.parse(r.body) as unknown[]).length);
    expect(sizes.sort((a, b) => b - a)).toEqual([200, 1]);
  });

  it('refuses more than 200 services in one request with a 400 and AT&T’s words', async () => {
    const run = await runs.start();
    const services = Array.from({ length: 201 }, () => ({
      service: { serviceCharacteristic: [{ name: 'sim', value: run.devices.inventory[0]!.iccid }] },
    }));
    const response = await axios.post(`${run.sim.url}${ACTIVATIONS}`, services, {
      headers: { 'app-id': 'test-app-id', 'app-secret': run.secrets[0] },
      validateStatus: () => true,
    });
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({
      responseMessage: expect.stringContaining('maximum of 200'),
    });
  });

  it('fails one SIM of a batch with AT&T’s reason and opens lines for the others', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const devices = run.devices.inventory.slice(0, 3);
    run.sim.setFaults({ deviceFailures: { [devices[1]!.iccid]: 'SIM is reported stolen' } });
    const outcomes = await adapter.updateStatus(devices, 'activate', { ratePlan: run.plans.other });
    run.sim.clock.advance(4 * FIVE_MINUTES);
    const finals = [];
    for (const outcome of outcomes)
      finals.push(await adapter.pollRequest(requestIdOf(outcome), outcome.device));
    expect(finals.map((f) => f.kind)).toEqual(['done', 'failed', 'done']);
    expect(finals[1]).toMatchObject({
      error: { code: 'business_rule', transient: false, carrierReason: 'SIM is reported stolen' },
    });
    expect(run.telegence.lineBySim(devices[1]!.iccid)).toBeUndefined();
  });

  it('fails a SIM that needs an eSIM profile, reading the "/service/" answer before its status', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const device = run.devices.inventory[0]!;
    run.telegence.setSettings({ esimRequiredIccids: [device.iccid] });
    const [outcome] = await adapter.updateStatus([device], 'activate', {
      ratePlan: run.plans.other,
    });
    run.sim.clock.advance(4 * FIVE_MINUTES);
    const polled = await adapter.pollRequest(requestIdOf(outcome), device);
    expect(polled).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        message: expect.stringContaining('needs an eSIM profile'),
      },
    });
    expect(run.telegence.lineBySim(device.iccid)).toBeUndefined();
  });

  it('gives up on an activation still pending after 6 checks, without a 7th call to AT&T', async () => {
    const run = await runs.start({ settings: { completeAfterMs: 24 * 60 * 60_000 } });
    const adapter = runs.adapter(run);
    expect(adapter.pollPolicy).toEqual({ intervalMs: 300_000, maxPolls: 6 });
    const device = run.devices.inventory[0]!;
    const [outcome] = await adapter.updateStatus([device], 'activate', {
      ratePlan: run.plans.other,
    });
    const id = requestIdOf(outcome);
    for (let check = 1; check <= 6; check += 1) {
      run.sim.clock.advance(adapter.pollPolicy.intervalMs);
      expect(await adapter.pollRequest(id, device), `check ${check}`).toEqual({ kind: 'pending' });
    }
    run.sim.clock.advance(adapter.pollPolicy.intervalMs);
    expect(await adapter.pollRequest(id, device)).toMatchObject({
      kind: 'failed',
      error: {
        code: 'timeout',
        transient: false,
        carrierReason: 'still pending after 6 checks',
        message: expect.stringContaining('before activating it again'),
      },
    });
    expect(checks(run, id)).toHaveLength(6);
  });

  it('polls at most as often as its settings allow', async () => {
    const run = await runs.start({ settings: { completeAfterMs: 24 * 60 * 60_000 } });
    const adapter = runs.adapter(run, {
      settings: { pollPolicy: { intervalMs: 60_000, maxPolls: 2 } },
    });
    expect(adapter.pollPolicy).toEqual({ intervalMs: 60_000, maxPolls: 2 });
    const device = run.devices.inventory[0]!;
    const [outcome] = await adapter.updateStatus([device], 'activate', {
      ratePlan: run.plans.other,
    });
    const id = requestIdOf(outcome);
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push((await adapter.pollRequest(id, device)).kind);
    expect(results).toEqual(['pending', 'pending', 'failed']);
    expect(checks(run, id)).toHaveLength(2);
  });

  it('asks for a rate plan before activating, without calling AT&T', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const outcomes = await adapter.updateStatus(run.devices.inventory.slice(0, 2), 'activate');
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'failed']);
    expect(outcomes[0]).toMatchObject({ error: { code: 'validation', transient: false } });
    expect(run.sim.callCount()).toBe(0);
  });

  it('never opens a second line when the same SIM is activated twice', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const device = run.devices.inventory[0]!;
    const [first] = await adapter.updateStatus([device], 'activate', { ratePlan: run.plans.other });
    const [second] = await adapter.updateStatus([device], 'activate', {
      ratePlan: run.plans.other,
    });
    run.telegence.completeActivations();
    expect(await adapter.pollRequest(requestIdOf(first), device)).toMatchObject({ kind: 'done' });
    expect(await adapter.pollRequest(requestIdOf(second), device)).toMatchObject({
      kind: 'failed',
      error: { carrierReason: expect.stringContaining('already in use') },
    });
    expect(run.sim.applied.get(device.iccid, 'activate')).toBe(1);
  });
});

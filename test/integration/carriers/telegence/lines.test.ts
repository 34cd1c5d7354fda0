import axios from 'axios';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../main/core/carriers/http/client';
import { Limiter } from '../../../../main/core/carriers/limiter';
import { simulatorAdmin } from '../../../../main/core/simulators/common/admin';
import { telegenceRuns, type TelegenceRun } from './harness';

const runs = telegenceRuns();
const LINES = '/sp/mobility/lineconfig/api/v1/service';
const patchesTo = (run: TelegenceRun, msisdn: string | null | undefined) =>
  run.sim.requests
    .filter((r) => r.method === 'PATCH' && r.path === `${LINES}/${msisdn}`)
    .map((r) => JSON.parse(r.body) as unknown);

describe('Telegence authentication', () => {
  it('sends app-id and app-secret on every call, and logs the secret only as redacted', async () => {
    const run = await runs.start();
    const exchanges: Exchange[] = [];
    const adapter = runs.adapter(run, { onExchange: (e) => exchanges.push(e) });
    await adapter.getDeviceState(run.devices.active[0]!);
    await adapter.updateStatus(run.devices.active.slice(1, 2), 'suspend');
    for (const request of run.sim.requests) {
      expect(request.headers['app-id']).toBe('test-app-id');
      expect(request.headers['app-secret']).toBe(run.secrets[0]);
    }
    expect(exchanges.map((e) => e.requestHeaders['app-secret'])).toEqual([
      '[redacted]',
      '[redacted]',
    ]);
    expect(exchanges[0]!.requestHeaders['app-id']).toBe('test-app-id');
  });

  it('refuses a missing or wrong pair with 401 and a responseMessage', async () => {
    const run = await runs.start();
    const url = `${run.sim.url}${LINES}/${run.devices.active[0]!.msisdn}`;
    for (const headers of [{}, { 'app-id': 'test-app-id', 'app-secret': 'guess' }]) {
      const response = await axios.get(url, { headers, validateStatus: () => true });
      expect(response.status).toBe(401);
      expect(response.data).toEqual({ responseMessage: expect.any(String) });
    }
  });

  it('sends a wrong secret once, even when many calls start together', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run, { wrongCredentials: true });
    const results = await Promise.all(run.devices.active.map((d) => adapter.getDeviceState(d)));
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed', transient: false } });
    }
    expect(run.authAttempts()).toBe(1);
  });
});

describe('Telegence subscriber lines', () => {
  it('suspends and restores with a PATCH of mode and reasonCode, both configurable', async () => {
    const run = await runs.start({ settings: { modes: { HOLD: 'suspended', A: 'active' } } });
    const adapter = runs.adapter(run, {
      settings: { modes: { suspend: 'HOLD' }, reasonCodes: { suspend: 'CUSTREQ' } },
    });
    const device = run.devices.active[0]!;
    const [suspended] = await adapter.updateStatus([device], 'suspend');
    expect(suspended).toMatchObject({
      kind: 'done',
      state: { status: 'suspended', carrierStatus: 'S', msisdn: device.msisdn },
    });
    await adapter.updateStatus([device], 'restore');
    expect(patchesTo(run, device.msisdn)).toEqual([
      { mode: 'HOLD', reasonCode: 'CUSTREQ' },
      { mode: 'A', reasonCode: 'RESTORE' },
    ]);
  });

  it('cancels a line on deactivate, then refuses to restore it with AT&T’s reason', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const device = run.devices.active[0]!;
    const [cancelled] = await adapter.updateStatus([device], 'deactivate');
    expect(cancelled).toMatchObject({
      kind: 'done',
      state: { status: 'deactivated', carrierStatus: 'C' },
    });
    expect(patchesTo(run, device.msisdn)).toEqual([{ mode: 'C', reasonCode: 'CANCEL' }]);
    const [restored] = await adapter.updateStatus([device], 'restore');
    expect(restored).toMatchObject({
      kind: 'failed',
      error: {
        transient: false,
        httpStatus: 400,
        carrierReason: expect.stringContaining('status C'),
        message: expect.stringContaining(`refused to restore line ${device.msisdn}`),
      },
    });
  });

  it('reads subscriber status letters in our vocabulary, and re-pointed letters once configured', async () => {
    const letters = { inventory: 'R', active: 'A', suspended: 'T', deactivated: 'C', pending: 'P' };
    const run = await runs.start({ settings: { statusLetters: letters } });
    const device = run.devices.suspended[0]!;
    const unaware = await runs.adapter(run).getDeviceState(device);
    expect(unaware).toMatchObject({
      ok: false,
      error: { code: 'malformed_response', transient: false, carrierReason: 'subscriberStatus T' },
    });
    const aware = runs.adapter(run, {
      settings: { statusLetters: { A: 'active', T: 'suspended', C: 'deactivated' } },
    });
    expect(await aware.getDeviceState(device)).toMatchObject({
      ok: true,
      state: { status: 'suspended', carrierStatus: 'T' },
    });
    expect(await aware.getDeviceState(run.devices.deactivated[0]!)).toMatchObject({
      ok: true,
      state: { status: 'deactivated', carrierStatus: 'C' },
    });
  });

  it('needs a subscriber number to change a line, and says so without calling AT&T', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const spare = run.devices.inventory[0]!;
    const [outcome] = await adapter.updateStatus([spare], 'suspend');
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'validation', transient: false, message: expect.stringContaining('MDN') },
    });
    expect(await adapter.getDeviceState(spare)).toMatchObject({
      ok: false,
      error: { code: 'not_found', transient: false },
    });
    expect(run.sim.callCount()).toBe(0);
  });

  it('swaps SIM and IMEI together with one PATCH of sim and IMEI characteristics', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const device = run.devices.active[0]!;
    const outcome = await adapter.changeIdentifier(device, {
      newIccid: run.fresh.iccid,
      newImei: run.fresh.imei,
    });
    expect(outcome).toMatchObject({
      kind: 'done',
      state: { iccid: run.fresh.iccid, imei: run.fresh.imei, msisdn: device.msisdn },
    });
    expect(patchesTo(run, device.msisdn)).toEqual([
      {
        serviceCharacteristic: [
          { name: 'sim', value: run.fresh.iccid },
          { name: 'IMEI', value: run.fresh.imei },
        ],
      },
    ]);
    expect(run.telegence.lineBySim(run.fresh.iccid)?.subscriberNumber).toBe(device.msisdn);
  });

  it('fails a swap to a SIM that needs an eSIM profile and leaves the line as it was', async () => {
    const run = await runs.start({ settings: { esimRequiredIccids: [] } });
    const adapter = runs.adapter(run);
    run.telegence.setSettings({ esimRequiredIccids: [run.fresh.iccid] });
    const device = run.devices.active[0]!;
    const outcome = await adapter.changeIdentifier(device, { newIccid: run.fresh.iccid });
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'business_rule', message: expect.stringContaining('eSIM profile') },
    });
    expect(run.telegence.line(device.msisdn!)?.iccid).toBe(device.iccid);
  });

  it('confirms a change AT&T answered with unreadable text by reading the line back', async () => {
    const run = await runs.start({ settings: { unreadableUpdateAnswers: true } });
    const adapter = runs.adapter(run);
    const device = run.devices.active[0]!;
    const [outcome] = await adapter.changeRatePlan([device], run.plans.other);
    expect(outcome).toMatchObject({ kind: 'done', state: { ratePlan: run.plans.other } });
    expect(run.sim.requests.map((r) => r.method)).toEqual(['PATCH', 'GET']);
    expect(run.sim.applied.get(device.iccid, 'ratePlan')).toBe(1);
  });

  it('reports a garbled answer for retry when the read-back shows the change did not land', async () => {
    const run = await runs.start({ faults: { malformedRate: 1 } });
    const device = run.devices.active[0]!;
    const adapter = runs.adapter(run, {
      // Only the PATCH's answer is garbled; the read-back comes through clean.
      onExchange: (e) => e.method === 'PATCH' && run.sim.setFaults({ malformedRate: 0 }),
    });
    const [outcome] = await adapter.changeRatePlan([device], run.plans.other);
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'malformed_response', transient: true },
    });
    expect(run.sim.requests.map((r) => r.method)).toEqual(['PATCH', 'GET']);
    expect(run.sim.applied.get(device.iccid, 'ratePlan')).toBe(0);
  });

  it('refuses an unknown rate plan with AT&T’s reason and leaves the plan alone', async () => {
    const run = await runs.start();
    const adapter = runs.adapter(run);
    const device = run.devices.active[0]!;
    const [outcome] = await adapter.changeRatePlan([device], run.plans.unknown);
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: { code: 'validation', carrierReason: `Invalid singleUserCode ${run.plans.unknown}` },
    });
    expect(run.telegence.line(device.msisdn!)?.ratePlan).not.toBe(run.plans.unknown);
  });
});

describe('Telegence simulator switches', () => {
  it('answers a too-fast client 429 with Retry-After when throttling is switched on', async () => {
    const run = await runs.start({
      settings: { throttling: { mode: 'throttle', perSecond: 2, concurrency: 4 } },
      faults: { retryAfterSeconds: 1 },
    });
    const adapter = runs.adapter(run, {
      limiter: new Limiter({ ratePerSecond: 100, concurrency: 4 }),
    });
    expect(await adapter.testConnection()).toEqual({ ok: true });
    const results = await Promise.all(
      run.devices.active.slice(0, 4).map((device) => adapter.getDeviceState(device)),
    );
    expect(results).toContainEqual({
      ok: false,
      error: expect.objectContaining({ code: 'throttled', transient: true, retryAfterMs: 1000 }),
    });
  });

  it('takes settings and completes pending activations over its admin endpoint', async () => {
    const run = await runs.start();
    const admin = simulatorAdmin(run.sim.url, run.sim.adminToken);
    const adapter = runs.adapter(run);
    const device = run.devices.inventory[0]!;
    const [outcome] = await adapter.updateStatus([device], 'activate', {
      ratePlan: run.plans.other,
    });
    await axios.put(
      `${run.sim.url}/__admin/telegence/settings`,
      { reservedAfterMs: 0 },
      { headers: { 'x-sim-admin': run.sim.adminToken } },
    );
    expect(run.telegence.settings()).toMatchObject({
      reservedAfterMs: 0,
      completeAfterMs: 900_000,
    });
    await axios.post(`${run.sim.url}/__admin/telegence/activations/complete`, undefined, {
      headers: { 'x-sim-admin': run.sim.adminToken },
    });
    expect(outcome?.kind).toBe('accepted');
    const id = outcome?.kind === 'accepted' ? outcome.carrierRequestId : '';
    expect(await adapter.pollRequest(id, device)).toMatchObject({ kind: 'done' });
    expect(await admin.state()).toMatchObject({ applied: 1 });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ourStatus } from '../../../../main/core/carriers/jasper/statusMap';
import type { JasperStatus } from '../../../../main/core/simulators/jasper';
import { closeAll, plans, startJasper } from './harness';

afterEach(closeAll);

describe('Control Center statuses', () => {
  it('reads every Control Center status in our words and keeps the carrier’s own', async () => {
    const run = await startJasper();
    const adapter = run.adapter();
    const expected: [JasperStatus, string][] = [
      ['TEST_READY', 'inventory'],
      ['INVENTORY', 'inventory'],
      ['ACTIVATION_READY', 'inventory'],
      ['ACTIVATED', 'active'],
      ['DEACTIVATED', 'suspended'],
      ['RETIRED', 'deactivated'],
      ['PURGED', 'deactivated'],
      ['REPLACED', 'deactivated'],
    ];
    for (const [index, [word, ours]] of expected.entries()) {
      const device = run.devices.active[index]!;
      run.jasper.setStatus(device.iccid, word);
      expect(await adapter.getDeviceState(device), word).toMatchObject({
        ok: true,
        state: { status: ours, carrierStatus: word },
      });
    }
    // The SOAP spelling, and a word nobody documented, are still read without failing.
    expect(ourStatus('DEACTIVATED_NAME')).toBe('suspended');
    expect(ourStatus('FROZEN')).toBe('pending');
  });

  it('suspends as DEACTIVATED and deactivates as RETIRED: one synchronous PUT of the status alone', async () => {
    const run = await startJasper();
    const adapter = run.adapter();
    const [a, b] = run.devices.active;
    expect(await adapter.updateStatus([a!], 'suspend')).toEqual([{ kind: 'done', device: a }]);
    expect(await adapter.updateStatus([b!], 'deactivate')).toEqual([{ kind: 'done', device: b }]);
    expect(run.jasper.sim.requests.map((r) => [r.method, r.path, r.body, r.status])).toEqual([
      ['PUT', `/rws/api/v1/devices/${a!.iccid}`, '{"status":"DEACTIVATED"}', 200],
      ['PUT', `/rws/api/v1/devices/${b!.iccid}`, '{"status":"RETIRED"}', 200],
    ]);
    expect(run.jasper.device(a!.iccid)?.status).toBe('DEACTIVATED');
    expect(run.jasper.device(b!.iccid)?.status).toBe('RETIRED');
  });

  it('activates with the chosen rate plan in the same edit', async () => {
    const run = await startJasper();
    const device = run.devices.inventory[0]!;
    const [outcome] = await run.adapter().updateStatus([device], 'activate', {
      ratePlan: plans.other,
    });
    expect(outcome).toMatchObject({ kind: 'done' });
    expect(JSON.parse(run.jasper.sim.requests[0]!.body)).toEqual({
      status: 'ACTIVATED',
      ratePlan: plans.other,
    });
    expect(run.jasper.device(device.iccid)).toMatchObject({
      status: 'ACTIVATED',
      ratePlan: plans.other,
      dateActivated: expect.any(Number),
    });
  });

  it('refuses to bring back a RETIRED or PURGED SIM, as a business rule in Control Center’s words', async () => {
    const run = await startJasper();
    const adapter = run.adapter();
    const [retired, purged] = run.devices.active;
    await adapter.updateStatus([retired!], 'deactivate');
    run.jasper.setStatus(purged!.iccid, 'PURGED');
    for (const [device, word] of [
      [retired!, 'RETIRED'],
      [purged!, 'PURGED'],
    ] as const) {
      const [outcome] = await adapter.updateStatus([device], 'restore');
      expect(outcome).toMatchObject({
        kind: 'failed',
        error: {
          code: 'business_rule',
          transient: false,
          httpStatus: 400,
          carrierReason: `Invalid status change from ${word} to ACTIVATED (errorCode 10000022)`,
          message: expect.stringContaining('cannot be changed back'),
        },
      });
      expect(run.jasper.device(device.iccid)?.status).toBe(word);
    }
  });

  it('follows a reconfigured transition matrix and error code', async () => {
    const run = await startJasper({
      settings: {
        transitions: { ACTIVATED: ['RETIRED'] },
        codes: { invalidTransition: '10000777' },
      },
    });
    const adapter = run.adapter();
    const [suspend] = await adapter.updateStatus(run.devices.active.slice(0, 1), 'suspend');
    expect(suspend).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        carrierReason: 'Invalid status change from ACTIVATED to DEACTIVATED (errorCode 10000777)',
      },
    });
    // DEACTIVATED is missing from the matrix, so nothing leaves it either.
    const [restore] = await adapter.updateStatus(run.devices.suspended.slice(0, 1), 'restore');
    expect(restore).toMatchObject({ kind: 'failed', error: { code: 'business_rule' } });
    const [retire] = await adapter.updateStatus(run.devices.active.slice(1, 2), 'deactivate');
    expect(retire).toMatchObject({ kind: 'done' });
  });

  it('treats setting the status a SIM already has as a no-op, or refuses it when configured to', async () => {
    const accepting = await startJasper();
    const device = accepting.devices.suspended[0]!;
    const outcomes = await accepting.adapter().updateStatus([device, device], 'suspend');
    expect(outcomes.map((o) => o.kind)).toEqual(['done', 'done']);
    expect(accepting.jasper.sim.applied.total()).toBe(0);

    const refusing = await startJasper({ settings: { sameStatus: 'reject' } });
    const [refused] = await refusing
      .adapter()
      .updateStatus(refusing.devices.suspended.slice(0, 1), 'suspend');
    expect(refused).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        carrierReason: expect.stringContaining('already DEACTIVATED'),
      },
    });
  });

  it('moves SIMs by itself: out of TEST_READY when the allowance is used, into ACTIVATED on the first session', async () => {
    const run = await startJasper();
    const device = run.devices.inventory[0]!;
    run.jasper.setStatus(device.iccid, 'TEST_READY');
    expect(run.jasper.useUpTestAllowance(device.iccid)).toBe(true);
    expect(run.jasper.device(device.iccid)?.status).toBe('ACTIVATION_READY');
    const admin = `${run.jasper.sim.url}/__admin/jasper/devices/${device.iccid}/data-session`;
    const session = await run.raw.post(admin, undefined, {
      headers: { 'x-sim-admin': run.jasper.sim.adminToken },
    });
    expect(session.data).toEqual({ connected: true });
    expect(await run.adapter().getDeviceState(device)).toMatchObject({
      ok: true,
      state: { status: 'active', carrierStatus: 'ACTIVATED' },
    });
    const usage = await run.raw.get(`/devices/${device.iccid}/ctdUsages`);
    expect(usage.data).toMatchObject({
      iccid: device.iccid,
      status: 'ACTIVATED',
      ctdSessionCount: 1,
      ctdDataUsage: expect.any(Number),
      ctdSMSUsage: 0,
      ctdVoiceUsage: 0,
      overageLimitReached: false,
      overageLimitOverride: 'DEFAULT',
    });
    expect(run.jasper.startDataSession(run.devices.suspended[0]!.iccid)).toBe(false);
  });
});

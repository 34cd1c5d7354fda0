import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, communicationPlans, plans, startJasper } from './harness';

afterEach(closeAll);

const DAY = 86_400_000;

describe('Edit Device Details', () => {
  it('changes the communication plan, and refuses one Control Center does not know', async () => {
    const run = await startJasper();
    const adapter = run.adapter();
    const [device] = run.devices.active;
    const [moved] = await adapter.changeCommunicationPlan([device!], communicationPlans.other);
    expect(moved).toMatchObject({ kind: 'done' });
    expect(await adapter.getDeviceState(device!)).toMatchObject({
      ok: true,
      state: { communicationPlan: communicationPlans.other },
    });
    const [refused] = await adapter.changeCommunicationPlan([device!], 'Voice - 2G');
    expect(refused).toMatchObject({
      kind: 'failed',
      error: {
        code: 'validation',
        transient: false,
        carrierReason: 'Invalid communication plan: Voice - 2G (errorCode 10000020)',
        message: expect.stringContaining('exactly as Control Center shows it'),
      },
    });
  });

  it('needs at least one editable field, and ICCID and IMEI are not among them', async () => {
    const run = await startJasper();
    const iccid = run.devices.active[0]!.iccid;
    // ICCID and IMEI are not editable fields: the SIM is the path, the IMEI what the network sees.
    for (const body of [
      {},
      { apn: 'iot.apn' },
      { effectiveDate: '2030-01-01' },
      { iccid: run.fresh.iccid },
      { imei: run.fresh.imei },
    ]) {
      const response = await run.raw.put(`/devices/${iccid}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.data).toEqual({
        errorMessage: 'At least one editable field is required',
        errorCode: '10000024',
      });
    }
  });

  it('holds a future-dated edit until the simulated clock reaches it, then applies it once', async () => {
    const run = await startJasper();
    const adapter = run.adapter();
    const device = run.devices.active[0]!;
    const effectiveDate = new Date(run.jasper.sim.clock.now() + 2 * DAY).toISOString();
    const response = await run.raw.put(`/devices/${device.iccid}`, {
      status: 'DEACTIVATED',
      effectiveDate,
    });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ iccid: device.iccid });
    expect(await adapter.getDeviceState(device)).toMatchObject({ state: { status: 'active' } });
    expect(run.jasper.scheduled()).toEqual([
      {
        iccid: device.iccid,
        effectiveAt: Date.parse(effectiveDate),
        edit: { status: 'DEACTIVATED' },
      },
    ]);

    run.jasper.sim.clock.advance(2 * DAY + 1_000);
    expect(await adapter.getDeviceState(device)).toMatchObject({ state: { status: 'suspended' } });
    expect(run.jasper.scheduled()[0]?.outcome).toBe('applied');
    expect(run.jasper.device(device.iccid)?.dateUpdated).toBe(Date.parse(effectiveDate));
    expect(run.jasper.sim.applied.get(device.iccid, 'status:DEACTIVATED')).toBe(1);
  });

  it('accepts effective dates up to 180 days ahead and refuses later or unreadable ones', async () => {
    const run = await startJasper();
    const iccid = run.devices.active[0]!.iccid;
    const ahead = (days: number) => new Date(run.jasper.sim.clock.now() + days * DAY).toISOString();
    const put = (effectiveDate: string) =>
      run.raw.put(`/devices/${iccid}`, { ratePlan: plans.other, effectiveDate });
    expect((await put(ahead(179))).status).toBe(200);
    expect((await put(ahead(181))).data).toEqual({
      errorMessage: 'effectiveDate cannot be more than 180 days in the future',
      errorCode: '10000031',
    });
    expect((await put('next tuesday')).data).toEqual({
      errorMessage: 'Invalid effectiveDate: next tuesday',
      errorCode: '10000030',
    });
    expect(run.jasper.scheduled()).toHaveLength(1);
  });

  it('drops a scheduled change that is no longer allowed when its date comes', async () => {
    const run = await startJasper();
    const device = run.devices.active[0]!;
    await run.raw.put(`/devices/${device.iccid}`, {
      status: 'DEACTIVATED',
      effectiveDate: new Date(run.jasper.sim.clock.now() + DAY).toISOString(),
    });
    await run.adapter().updateStatus([device], 'deactivate');
    run.jasper.sim.clock.advance(DAY + 1_000);
    expect(run.jasper.applyDueChanges()).toBe(1);
    expect(run.jasper.scheduled()[0]?.outcome).toEqual({
      dropped: 'Invalid status change from RETIRED to DEACTIVATED',
    });
    expect(run.jasper.device(device.iccid)?.status).toBe('RETIRED');
  });

  it('sets a fixed IPv4 address only with apn and pdpId, on a communication plan that allows one', async () => {
    const run = await startJasper({ settings: { fixedIpCommunicationPlans: ['Static IP - LTE'] } });
    const iccid = run.devices.active[0]!.iccid;
    const put = async (body: object) => (await run.raw.put(`/devices/${iccid}`, body)).data;
    expect(await put({ ipv4Address: '10.20.30.40' })).toEqual({
      errorMessage: 'apn and pdpId are required when setting ipv4Address',
      errorCode: '10000040',
    });
    expect(await put({ ipv4Address: '10.20.30.40', apn: 'iot.apn', pdpId: 1 })).toEqual({
      errorMessage: `Communication plan ${communicationPlans.current} does not support fixed IP addresses`,
      errorCode: '10000041',
    });
    expect(await put({ ipv4Address: '10.20.30.400', apn: 'iot.apn', pdpId: 1 })).toMatchObject({
      errorCode: '10000042',
    });
    expect(
      await put({
        ipv4Address: '10.20.30.40',
        apn: 'iot.apn',
        pdpId: '1',
        communicationPlan: 'Static IP - LTE',
      }),
    ).toEqual({ iccid });
    expect((await run.raw.get(`/devices/${iccid}`)).data).toMatchObject({
      fixedIPAddress: '10.20.30.40',
      communicationPlan: 'Static IP - LTE',
    });
  });
});

describe('Get Device Details', () => {
  it('returns the full field set, or only the fields asked for', async () => {
    const run = await startJasper();
    const device = run.devices.active[0]!;
    const full = (await run.raw.get(`/devices/${device.iccid}`)).data as Record<string, unknown>;
    expect(Object.keys(full)).toEqual(
      expect.arrayContaining([
        'iccid',
        'imsi',
        'msisdn',
        'imei',
        'status',
        'ratePlan',
        'communicationPlan',
        'customer',
        'endConsumerId',
        'dateActivated',
        'dateUpdated',
        'dateShipped',
        'accountId',
        'fixedIPAddress',
        'fixedIpv6Address',
        'accountCustom1',
        'accountCustom10',
      ]),
    );
    expect(full).toMatchObject({ iccid: device.iccid, imei: device.imei, status: 'ACTIVATED' });
    const sparse = await run.raw.get(`/devices/${device.iccid}`, {
      params: { fields: 'status,ratePlan' },
    });
    expect(sparse.data).toEqual({ status: 'ACTIVATED', ratePlan: plans.current });
    const spaced = await run.raw.get(`/devices/${device.iccid}`, {
      params: { fields: 'status, ratePlan' },
    });
    expect(spaced.status).toBe(400);
  });

  it('answers an unknown ICCID with 404 and the configured errorCode', async () => {
    const run = await startJasper({ settings: { codes: { deviceNotFound: '10000999' } } });
    expect(await run.adapter().getDeviceState({ iccid: run.fresh.iccid })).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        transient: false,
        httpStatus: 404,
        carrierReason: `Invalid ICCID: ${run.fresh.iccid} (errorCode 10000999)`,
        message: expect.stringContaining(run.fresh.iccid),
      },
    });
  });
});

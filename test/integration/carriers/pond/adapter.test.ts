import { describe, expect, it } from 'vitest';
import { defaultPondWire } from '../../../../main/core/carriers/pond/wire';
import type { Exchange } from '../../../../main/core/carriers/http/client';
import { PondSettings } from '../../../../main/core/simulators/pond/settings';
import { globalSmall, pondFleet, pondTestCredentials, usePond } from './fixture';

const start = usePond();
const allOn = '{"Services":{"Data":true,"Sms":true,"Voice":true}}';
const allOff = '{"Services":{"Data":false,"Sms":false,"Voice":false}}';

describe('POND adapter', () => {
  it('switches every service on to activate or restore, and off to suspend', async () => {
    const run = await start();
    const adapter = run.adapter();
    const [stock, line] = [run.fleet.inventory[0]!, run.fleet.active[0]!];
    const base = run.pond.sim.callCount();
    expect(await adapter.updateStatus([stock], 'activate')).toMatchObject([{ kind: 'done' }]);
    expect(await adapter.updateStatus([line], 'suspend')).toMatchObject([{ kind: 'done' }]);
    expect(run.pond.statusOf(line.iccid)).toBe('DISABLED');
    expect(await adapter.updateStatus([line], 'restore')).toMatchObject([{ kind: 'done' }]);
    expect(run.trail(base)).toEqual([
      `POST /devices/${stock.iccid}/status ${allOn} → 200`,
      `POST /devices/${line.iccid}/status ${allOff} → 200`,
      `POST /devices/${line.iccid}/status ${allOn} → 200`,
    ]);
    expect([run.pond.statusOf(stock.iccid), run.pond.statusOf(line.iccid)]).toEqual([
      'ACTIVE',
      'ACTIVE',
    ]);
    expect(run.pond.sim.applied.get(stock.iccid, 'activate')).toBe(1);
    expect(run.pond.sim.applied.get(line.iccid, 'restore')).toBe(1);
  });

  it('declines deactivation and identifier swaps without calling POND', async () => {
    const run = await start();
    const adapter = run.adapter();
    const device = run.fleet.active[0]!;
    const [deactivated] = await adapter.updateStatus([device], 'deactivate');
    const swapped = await adapter.changeIdentifier(device, { newIccid: run.fleet.fresh.iccid });
    expect(deactivated).toMatchObject({
      kind: 'failed',
      error: { code: 'unsupported', transient: false, message: expect.stringContaining('purge') },
    });
    expect(swapped).toMatchObject({ kind: 'failed', error: { code: 'unsupported' } });
    expect(run.pond.sim.callCount()).toBe(0);
  });

  it('refuses to switch a terminated SIM back on, as a business rule with POND’s reason', async () => {
    const fleet = pondFleet();
    const gone = { ...fleet.simDevices[0]!, status: 'deactivated' as const };
    const run = await start({ simDevices: [gone] });
    const [outcome] = await run.adapter().updateStatus([gone], 'activate');
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: {
        code: 'business_rule',
        transient: false,
        carrierReason: expect.stringContaining('DEVICE_TERMINATED'),
      },
    });
  });

  it('reads stock and terminated SIMs in our vocabulary, and the plan from the active package', async () => {
    const fleet = pondFleet();
    const gone = { ...fleet.simDevices[1]!, status: 'deactivated' as const };
    const run = await start({ simDevices: [fleet.simDevices[0]!, gone, fleet.simDevices[9]!] });
    const adapter = run.adapter();
    const states = [];
    for (const device of [fleet.simDevices[0]!, gone, fleet.simDevices[9]!]) {
      const read = await adapter.getDeviceState({ iccid: device.iccid });
      states.push(read.ok ? read.state : read.error);
    }
    expect(states).toEqual([
      expect.objectContaining({
        status: 'active',
        carrierStatus: 'ACTIVE',
        ratePlan: globalSmall,
        imei: fleet.simDevices[0]!.imei,
        msisdn: fleet.simDevices[0]!.msisdn,
      }),
      expect.objectContaining({
        status: 'deactivated',
        carrierStatus: 'TERMINATED',
        ratePlan: null,
      }),
      expect.objectContaining({ status: 'inventory', carrierStatus: 'INACTIVE', ratePlan: null }),
    ]);
  });

  it('derives the status from the service flags when POND does not name it', async () => {
    const run = await start({ settings: { reportStatusWord: false } });
    const adapter = run.adapter();
    expect(await adapter.getDeviceState(run.fleet.active[0]!)).toMatchObject({
      ok: true,
      state: { status: 'active', carrierStatus: 'ACTIVE' },
    });
    expect(await adapter.getDeviceState(run.fleet.suspended[0]!)).toMatchObject({
      ok: true,
      state: { status: 'suspended', carrierStatus: 'DISABLED' },
    });
  });

  it('pages through the package types for the catalog, and sends numeric ids as numbers', async () => {
    const ratePlans = Array.from({ length: 12 }, (_, i) => ({
      code: String(1001 + i),
      name: `Package ${i + 1}`,
    }));
    const fleet = pondFleet();
    const line = { ...fleet.simDevices[0]!, ratePlan: '1001' };
    const run = await start({ ratePlans, simDevices: [line] });
    const adapter = run.adapter();
    const base = run.pond.sim.callCount();
    const catalog = await adapter.fetchRatePlans();
    expect(catalog.ok && catalog.plans).toEqual(ratePlans);
    expect(run.trail(base)).toEqual([
      'GET /package-types?offset=0&count=10 → 200',
      'GET /package-types?offset=10&count=10 → 200',
    ]);
    expect(await adapter.changeRatePlan([line], '1012')).toMatchObject([{ kind: 'done' }]);
    expect(run.trail(base + 2)[1]).toContain('{"PackageTypeId":1012}');
    expect(await adapter.getDeviceState(line)).toMatchObject({
      ok: true,
      state: { ratePlan: '1012' },
    });
  });

  it('logs that the API key was sent without logging the key, and keeps the distributor visible', async () => {
    const run = await start();
    const exchanges: Exchange[] = [];
    await run
      .adapter({ onExchange: (e) => exchanges.push(e) })
      .getDeviceState(run.fleet.active[0]!);
    expect(exchanges[0]).toMatchObject({
      url: expect.stringContaining(`/${pondTestCredentials.distributorId}/devices/`),
      requestHeaders: { 'x-api-key': '[redacted]', Accept: 'application/json' },
    });
    expect(JSON.stringify(exchanges)).not.toContain(pondTestCredentials.apiKey);
  });

  it('follows re-pointed paths, key header and service flags when POND’s are re-pointed the same way', async () => {
    const variant = {
      paths: {
        deviceStatus: '{distributorId}/v1/sim/{iccid}/status',
        listPackages: '{distributorId}/v1/sim/{iccid}/package',
        addPackage: '{distributorId}/v1/sim/{iccid}/package',
        packageStatus: '{distributorId}/v1/package/{packageId}/status',
        packageTypes: '{distributorId}/v1/package-types',
      },
      apiKeyHeader: 'Api-Key',
      serviceFlags: ['Data', 'Sms'],
    };
    const run = await start({ settings: variant });
    const device = run.fleet.active[0]!;
    const adapter = run.adapter({ wire: variant });
    expect(await adapter.testConnection()).toEqual({ ok: true });
    expect(await adapter.updateStatus([device], 'suspend')).toMatchObject([{ kind: 'done' }]);
    expect(await adapter.changeRatePlan([device], 'POND-NA-1GB')).toMatchObject([{ kind: 'done' }]);
    expect(await adapter.getDeviceState(device)).toMatchObject({
      ok: true,
      state: { status: 'suspended', ratePlan: 'POND-NA-1GB' },
    });
    expect(run.pond.sim.requests.at(-1)?.path).toContain('/v1/sim/');
    expect(await run.adapter().getDeviceState(device)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('ships the same wire defaults as the simulator, so the two only move together', () => {
    const sim = PondSettings.parse({});
    const { devices: _devices, purge: _purge, ...simPaths } = sim.paths;
    expect(defaultPondWire).toEqual({
      paths: simPaths,
      apiKeyHeader: sim.apiKeyHeader,
      serviceFlags: sim.serviceFlags,
      pageSize: sim.defaultPageSize,
    });
  });
});

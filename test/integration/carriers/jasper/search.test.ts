import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, startJasper } from './harness';

afterEach(closeAll);

const EPOCH = new Date(0).toISOString();

describe('Search Devices', () => {
  it('serves devices changed since a time, oldest change first, at most 50 a page, with lastPage', async () => {
    const run = await startJasper({ extra: 120 });
    const seeded = [
      ...run.devices.active,
      ...run.devices.suspended,
      ...run.devices.inventory,
      ...run.extra,
    ];
    const pages = [];
    for (const pageNumber of [1, 2, 3]) {
      const response = await run.raw.get('/devices', {
        params: { modifiedSince: EPOCH, pageSize: 50, pageNumber },
      });
      pages.push(
        response.data as { devices: { iccid: string }[]; pageNumber: number; lastPage: boolean },
      );
    }
    expect(pages.map((p) => [p.pageNumber, p.devices.length, p.lastPage])).toEqual([
      [1, 50, false],
      [2, 50, false],
      [3, 34, true],
    ]);
    expect(pages.flatMap((p) => p.devices.map((d) => d.iccid))).toEqual(seeded.map((d) => d.iccid));
    expect(pages[0]!.devices[0]).toEqual({
      iccid: seeded[0]!.iccid,
      status: 'ACTIVATED',
      ratePlan: 'IOT_5MB_POOL',
      communicationPlan: 'Data Only - LTE',
    });
  });

  it('returns only the devices changed since the time, in the order they changed', async () => {
    const run = await startJasper();
    const since = run.jasper.sim.clock.date().toISOString();
    const adapter = run.adapter();
    const [a, b, c] = run.devices.active;
    await adapter.updateStatus([b!], 'suspend');
    await adapter.changeRatePlan([a!], 'IOT_50MB_POOL');
    await adapter.updateStatus([c!], 'deactivate');
    const result = await adapter.searchModifiedSince(new Date(since));
    expect(result).toEqual({
      ok: true,
      complete: true,
      devices: [
        expect.objectContaining({
          iccid: b!.iccid,
          status: 'suspended',
          carrierStatus: 'DEACTIVATED',
        }),
        expect.objectContaining({ iccid: a!.iccid, status: 'active', ratePlan: 'IOT_50MB_POOL' }),
        expect.objectContaining({
          iccid: c!.iccid,
          status: 'deactivated',
          carrierStatus: 'RETIRED',
        }),
      ],
    });
    const filtered = await run.raw.get('/devices', {
      params: { modifiedSince: since, status: 'DEACTIVATED' },
    });
    expect(filtered.data).toEqual({
      devices: [expect.objectContaining({ iccid: b!.iccid })],
      pageNumber: 1,
      lastPage: true,
    });
  });

  it('refuses a search without modifiedSince or with more than 50 a page, or clamps when configured', async () => {
    const strict = await startJasper({ extra: 60 });
    expect((await strict.raw.get('/devices')).data).toEqual({
      errorMessage: 'modifiedSince is required',
      errorCode: '10000012',
    });
    const tooBig = await strict.raw.get('/devices', {
      params: { modifiedSince: EPOCH, pageSize: 51 },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.data).toEqual({
      errorMessage: 'pageSize cannot exceed 50',
      errorCode: '10000012',
    });

    const clamping = await startJasper({ extra: 60, settings: { pageSizeOverMax: 'clamp' } });
    const clamped = await clamping.raw.get('/devices', {
      params: { modifiedSince: EPOCH, pageSize: 500 },
    });
    expect(clamped.status).toBe(200);
    expect(clamped.data).toMatchObject({ pageNumber: 1, lastPage: false });
    expect((clamped.data as { devices: unknown[] }).devices).toHaveLength(50);
  });

  it('reads every page for a sync, 50 at a time', async () => {
    const run = await startJasper({ extra: 120 });
    const result = await run.adapter().searchModifiedSince(new Date(0));
    expect(result.ok && result.complete).toBe(true);
    expect(result.ok && new Set(result.devices.map((d) => d.iccid)).size).toBe(134);
    expect(
      run.jasper.sim.requests.map((r) => new URL(r.path, 'http://x').searchParams.toString()),
    ).toEqual(
      [1, 2, 3].map(
        (page) => `modifiedSince=1970-01-01T00%3A00%3A00.000Z&pageSize=50&pageNumber=${page}`,
      ),
    );
  });

  it('reads the pages again when a device changes mid-scan, so no device slips past', async () => {
    const run = await startJasper({ extra: 120 });
    const moved = run.devices.active[0]!;
    let changed = false;
    const adapter = run.adapter({
      onExchange: (exchange) => {
        // Changed in Control Center right after we read page 1: every later row shifts back one.
        if (!changed && exchange.url.includes('pageNumber=1')) {
          changed = true;
          run.jasper.setStatus(moved.iccid, 'DEACTIVATED');
        }
      },
    });
    const result = await adapter.searchModifiedSince(new Date(0));
    expect(result.ok && result.complete).toBe(true);
    const iccids = result.ok ? result.devices.map((d) => d.iccid) : [];
    expect(new Set(iccids).size).toBe(134);
    expect(iccids).toHaveLength(134);
    expect(result.ok && result.devices.at(-1)).toMatchObject({
      iccid: moved.iccid,
      status: 'suspended',
    });
    expect(run.jasper.sim.requests).toHaveLength(6);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { importWorkspace } from './workspace';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('a change from devices picked in the grid', () => {
  it('offers the status moves the selection allows, dry-runs and submits like a file', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const suspended = ws.iccids("d.status = 'suspended' AND a.carrier = 'jasper'", 3);
    const started = await ws.call('import:fromSelection', {
      selection: { kind: 'ids', ids: suspended },
    });
    expect(started).toMatchObject({ devices: 3, allowedActions: ['restore', 'deactivate'] });
    const jasperAccount = ws.db
      .prepare("SELECT id FROM carrier_accounts WHERE carrier = 'jasper'")
      .pluck()
      .get();
    expect(started.accountIds).toEqual([jasperAccount]);
    const options = await ws.call('catalog:options', { accountIds: started.accountIds });
    expect(new Set(options.carrierRatePlans.map((p) => p.carrier))).toEqual(new Set(['jasper']));
    expect(options.customers.map((c) => c.name)).toContain('Acme Logistics');

    const check = await ws.call('import:check', {
      importId: started.importId,
      mapping: [{ column: 0, field: 'iccid' }],
      setup: { changeType: 'statusUpdate', params: { action: 'restore' } },
    });
    expect(check).toMatchObject({ total: 3, ok: 3, errors: 0 });
    expect(check.lanes).toEqual([
      {
        accountName: 'Cisco Control Center (sandbox)',
        carrier: 'jasper',
        devices: 3,
        calls: 3,
        estimatedSeconds: expect.any(Number),
      },
    ]);
    const { bulkChangeIds } = await ws.call('import:submit', { importId: started.importId });
    expect(bulkChangeIds).toHaveLength(1);
    const final = await ws.untilFinal(bulkChangeIds[0]!);
    expect(final.status).toBe('PROCESSED');
    for (const iccid of suspended) expect(ws.device(iccid).status).toBe('active');
  });

  it('resolves “all matching a filter” in core, less the devices unticked', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const pond = ws.iccids("a.carrier = 'pond'", 1000);
    const started = await ws.call('import:fromSelection', {
      selection: { kind: 'filter', filter: { carriers: ['pond'] }, except: pond.slice(0, 2) },
    });
    expect(started.devices).toBe(pond.length - 2);
    // POND's API has no deactivation, whatever the devices' statuses.
    expect(started.allowedActions).not.toContain('deactivate');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract/workspace';
import type { Core } from '../../../main/core/core';
import { openStore } from '../../../main/core/store/open';
import { databaseFile } from '../../../main/core/workspace/paths';
import { seedSandbox } from '../../../main/core/workspace/seedSandbox';
import { startExternalCarriers, type ExternalCarriers } from '../../support/externalCarriers';
import { sandboxCore } from '../../support/sandboxCore';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const open: (Core | ExternalCarriers)[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('editing a carrier account while a reconciliation asks it', () => {
  it('asks the edited account from the next device on, as the engine does', async () => {
    const dataDir = tempDir();
    const file = databaseFile(dataDir);
    const db = openStore(file);
    await seedSandbox(db, { devices: 200 });
    const devices = db
      .prepare(
        "SELECT d.iccid FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE a.carrier = 'jasper' AND d.status = 'active' ORDER BY d.id LIMIT 8",
      )
      .pluck()
      .all() as string[];
    const jasper = db
      .prepare("SELECT id FROM carrier_accounts WHERE carrier = 'jasper'")
      .pluck()
      .get() as number;
    db.close();
    const carriers = await startExternalCarriers(file);
    open.push(carriers);
    const desk = sandboxCore(dataDir, {
      sandboxDevices: undefined,
      keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
    });
    open.push(desk.core);
    const created = await desk.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices,
      submit: true,
    });
    await desk.untilFinal(created.bulkChangeId);

    // One slow call at a time, so the edit lands while devices are still to be asked.
    await desk.call('carriers:updateAccount', { accountId: jasper, maxConcurrency: 1 });
    carriers.sims.get('jasper')!.setFaults({ latencyMs: 150 });
    const running = desk.call('reports:reconcile', { bulkChangeId: created.bulkChangeId });
    await desk.untilEvent(
      (m) =>
        m.event === 'workspace:progress' &&
        (m.payload as Progress).task === 'reports:reconcile' &&
        (m.payload as Progress).done > 0,
    );
    // Pointed at another carrier's API (a wrong address that answers): every later lookup is refused.
    await desk.call('carriers:updateAccount', {
      accountId: jasper,
      baseUrl: carriers.sims.get('pond')!.url,
    });
    const run = await running;
    expect(run.state).toBe('complete');
    expect(run.matching).toBeGreaterThan(0);
    expect(run.notChecked).toBeGreaterThan(0);
    expect(run.matching + run.notChecked).toBe(devices.length);
  }, 60_000);
});

import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../../shared/contract/bulk';
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

describe('editing a carrier account while a bulk change runs on it', () => {
  it('carries on at the corrected address without a restart', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const file = databaseFile(dataDir);
    const db = openStore(file);
    await seedSandbox(db, { devices: 200 });
    const targets = db
      .prepare(
        "SELECT d.iccid FROM devices d JOIN carrier_accounts a ON a.id = d.carrier_account_id WHERE a.carrier = 'pond' AND d.status = 'active' ORDER BY d.id LIMIT 5",
      )
      .pluck()
      .all() as string[];
    const account = db
      .prepare("SELECT id, base_url AS url FROM carrier_accounts WHERE carrier = 'pond'")
      .get() as { id: number; url: string };
    db.close();
    const carriers = await startExternalCarriers(file);
    open.push(carriers);
    const desk = sandboxCore(dataDir, {
      sandboxDevices: undefined,
      keychain: { save: () => undefined, read: () => undefined, clear: () => undefined },
    });
    open.push(desk.core);
    const simUrl = (await desk.call('carriers:accounts', {})).find(
      (a) => a.id === account.id,
    )!.baseUrl;

    // A mistyped address: nothing answers there, so the lane waits and probes.
    await desk.call('carriers:updateAccount', {
      accountId: account.id,
      baseUrl: 'http://127.0.0.1:9',
    });
    const created = await desk.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices: targets,
      submit: true,
    });
    await desk.untilEvent(
      (e) =>
        e.event === 'bulk:progress' &&
        (e.payload as BulkProgress).lanes.some((l) => l.state === 'waiting'),
    );

    await desk.call('carriers:updateAccount', { accountId: account.id, baseUrl: simUrl });
    const final = await desk.untilFinal(created.bulkChangeId);
    expect(final).toMatchObject({ status: 'PROCESSED', counts: { SUCCEEDED: targets.length } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract/workspace';
import type { Core } from '../../../main/core/core';
import type { ExternalCarriers } from '../../support/externalCarriers';
import { deskOnExternalCarriers } from '../../support/externalDesk';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const open: (Core | ExternalCarriers)[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('editing a carrier account while a reconciliation asks it', () => {
  it('asks the edited account from the next device on, as the engine does', async () => {
    const {
      carriers,
      desk,
      devices,
      accountId: jasper,
    } = await deskOnExternalCarriers(tempDir(), 'jasper', 8);
    open.push(carriers, desk.core);
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

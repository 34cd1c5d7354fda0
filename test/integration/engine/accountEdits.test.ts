import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { Core } from '../../../main/core/core';
import type { ExternalCarriers } from '../../support/externalCarriers';
import { deskOnExternalCarriers } from '../../support/externalDesk';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const open: (Core | ExternalCarriers)[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('editing a carrier account while a bulk change runs on it', () => {
  it('carries on at the corrected address without a restart', { timeout: 60_000 }, async () => {
    const {
      carriers,
      desk,
      devices: targets,
      accountId,
    } = await deskOnExternalCarriers(tempDir(), 'pond', 5);
    open.push(carriers, desk.core);
    const simUrl = (await desk.call('carriers:accounts', {})).find(
      (a) => a.id === accountId,
    )!.baseUrl;

    // A mistyped address: nothing answers there, so the lane waits and probes.
    await desk.call('carriers:updateAccount', {
      accountId,
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

    await desk.call('carriers:updateAccount', { accountId, baseUrl: simUrl });
    const final = await desk.untilFinal(created.bulkChangeId);
    expect(final).toMatchObject({ status: 'PROCESSED', counts: { SUCCEEDED: targets.length } });
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxCore } from '../../support/sandboxCore';
import { useTempDir } from '../../support/tempDir';
import { seedBigReport } from './bigReport';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** A core on a workspace with one finished 30,000-device bulk change. */
async function bigWorkspace() {
  const dataDir = tempDir();
  const bulkChangeId = await seedBigReport(dataDir, 30_000);
  const desk = sandboxCore(dataDir);
  close = () => desk.core.close();
  /** Resolves once `task` has reported some rows written, but not all. */
  const underWay = (task: string) =>
    desk.untilEvent((m) => {
      const p = m.payload as { task?: string; done: number; total: number };
      return m.event === 'workspace:progress' && p.task === task && p.done > 0 && p.done < p.total;
    });
  return { desk, dataDir, bulkChangeId, underWay };
}

describe('cancelling long report work', () => {
  it('stops an export part way, and only the export, leaving no file behind', async () => {
    const { desk, dataDir, bulkChangeId, underWay } = await bigWorkspace();
    const started = underWay('reports:export');
    const exporting = desk.call('reports:export', {
      report: { kind: 'bulkChange', bulkChangeId },
      format: 'xlsx',
    });
    await started;
    // Cancel names what it stops: a reconciliation's Cancel leaves this export alone.
    expect(await desk.call('reports:cancel', { task: 'reports:reconcile' })).toEqual({
      cancelled: false,
    });
    expect(await desk.call('reports:cancel', { task: 'reports:export' })).toEqual({
      cancelled: true,
    });
    await expect(exporting).rejects.toThrow('Writing the report was stopped; nothing was kept.');
    expect(readdirSync(join(dataDir, 'reports'))).toEqual([]);
    // Nothing is running now, and the next export runs to the end.
    expect(await desk.call('reports:cancel', {})).toEqual({ cancelled: false });
    const again = await desk.call('reports:export', {
      report: { kind: 'bulkChange', bulkChangeId },
      format: 'csv',
    });
    expect(again?.rows).toBe(30_000);
  });

  it('stops an evidence pack part way, removing its scratch reports', async () => {
    const { desk, dataDir, bulkChangeId, underWay } = await bigWorkspace();
    const started = underWay('reports:evidencePack');
    const packing = desk.call('reports:evidencePack', { bulkChangeId });
    await started;
    expect(await desk.call('reports:cancel', {})).toEqual({ cancelled: true });
    await expect(packing).rejects.toThrow('Writing the evidence pack was stopped');
    expect(readdirSync(join(dataDir, 'reports'))).toEqual([]);
  });
});

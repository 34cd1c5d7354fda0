import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCoreHost } from '../../main/host/coreHost';
import { sourceWorker } from '../support/coreWorker';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();

describe('core in a worker thread', () => {
  it('seeds a new sandbox in the background, answering calls once it is done', async () => {
    const host = await startCoreHost({
      ...sourceWorker,
      core: { dataDir: tempDir(), appVersion: 'test', sandboxDevices: 20_000 },
    });
    const progress: number[] = [];
    host.on('workspace:progress', (p) => progress.push(p.done));
    const info = await host.call('workspace:info', {});
    expect(info).toMatchObject({ ok: true, value: { sandbox: true, deviceCount: 20_000 } });
    expect(host.latestProgress()).toEqual([
      {
        event: 'workspace:progress',
        payload: expect.objectContaining({ done: 20_000, total: 20_000 }),
      },
    ]);
    await host.close();
  });

  it('drains on close, then closes the database so another process can open it', async () => {
    const dataDir = tempDir();
    const host = await startCoreHost({
      ...sourceWorker,
      core: { dataDir, appVersion: 'test', sandboxDevices: 10 },
    });
    const inFlight = host.call('devices:facets', {});
    await host.close();
    expect(await inFlight).toMatchObject({ ok: true, value: { total: 10 } });
    expect(await host.call('workspace:info', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    const db = new Database(join(dataDir, 'workspace.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to start on a workspace from a newer app, saying why', async () => {
    const dataDir = tempDir();
    const newer = new Database(join(dataDir, 'workspace.sqlite'));
    newer.pragma('user_version = 999');
    newer.close();
    await expect(
      startCoreHost({ ...sourceWorker, core: { dataDir, appVersion: 'test' } }),
    ).rejects.toMatchObject({
      code: 'workspace_incompatible',
      message: expect.stringContaining('newer version'),
    });
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, type Result } from '../../../shared/contract';
import { openCore } from '../../../main/core/core';
import type { Keychain } from '../../../main/core/credentials/keychain';
import {
  registerContract,
  trustedUrlCheck,
  type DesktopDialogs,
  type IpcEventLike,
} from '../../../main/ipc/registerContract';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
// Sandbox accounts never touch the keychain; this one proves it by refusing every use.
const noKeychain: Keychain = {
  save: () => {
    throw new Error('no keychain in this test');
  },
  read: () => {
    throw new Error('no keychain in this test');
  },
  clear: () => {
    throw new Error('no keychain in this test');
  },
};

/** Registers the contract on a plain object shaped like Electron's ipcMain, over a real core. */
function setUp(desktop?: Partial<DesktopDialogs>) {
  const core = openCore({
    dataDir: tempDir(),
    appVersion: 'test',
    sandboxDevices: 50,
    keychain: noKeychain,
  });
  const reachedCore: string[] = [];
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  registerContract(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    { call: (channel, request) => (reachedCore.push(channel), core.call(channel, request)) },
    trustedUrlCheck(),
    desktop && {
      pickSpreadsheet: async () => null,
      pickSaveTarget: async () => null,
      reveal: () => undefined,
      ...desktop,
    },
  );
  const invoke = (url: string | null, channel: string, request: unknown) =>
    handlers.get(channel)!({ senderFrame: url === null ? null : { url } }, request) as Promise<
      Result<unknown>
    >;
  return { core, handlers, reachedCore, invoke };
}

describe('registering the contract on ipcMain', () => {
  it('registers exactly the contract channels', async () => {
    const { core, handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual([...channels].sort());
    await core.close();
  });

  it('answers our own UI with a Result', async () => {
    const { core, invoke } = setUp();
    const result = await invoke('app://console/index.html', 'workspace:info', {});
    expect(result).toMatchObject({ ok: true, value: { sandbox: true, deviceCount: 50 } });
    await core.close();
  });

  it('refuses a foreign frame before anything reaches core', async () => {
    const { core, invoke, reachedCore } = setUp();
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://other/',
      'http://localhost:5173/',
    ]) {
      const result = await invoke(url, 'devices:list', {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: expect.stringContaining(url) },
      });
    }
    expect((await invoke(null, 'devices:list', {})).ok).toBe(false);
    expect(reachedCore).toEqual([]);
    await core.close();
  });

  it('rejects a malformed request with invalid_request naming the field, never reaching core', async () => {
    const { core, invoke, reachedCore } = setUp();
    const result = await invoke('app://console/', 'devices:list', { offset: -1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('offset:') },
    });
    expect(reachedCore).toEqual([]);
    await core.close();
  });

  it('trusts the dev server only when one is named', () => {
    expect(trustedUrlCheck()('http://localhost:5173/')).toBe(false);
    expect(trustedUrlCheck('http://localhost:5173')('http://localhost:5173/devices')).toBe(true);
    expect(trustedUrlCheck('http://localhost:5173')('http://localhost:5174/')).toBe(false);
    expect(trustedUrlCheck()('not a url')).toBe(false);
  });

  it('opens the file main’s dialog chose; the window never names a path', async () => {
    const dir = tempDir();
    const file = join(dir, 'picked.csv');
    writeFileSync(file, 'ICCID\n89014103211118510720\n');
    const picks: (string | null)[] = [file, null];
    const { core, invoke } = setUp({ pickSpreadsheet: async () => picks.shift() ?? null });
    const ui = 'app://console/index.html';
    expect(await invoke(ui, 'import:openDialog', {})).toMatchObject({
      ok: true,
      value: { fileName: 'picked.csv', format: 'csv', dataRows: 1 },
    });
    expect(await invoke(ui, 'import:openDialog', {})).toEqual({ ok: true, value: null });
    expect(await invoke(ui, 'import:open', { source: { kind: 'path', path: file } })).toMatchObject(
      { ok: false, error: { code: 'forbidden_sender' } },
    );
    await core.close();
  });

  it('saves an export where main’s save dialog says, and shows only files it saved', async () => {
    const dir = tempDir();
    const chosen = join(dir, 'chosen.csv');
    const picks: (string | null)[] = [chosen, null];
    const offered: string[] = [];
    const revealed: string[] = [];
    const { core, invoke } = setUp({
      pickSaveTarget: async (suggested) => (offered.push(suggested), picks.shift() ?? null),
      reveal: (path) => revealed.push(path),
    });
    const ui = 'app://console/index.html';
    const report = { kind: 'compliance', from: '2026-01-01', to: '2026-01-31', timeZone: 'UTC' };
    expect(await invoke(ui, 'reports:export', { report, format: 'csv' })).toMatchObject({
      ok: true,
      value: { path: chosen, fileName: 'chosen.csv', rows: 0 },
    });
    expect(readFileSync(chosen, 'utf8')).toContain('Compliance');
    expect(offered).toEqual(['compliance-2026-01-01-to-2026-01-31.csv']);
    // Cancelled: nothing written, and the window hears null.
    expect(await invoke(ui, 'reports:export', { report, format: 'pdf' })).toEqual({
      ok: true,
      value: null,
    });
    // A window may not name the path itself, nor reveal a file it did not save.
    const elsewhere = join(dir, 'elsewhere.csv');
    expect(
      await invoke(ui, 'reports:export', { report, format: 'csv', path: elsewhere }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(existsSync(elsewhere)).toBe(false);
    expect(await invoke(ui, 'reports:reveal', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await invoke(ui, 'reports:reveal', { path: chosen })).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(revealed).toEqual([chosen]);
    await core.close();
  });

  it('refuses a path named by a window even without the desktop dialogs (the bridge)', async () => {
    const { core, invoke } = setUp();
    const path = join(tempDir(), 'x.zip');
    const result = await invoke('app://console/index.html', 'reports:evidencePack', {
      bulkChangeId: 1,
      path,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(existsSync(path)).toBe(false);
    await core.close();
  });
});

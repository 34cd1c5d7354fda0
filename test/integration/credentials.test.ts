import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, RequestOf, Result } from '../../shared/contract';
import { parseRequest } from '../../shared/contract/validate';
import { openCore, type Core } from '../../main/core/core';
import { osKeychain, type Keychain } from '../../main/core/credentials/keychain';
import { CoreError } from '../../main/core/errors';
import { startJasperSimulator } from '../../main/core/simulators/jasper';
import type { Simulator } from '../../main/core/simulators/common/server';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasSessionBus)
  console.warn('credential tests that need the OS keychain skipped: no D-Bus session bus');

const opened: (Core | Simulator)[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

/** Core as a window would use it: every request parsed first, every answer kept for the sweep. */
function desk(core: Core) {
  const answers: unknown[] = [];
  return {
    answers,
    async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<unknown>> {
      const parsed = parseRequest(channel, request);
      const result = parsed.ok
        ? await core.call(parsed.value.channel, parsed.value.request)
        : parsed;
      answers.push(result);
      return result;
    },
  };
}

async function liveJasper(apiKey: string) {
  const { sim } = await startJasperSimulator({
    credentials: { username: 'desk-user', apiKey },
    devices: [],
    ratePlans: [],
  });
  opened.push(sim);
  return sim;
}

describe('adding a live carrier account', () => {
  it('refuses addresses that would send credentials in the clear or hide them in the URL', async () => {
    const core = openCore({
      dataDir: tempDir(),
      appVersion: 'test',
      keychain: osKeychain(`test-${randomUUID()}`),
    });
    opened.push(core);
    const api = desk(core);
    for (const baseUrl of [
      'http://api.carrier.example',
      'not a url',
      'https://user:pw@api.carrier.example',
      'ftp://x',
    ]) {
      const result = await api.call('carriers:addAccount', {
        carrier: 'jasper',
        name: `CC ${baseUrl}`,
        baseUrl,
      });
      expect(result, baseUrl).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(
      await api.call('carriers:addAccount', {
        carrier: 'jasper',
        name: 'CC',
        baseUrl: 'https://rest.example.com/',
      }),
    ).toMatchObject({
      ok: true,
      value: {
        mode: 'live',
        credential: 'absent',
        baseUrl: 'https://rest.example.com',
        maxConcurrency: 1,
        rateLimitPerSecond: 5,
      },
    });
    expect(
      await api.call('carriers:addAccount', {
        carrier: 'jasper',
        name: 'CC',
        baseUrl: 'https://rest.example.com',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe.skipIf(!hasSessionBus)('credentials in the OS keychain', () => {
  it('saves, tests and clears credentials, and no secret reaches SQLite, an answer or the console', async () => {
    const apiKey = `key-${randomUUID()}`;
    const wrongKey = `wrong-${randomUUID()}`;
    const sim = await liveJasper(apiKey);
    const dataDir = tempDir();
    const core = openCore({
      dataDir,
      appVersion: 'test',
      keychain: osKeychain(`test-${randomUUID()}`),
    });
    opened.push(core);
    const api = desk(core);
    const printed: string[] = [];
    const restore = (['log', 'warn', 'error', 'info'] as const).map((level) => {
      const original = console[level];
      console[level] = (...args: unknown[]) => printed.push(args.map(String).join(' '));
      return () => (console[level] = original);
    });
    try {
      const added = await api.call('carriers:addAccount', {
        carrier: 'jasper',
        name: 'Control Center',
        baseUrl: sim.url,
      });
      const accountId = added.ok ? (added.value as { id: number }).id : -1;
      expect(await api.call('carriers:testConnection', { accountId })).toMatchObject({
        ok: true,
        value: {
          ok: false,
          code: 'not_found',
          message: expect.stringMatching(/no credentials yet/),
        },
      });

      await api.call('carriers:saveCredentials', {
        accountId,
        credentials: { carrier: 'jasper', username: 'desk-user', apiKey: wrongKey },
      });
      expect(await api.call('carriers:testConnection', { accountId })).toMatchObject({
        ok: true,
        value: { ok: false, code: 'auth_failed' },
      });

      const saved = await api.call('carriers:saveCredentials', {
        accountId,
        credentials: { carrier: 'jasper', username: 'desk-user', apiKey },
      });
      expect(saved).toMatchObject({
        ok: true,
        value: { credential: 'present', credentialProblem: null },
      });
      expect(await api.call('carriers:testConnection', { accountId })).toMatchObject({
        ok: true,
        value: { ok: true },
      });

      const mismatched = await api.call('carriers:saveCredentials', {
        accountId,
        credentials: { carrier: 'pond', distributorId: 'd', apiKey },
      });
      expect(mismatched).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringContaining('jasper account') },
      });
      const tooShort = await api.call('carriers:saveCredentials', {
        accountId,
        credentials: { carrier: 'jasper', username: 'desk-user', apiKey: '' },
      });
      expect(tooShort).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringContaining('credentials.apiKey') },
      });

      expect(await api.call('carriers:accounts', {})).toMatchObject({ ok: true });
      expect(await api.call('carriers:clearCredentials', { accountId })).toMatchObject({
        ok: true,
        value: { credential: 'absent' },
      });
      expect(await api.call('carriers:testConnection', { accountId })).toMatchObject({
        ok: true,
        value: { ok: false },
      });
    } finally {
      for (const undo of restore) undo();
    }
    await core.close();
    opened.splice(opened.indexOf(core), 1);

    const stored = readdirSync(dataDir)
      .map((file) => readFileSync(join(dataDir, file)).toString('latin1'))
      .join('\n');
    const everything = [stored, JSON.stringify(api.answers), printed.join('\n')];
    for (const secret of [apiKey, wrongKey]) {
      for (const place of everything) expect(place.includes(secret)).toBe(false);
    }
  });

  it('keeps each workspace’s secrets apart, though their account ids are the same', async () => {
    const service = `test-${randomUUID()}`;
    const workspaces = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const apiKey = `key-${name}-${randomUUID()}`;
        const sim = await liveJasper(apiKey);
        const core = openCore({
          dataDir: tempDir(),
          appVersion: 'test',
          keychain: osKeychain(service),
        });
        opened.push(core);
        const api = desk(core);
        const added = await api.call('carriers:addAccount', {
          carrier: 'jasper',
          name: 'Control Center',
          baseUrl: sim.url,
        });
        return { api, apiKey, accountId: added.ok ? (added.value as { id: number }).id : -1 };
      }),
    );
    expect(workspaces[0]!.accountId).toBe(workspaces[1]!.accountId);
    for (const { api, apiKey, accountId } of workspaces)
      await api.call('carriers:saveCredentials', {
        accountId,
        credentials: { carrier: 'jasper', username: 'desk-user', apiKey },
      });
    for (const { api, accountId } of workspaces)
      expect(await api.call('carriers:testConnection', { accountId })).toMatchObject({
        ok: true,
        value: { ok: true },
      });
    for (const { api, accountId } of workspaces)
      await api.call('carriers:clearCredentials', { accountId });
  });

  it('refuses credentials for a sandbox account: it runs on the simulator', async () => {
    const core = openCore({
      dataDir: tempDir(),
      appVersion: 'test',
      sandboxDevices: 20,
      keychain: osKeychain(`test-${randomUUID()}`),
    });
    opened.push(core);
    const result = await desk(core).call('carriers:saveCredentials', {
      accountId: 1,
      credentials: {
        carrier: 'thingspace',
        clientId: 'a',
        clientSecret: 'b',
        username: 'c',
        password: 'd',
        accountName: 'e',
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/sandbox account/) },
    });
  });
});

describe('the sandbox workspace’s carrier accounts', () => {
  it('each connect to their built-in simulator with no credentials', async () => {
    const core = openCore({ dataDir: tempDir(), appVersion: 'test', sandboxDevices: 200 });
    opened.push(core);
    const api = desk(core);
    const accounts = await api.call('carriers:accounts', {});
    const list = accounts.ok
      ? (accounts.value as { id: number; carrier: string; credential: string }[])
      : [];
    expect(list.map((a) => [a.carrier, a.credential])).toEqual([
      ['thingspace', 'not_needed'],
      ['jasper', 'not_needed'],
      ['telegence', 'not_needed'],
      ['pond', 'not_needed'],
    ]);
    for (const account of list) {
      expect(
        await api.call('carriers:testConnection', { accountId: account.id }),
        account.carrier,
      ).toMatchObject({ ok: true, value: { ok: true } });
    }
  });
});

describe('when the OS keychain cannot be reached', () => {
  // Stands in for the operating system's keychain, not for our code: the real one fails like this.
  const lockedKeychain: Keychain = {
    save: () => {
      throw new CoreError(
        'keychain_unavailable',
        'The operating system keychain could not be reached (locked).',
      );
    },
    read: () => {
      throw new CoreError(
        'keychain_unavailable',
        'The operating system keychain could not be reached (locked).',
      );
    },
    clear: () => {
      throw new CoreError(
        'keychain_unavailable',
        'The operating system keychain could not be reached (locked).',
      );
    },
  };

  it('says so, stores nothing, and shows the account as unavailable with the reason', async () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir, appVersion: 'test', keychain: lockedKeychain });
    opened.push(core);
    const api = desk(core);
    await api.call('carriers:addAccount', {
      carrier: 'pond',
      name: 'POND',
      baseUrl: 'https://pond.example.com',
    });
    const saved = await api.call('carriers:saveCredentials', {
      accountId: 1,
      credentials: { carrier: 'pond', distributorId: 'D1', apiKey: 'pond-secret-123' },
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(await api.call('carriers:accounts', {})).toMatchObject({
      ok: true,
      value: [{ credential: 'absent' }],
    });

    // An account whose credentials were saved earlier, on a day the keychain worked.
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    const db = new Database(join(dataDir, 'workspace.sqlite'));
    db.prepare("UPDATE carrier_accounts SET credential_ref = 'carrier-account-1'").run();
    db.close();
    const reopened = openCore({ dataDir, appVersion: 'test', keychain: lockedKeychain });
    opened.push(reopened);
    expect(await desk(reopened).call('carriers:accounts', {})).toMatchObject({
      ok: true,
      value: [
        {
          credential: 'unavailable',
          credentialProblem: expect.stringContaining('could not be reached'),
        },
      ],
    });
  });
});

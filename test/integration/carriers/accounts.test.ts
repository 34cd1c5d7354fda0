import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, RequestOf, Result } from '../../../shared/contract';
import { parseRequest } from '../../../shared/contract/validate';
import type { CarrierAccount } from '../../../shared/domain/carriers';
import { openCore, type Core } from '../../../main/core/core';
import type { Keychain } from '../../../main/core/credentials/keychain';
import {
  jasperSandboxCredentials,
  startJasperSimulator,
} from '../../../main/core/simulators/jasper';
import type { Simulator } from '../../../main/core/simulators/common/server';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir();
const opened: (Core | Simulator)[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

/** Stands in for the operating system's keychain (not for our code): it keeps secrets in memory. */
function memoryKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    save: (ref, secret) => void entries.set(ref, secret),
    read: (ref) => entries.get(ref),
    clear: (ref) => void entries.delete(ref),
  };
}

/** Core as a window drives it: every request parsed first, as main does. */
function desk(keychain: Keychain = memoryKeychain(), sandboxDevices?: number) {
  const core = openCore({ dataDir: tempDir(), appVersion: 'test', keychain, sandboxDevices });
  opened.push(core);
  return async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<unknown>> => {
    const parsed = parseRequest(channel, request);
    return parsed.ok ? core.call(parsed.value.channel, parsed.value.request) : parsed;
  };
}

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

/** A loopback port nothing listens on: a carrier that can't be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('changing a carrier account', () => {
  it('renames it, and refuses a name another account has in any letter case, naming that account', async () => {
    const call = desk();
    const cc = value<CarrierAccount>(
      await call('carriers:addAccount', {
        carrier: 'jasper',
        name: 'Control Center',
        baseUrl: 'https://rest.example.com',
      }),
    );
    await call('carriers:addAccount', {
      carrier: 'pond',
      name: 'POND EU',
      baseUrl: 'https://pond.example.com',
    });

    expect(
      await call('carriers:updateAccount', { accountId: cc.id, name: '  Control Center US ' }),
    ).toMatchObject({
      ok: true,
      value: { name: 'Control Center US', baseUrl: 'https://rest.example.com', maxConcurrency: 1 },
    });
    expect(await call('carriers:updateAccount', { accountId: cc.id, name: 'pond eu' })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'An account named "POND EU" already exists. Choose another name.',
      },
    });
    expect(
      await call('carriers:addAccount', {
        carrier: 'jasper',
        name: 'CONTROL CENTER US',
        baseUrl: 'https://x.example.com',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Changing only the case of its own name is no clash.
    expect(
      await call('carriers:updateAccount', { accountId: cc.id, name: 'control center us' }),
    ).toMatchObject({ ok: true, value: { name: 'control center us' } });
  });

  it('keeps a live account on https (or this computer) and tidies the address', async () => {
    const call = desk();
    const { id } = value<CarrierAccount>(
      await call('carriers:addAccount', {
        carrier: 'telegence',
        name: 'AT&T',
        baseUrl: 'https://apsapi.att.example',
      }),
    );
    for (const baseUrl of ['http://apsapi.att.example', 'sandbox://telegence', 'not an address'])
      expect(
        await call('carriers:updateAccount', { accountId: id, baseUrl }),
        baseUrl,
      ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(
      await call('carriers:updateAccount', {
        accountId: id,
        baseUrl: 'https://apsapi.att.example/v2/',
      }),
    ).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://apsapi.att.example/v2', mode: 'live' },
    });
  });

  it('sets the lane pace within the bounds the contract allows', async () => {
    const call = desk();
    const { id } = value<CarrierAccount>(
      await call('carriers:addAccount', {
        carrier: 'thingspace',
        name: 'Verizon',
        baseUrl: 'https://thingspace.example.com/api',
      }),
    );
    expect(
      await call('carriers:updateAccount', {
        accountId: id,
        rateLimitPerSecond: 2.5,
        maxConcurrency: 2,
      }),
    ).toMatchObject({ ok: true, value: { rateLimitPerSecond: 2.5, maxConcurrency: 2 } });
    for (const pace of [{ rateLimitPerSecond: 0 }, { maxConcurrency: 0 }, { maxConcurrency: 1.5 }])
      expect(await call('carriers:updateAccount', { accountId: id, ...pace })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    expect(value<CarrierAccount[]>(await call('carriers:accounts', {}))).toMatchObject([
      { id, rateLimitPerSecond: 2.5, maxConcurrency: 2, name: 'Verizon' },
    ]);
  });

  it('lets a sandbox account use a shared training simulator and return to its own, with the next test using the new address', async () => {
    const call = desk(memoryKeychain(), 20);
    const sandboxJasper = value<CarrierAccount[]>(await call('carriers:accounts', {})).find(
      (a) => a.carrier === 'jasper',
    )!;
    expect(sandboxJasper).toMatchObject({ mode: 'sandbox', baseUrl: 'sandbox://jasper' });
    const training = await startJasperSimulator({
      credentials: jasperSandboxCredentials,
      devices: [],
      ratePlans: [],
    });
    opened.push(training.sim);
    const accountId = sandboxJasper.id;

    expect(
      await call('carriers:updateAccount', { accountId, baseUrl: training.sim.url }),
    ).toMatchObject({ ok: true, value: { mode: 'sandbox', credential: 'not_needed' } });
    expect(await call('carriers:testConnection', { accountId })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(training.authAttempts()).toBeGreaterThan(0);

    const unreachable = `http://127.0.0.1:${await closedPort()}`;
    await call('carriers:updateAccount', { accountId, baseUrl: unreachable });
    expect(await call('carriers:testConnection', { accountId })).toMatchObject({
      ok: true,
      value: { ok: false, code: 'network', message: expect.stringMatching(/could not be reached/) },
    });

    expect(
      await call('carriers:updateAccount', { accountId, baseUrl: 'sandbox://pond' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('sandbox://jasper') },
    });
    expect(
      await call('carriers:updateAccount', { accountId, baseUrl: 'SANDBOX://jasper/' }),
    ).toMatchObject({ ok: true, value: { baseUrl: 'sandbox://jasper' } });
    expect(await call('carriers:testConnection', { accountId })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
  });

  it('drops saved credentials when the address moves to another server, never sending them there', async () => {
    const keychain = memoryKeychain();
    const call = desk(keychain);
    const { id } = value<CarrierAccount>(
      await call('carriers:addAccount', {
        carrier: 'pond',
        name: 'POND',
        baseUrl: 'https://pond.example.com/api',
      }),
    );
    await call('carriers:saveCredentials', {
      accountId: id,
      credentials: { carrier: 'pond', distributorId: 'D-1', apiKey: 'pond-key-1234' },
    });

    expect(
      await call('carriers:updateAccount', {
        accountId: id,
        baseUrl: 'https://pond.example.com/v2',
      }),
    ).toMatchObject({ ok: true, value: { credential: 'present' } });
    expect(
      await call('carriers:updateAccount', { accountId: id, baseUrl: 'https://pond.example.net' }),
    ).toMatchObject({ ok: true, value: { credential: 'absent' } });
    expect(keychain.entries.size).toBe(0);
    expect(await call('carriers:testConnection', { accountId: id })).toMatchObject({
      ok: true,
      value: { ok: false, message: expect.stringMatching(/no credentials yet/) },
    });
  });

  it('says plainly when the account is not there', async () => {
    const call = desk();
    expect(await call('carriers:updateAccount', { accountId: 42, name: 'Anything' })).toMatchObject(
      { ok: false, error: { code: 'not_found', message: expect.stringContaining('account 42') } },
    );
  });
});

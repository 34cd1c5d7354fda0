import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export { expect } from '@playwright/test';
import type { Channel, RequestOf, ResponseOf, Result } from '../../shared/contract';
import type { Carrier } from '../../shared/domain/carriers';
import type { FaultInput } from '../../main/core/simulators/common/faults';
import { databaseFile } from '../../main/core/workspace/paths';
import { startExternalCarriers, type ExternalCarriers } from '../support/externalCarriers';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const READY = /^Serving (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m;
export const SEEDED_DEVICES = 300;

interface Fixtures {
  /** The console in a browser: its address with the access token, on a fresh workspace. */
  consoleUrl: string;
}

/**
 * Each test gets its own workspace folder and its own `carrier-ops serve` on a free port,
 * seeded with the sandbox's demo devices; both are gone when the test ends.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructured first argument
  consoleUrl: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrier-ops-e2e-'));
    const server = spawn(
      process.execPath,
      [
        'bin/carrier-ops.js',
        'serve',
        '--data',
        dataDir,
        '--port',
        '0',
        '--devices',
        String(SEEDED_DEVICES),
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const log: string[] = [];
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
    try {
      await use(await serving(server, log));
    } finally {
      await stop(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('server output', { body: log.join(''), contentType: 'text/plain' });
    }
  },
});

/** Resolves with the address once the server prints it; fails if the server exits first. */
function serving(server: ChildProcess, log: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let printed = '';
    const onData = (chunk: string) => {
      printed += chunk;
      const match = READY.exec(printed);
      if (match) {
        server.off('exit', onExit);
        resolve(match[1]!);
      }
    };
    const onExit = (code: number | null) => {
      server.stdout?.off('data', onData);
      reject(new Error(`carrier-ops serve exited (${code}) before serving:\n${log.join('')}`));
    };
    server.stdout?.on('data', onData);
    server.once('exit', onExit);
    server.once('error', reject);
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
}

/** Calls core over the loopback bridge with the token from the console's address, as the page does. */
export async function callCore<C extends Channel>(
  consoleUrl: string,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const url = new URL(consoleUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  const response = await fetch(new URL(`/api/call/${channel}`, url.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as Result<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value;
}

/** A console whose sandbox carriers are simulators in the test's own process, switchable by the test. */
export interface CarrierDesk {
  consoleUrl: string;
  /** Sets a carrier simulator's injected faults over its admin endpoint, as a tester would. */
  setFaults(carrier: Carrier, faults: FaultInput): Promise<void>;
}

interface CarrierFixtures {
  /** Demo devices the workspace is seeded with. */
  workspaceDevices: number;
  desk: CarrierDesk;
}

/**
 * Like `test`, but the workspace is seeded first (`carrier-ops init`) and its sandbox accounts
 * point at simulators started here, with lanes widened so thousands of devices take seconds.
 */
export const withCarriers = base.extend<CarrierFixtures>({
  workspaceDevices: [3000, { option: true }],
  desk: async ({ workspaceDevices }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrier-ops-e2e-'));
    const log: string[] = [];
    let server: ChildProcess | undefined;
    let carriers: ExternalCarriers | undefined;
    try {
      const init = spawn(
        process.execPath,
        ['bin/carrier-ops.js', 'init', '--data', dataDir, '--devices', String(workspaceDevices)],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      init.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
      const [code] = (await once(init, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`carrier-ops init exited (${code}):\n${log.join('')}`);
      carriers = await startExternalCarriers(databaseFile(dataDir));
      server = spawn(
        process.execPath,
        ['bin/carrier-ops.js', 'serve', '--data', dataDir, '--port', '0'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      server.stdout?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
      server.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
      const sims = carriers.sims;
      await use({
        consoleUrl: await serving(server, log),
        async setFaults(carrier, faults) {
          const sim = sims.get(carrier);
          if (!sim) throw new Error(`no ${carrier} simulator in this workspace`);
          const response = await fetch(new URL('/__admin/faults', sim.url), {
            method: 'PUT',
            headers: { 'x-sim-admin': sim.adminToken, 'Content-Type': 'application/json' },
            body: JSON.stringify(faults),
          });
          if (!response.ok)
            throw new Error(`${carrier} refused the faults: ${await response.text()}`);
        },
      });
    } finally {
      if (server) await stop(server);
      await carriers?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('server output', { body: log.join(''), contentType: 'text/plain' });
    }
  },
});

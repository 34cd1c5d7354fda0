import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../main/host/bridge/server';
import { startCoreHost, type CoreHost } from '../../main/host/coreHost';
import { sourceWorker } from '../support/coreWorker';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir('file');
let host: CoreHost;
let bridge: Bridge;
let token: string;

interface Reply {
  status: number;
  body: string;
}

/** Raw HTTP, so the test controls the Host and Origin headers a browser would send. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/call/${channel}`, {
    method: 'POST',
    headers: {
      Host: `127.0.0.1:${bridge.port}`,
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  host = await startCoreHost({
    ...sourceWorker,
    core: { dataDir: tempDir(), appVersion: 'test', sandboxDevices: 120 },
  });
  bridge = await startBridge({ host, rendererDir });
  token = new URL(bridge.url).hash.replace('#token=', '');
  return async () => {
    await bridge.close();
    await host.close();
  };
});

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 and hands out its token only in the URL fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/);
  });

  it('answers a call from our own page with the core result', async () => {
    const reply = await call(
      'devices:list',
      { limit: 5 },
      { Origin: `http://127.0.0.1:${bridge.port}` },
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { total: 120 } });
  });

  it('refuses a call without a token, or with a wrong one', async () => {
    const missing = await send('/api/call/workspace:info', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${bridge.port}` },
    });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call(
      'workspace:info',
      {},
      { Authorization: `Bearer ${token.slice(0, -2)}xx` },
    );
    expect(wrong.status).toBe(401);
    const events = await send('/api/events', { headers: { Host: `127.0.0.1:${bridge.port}` } });
    expect(events.status).toBe(401);
  });

  it('refuses a page from another origin even when it has the token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${bridge.port + 1}`,
      'null',
      `https://127.0.0.1:${bridge.port}`,
    ]) {
      const reply = await call('workspace:info', {}, { Origin: origin });
      expect(reply.status, origin).toBe(403);
    }
  });

  it('refuses a foreign Host header, so DNS rebinding gets nothing, not even the page', async () => {
    const rebound = await call('workspace:info', {}, { Host: `attacker.example:${bridge.port}` });
    expect(rebound.status).toBe(421);
    const page = await send('/', { headers: { Host: 'attacker.example' } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('console');
  });

  it('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const page = await send('/', { headers: { Host: `localhost:${bridge.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>console</title>');
    const escape = await send('/..%2f..%2fetc%2fpasswd', {
      headers: { Host: `127.0.0.1:${bridge.port}` },
    });
    expect(escape.status).toBe(404);
  });

  it('rejects a malformed request with the field named', async () => {
    const reply = await call('devices:list', { limit: 'all' });
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('limit:') },
    });
    const notJson = await send('/api/call/devices:list', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${bridge.port}`, Authorization: `Bearer ${token}` },
      body: '{oops',
    });
    expect(JSON.parse(notJson.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('streams push events from the core worker to a browser', async () => {
    // The sandbox seed ran in the worker; a stream that connects afterwards still gets its last progress.
    const frame = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${bridge.port}`, Authorization: `Bearer ${token}` },
        },
        (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            const match = /^data: (.+)$/m.exec(buffer);
            if (match) {
              req.destroy();
              resolve(match[1]!);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(frame)).toEqual({
      event: 'workspace:progress',
      payload: { task: 'seed', label: 'Creating demo devices', done: 120, total: 120 },
    });
  });
});

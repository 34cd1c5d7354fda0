import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventNames, type EventMessage, type Result } from '../../../shared/contract';
import type { CoreHost } from '../coreHost';
import { RENDERER_CSP } from '../csp';
import { dispatchUntrusted } from '../dispatch';
import { hasToken, isAllowedHost, isAllowedOrigin } from './guard';
import { serveStatic } from './staticFiles';

export interface BridgeOptions {
  host: Pick<CoreHost, 'call' | 'on' | 'latestProgress'>;
  /** The built renderer, served at `/`. */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface Bridge {
  /** Open this in a browser: it carries the per-run token in its fragment. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** Channels that carry a file's bytes (a 50 MB spreadsheet is about 67 MB as base64) or many ICCIDs. */
const LARGE_BODY = 72 * 1024 * 1024;
const largeChannels = new Set(['import:open', 'import:fromSelection']);
const KEEPALIVE_MS = 15_000;
const securityHeaders = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const sendJson = (response: ServerResponse, status: number, body: Result<unknown>) =>
  response
    .writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json' })
    .end(JSON.stringify(body));

/**
 * Serves the core API and the built renderer on 127.0.0.1 only, so the UI can run in an
 * ordinary browser for development and end-to-end tests.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error('bridge: request failed', error);
      if (!response.headersSent)
        sendJson(response, 500, {
          ok: false,
          error: { code: 'internal', message: 'The bridge failed to answer.' },
        });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request.headers.host, port)) {
      sendJson(response, 421, {
        ok: false,
        error: {
          code: 'forbidden_sender',
          message: 'This server only answers to 127.0.0.1 and localhost.',
        },
      });
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      sendJson(response, 403, {
        ok: false,
        error: { code: 'forbidden_sender', message: 'Requests from other web pages are refused.' },
      });
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, securityHeaders).end();
        return;
      }
      await serveStatic(options.rendererDir, url.pathname, response, securityHeaders);
      return;
    }
    if (!hasToken(request.headers.authorization, token)) {
      sendJson(response, 401, {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'Missing or wrong bridge token: open the address the console printed.',
        },
      });
      return;
    }
    const call = /^\/api\/call\/([\w:.-]+)$/.exec(url.pathname);
    if (call && request.method === 'POST') {
      const body = await readJson(request, largeChannels.has(call[1]!) ? LARGE_BODY : MAX_BODY);
      sendJson(
        response,
        200,
        body.ok ? await dispatchUntrusted(options.host, call[1]!, body.value) : body,
      );
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      openEventStream(response);
      return;
    }
    sendJson(response, 404, {
      ok: false,
      error: { code: 'unknown_channel', message: `Nothing at ${url.pathname}.` },
    });
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    for (const message of options.host.latestProgress()) response.write(frame(message));
    streams.add(response);
    const keepalive = setInterval(() => response.write(': keep-alive\n\n'), KEEPALIVE_MS);
    response.on('close', () => {
      clearInterval(keepalive);
      streams.delete(response);
    });
  }

  const unsubscribe = eventNames.map((event) =>
    options.host.on(event, (payload) => {
      for (const stream of streams) stream.write(frame({ event, payload }));
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const off of unsubscribe) off();
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const frame = (message: EventMessage): string => `data: ${JSON.stringify(message)}\n\n`;

async function readJson(request: IncomingMessage, limit: number): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit)
      return {
        ok: false,
        error: {
          code: 'invalid_request',
          message: `The request is larger than ${Math.round(limit / 1024 / 1024)} MB.`,
        },
      };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      error: { code: 'invalid_request', message: 'The request body is not valid JSON.' },
    };
  }
}

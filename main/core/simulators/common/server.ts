import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../workspace/random';
import { ApplyCounter } from './applyCounter';
import { SimClock } from './clock';
import { FaultSettings, pickFault, type FaultInput } from './faults';
import { RateGate } from './rateGate';
import { compileRoutes, type Route, type SimRequest, type SimResponse } from './router';

export interface SimulatorOptions {
  name: string;
  routes: Route[];
  /** Carrier-specific admin hooks, served under /__admin/ behind the admin token. */
  adminRoutes?: Route[];
  seed?: number;
  faults?: FaultInput;
  /** The carrier's documented limit. `throttle` answers breaches with 429; `count` only counts them. */
  rateLimit?: { perSecond?: number; concurrency?: number; onExceed: 'throttle' | 'count' };
  /** The carrier's own shapes for injected failures and unknown paths. */
  shapes: {
    throttled(retryAfterSeconds: number): SimResponse;
    serverError(): SimResponse;
    notFound(request: SimRequest): SimResponse;
  };
  clock?: SimClock;
  port?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number | null;
}

/** A running simulator: its address and the hooks tests and the sandbox use to steer it. */
export interface Simulator {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly adminToken: string;
  readonly clock: SimClock;
  readonly applied: ApplyCounter;
  readonly gate: RateGate;
  readonly requests: RequestRecord[];
  random: () => number;
  callCount(): number;
  faults(): FaultSettings;
  setFaults(patch: FaultInput): void;
  close(): Promise<void>;
}

const MAX_LOGGED_REQUESTS = 2000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a carrier simulator on 127.0.0.1: real HTTP, seeded faults, documented limits. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const clock = options.clock ?? new SimClock();
  const random = seededRandom(options.seed ?? 1);
  let faults = FaultSettings.parse(options.faults ?? {});
  const gate = new RateGate({
    perSecond: options.rateLimit?.perSecond,
    concurrency: options.rateLimit?.concurrency,
  });
  const applied = new ApplyCounter();
  const requests: RequestRecord[] = [];
  const adminToken = randomBytes(16).toString('hex');
  const match = compileRoutes(options.routes);
  let calls = 0;

  const simulator: Simulator = {
    name: options.name,
    url: '',
    port: 0,
    adminToken,
    clock,
    applied,
    gate,
    requests,
    random,
    callCount: () => calls,
    faults: () => faults,
    setFaults: (patch) => {
      faults = FaultSettings.parse({ ...faults, ...patch });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const adminRoutes = compileRoutes([
    { method: 'GET', path: '/__admin/state', handler: () => ({ status: 200, body: state() }) },
    {
      method: 'PUT',
      path: '/__admin/faults',
      handler: (req) => {
        const parsed = FaultSettings.partial().safeParse(req.body);
        if (!parsed.success) return { status: 400, body: { error: parsed.error.message } };
        simulator.setFaults(parsed.data);
        return { status: 200, body: faults };
      },
    },
    {
      method: 'POST',
      path: '/__admin/clock',
      handler: (req) => {
        const advanceMs = Number((req.body as { advanceMs?: unknown } | undefined)?.advanceMs);
        if (!Number.isFinite(advanceMs) || advanceMs < 0)
          return { status: 400, body: { error: 'advanceMs must be a positive number' } };
        clock.advance(advanceMs);
        return { status: 200, body: { now: clock.date().toISOString() } };
      },
    },
    { method: 'GET', path: '/__admin/requests', handler: () => ({ status: 200, body: requests }) },
    ...(options.adminRoutes ?? []),
  ]);

  function state() {
    return {
      name: options.name,
      calls,
      faults,
      rateViolations: gate.violations,
      concurrencyViolations: gate.concurrencyViolations,
      applied: applied.total(),
      appliedTwice: applied.duplicates(),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    const request: SimRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      params: {},
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(rawBody),
      rawBody,
      clock,
    };

    if (url.pathname.startsWith('/__admin/')) {
      const found =
        req.headers['x-sim-admin'] === adminToken
          ? adminRoutes(request.method, url.pathname)
          : undefined;
      send(
        res,
        found
          ? await found.route.handler({ ...request, params: found.params })
          : { status: 404, body: { error: 'unknown admin path or wrong admin token' } },
      );
      return;
    }

    calls += 1;
    const record: RequestRecord = {
      method: request.method,
      path: url.pathname + url.search,
      headers: req.headers,
      body: rawBody,
      status: null,
    };
    requests.push(record);
    if (requests.length > MAX_LOGGED_REQUESTS) requests.shift();

    const withinLimit = gate.enter();
    res.on('close', () => gate.leave());
    if (!withinLimit && options.rateLimit?.onExceed === 'throttle') {
      record.status = 429;
      send(res, options.shapes.throttled(faults.retryAfterSeconds));
      return;
    }
    const fault = pickFault(faults, calls, random);
    const wait = faults.latencyMs + (faults.jitterMs > 0 ? random() * faults.jitterMs : 0);
    if (wait > 0) await delay(wait);
    switch (fault.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'timeout':
        await delay(faults.hangMs);
        req.socket.destroy();
        return;
      case 'throttle':
        record.status = 429;
        send(res, options.shapes.throttled(faults.retryAfterSeconds));
        return;
      case 'error':
        record.status = 503;
        send(res, options.shapes.serverError());
        return;
      case 'malformed':
        record.status = 200;
        send(res, {
          status: 200,
          text: '{"truncated": [',
          headers: { 'Content-Type': 'application/json' },
        });
        return;
      case 'none':
        break;
    }
    const found = match(request.method, url.pathname);
    const response = found
      ? await found.route.handler({ ...request, params: found.params })
      : options.shapes.notFound(request);
    record.status = response.status;
    send(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${options.name} simulator: handler failed`, error);
      if (!res.headersSent) send(res, options.shapes.serverError());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  Object.assign(simulator, { port, url: `http://127.0.0.1:${port}` });
  return simulator;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.headersSent || res.destroyed) return;
  const headers = { ...response.headers };
  let payload = response.text;
  if (payload === undefined && response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['Content-Type'] ??= 'application/json';
  }
  res.writeHead(response.status, headers).end(payload);
}

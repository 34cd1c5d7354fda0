import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../main/core/carriers/http/client';
import {
  jasperSandboxCredentials,
  startJasperSimulator,
} from '../../../../main/core/simulators/jasper';
import { createJasperAdapter } from '../../../../main/core/carriers/jasper/adapter';
import { Limiter } from '../../../../main/core/carriers/limiter';
import { basicToken, closeAll, credentials, startJasper, wrongCredentials } from './harness';

afterEach(closeAll);

describe('Control Center authentication', () => {
  it('sends username:apiKey as HTTP Basic on every call and never logs either secret', async () => {
    const run = await startJasper();
    const exchanges: Exchange[] = [];
    const adapter = run.adapter({ onExchange: (e) => exchanges.push(e) });
    await adapter.testConnection();
    await adapter.updateStatus(run.devices.active.slice(0, 1), 'suspend');
    await adapter.getDeviceState(run.devices.active[0]!);
    const sent = run.jasper.sim.requests;
    expect(sent).toHaveLength(3);
    for (const request of sent) expect(request.headers.authorization).toBe(`Basic ${basicToken}`);
    expect(exchanges.map((e) => e.requestHeaders.Authorization)).toEqual(
      Array(3).fill('[redacted]'),
    );
    const logged = JSON.stringify(exchanges);
    expect(logged).not.toContain(credentials.apiKey);
    expect(logged).not.toContain(basicToken);
  });

  it('answers a call without credentials with 401, the Jasper challenge and no errorCode', async () => {
    const run = await startJasper();
    const response = await axios.get(
      `${run.jasper.sim.url}/rws/api/v1/devices/${run.devices.active[0]!.iccid}`,
      { validateStatus: () => true },
    );
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Basic realm="Jasper"');
    expect(response.data).toEqual({
      errorMessage: 'Full authentication is required to access this resource',
    });
  });

  it('answers wrong credentials with 401 and errorCode 10000001', async () => {
    const run = await startJasper();
    const response = await run.raw.get(`/devices/${run.devices.active[0]!.iccid}`, {
      auth: { username: wrongCredentials.username, password: wrongCredentials.apiKey },
    });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Basic realm="Jasper"');
    expect(response.data).toEqual({ errorMessage: 'Invalid credentials', errorCode: '10000001' });
  });

  it('sends a refused key once, however many calls were waiting behind it', async () => {
    const run = await startJasper();
    const adapter = run.adapter({ wrongCredentials: true });
    const [outcomes, state, connection] = await Promise.all([
      adapter.updateStatus(run.devices.active, 'suspend'),
      adapter.getDeviceState(run.devices.suspended[0]!),
      adapter.testConnection(),
    ]);
    expect(run.jasper.authAttempts()).toBe(1);
    for (const failure of [
      ...outcomes.map((o) => o.kind === 'failed' && o.error),
      state.ok || state.error,
      connection.ok || connection.error,
    ]) {
      expect(failure).toMatchObject({
        code: 'auth_failed',
        transient: false,
        carrierReason: 'Invalid credentials (errorCode 10000001)',
        message: expect.stringContaining('Check them in Settings'),
      });
    }
    expect(run.jasper.device(run.devices.active[0]!.iccid)?.status).toBe('ACTIVATED');
  });

  it('sends calls in parallel again once the key has been accepted', async () => {
    const run = await startJasper({ settings: { rateLimit: { onExceed: 'count' } } });
    const lane = new Limiter({ ratePerSecond: 100, concurrency: 3 });
    const adapter = run.adapter({ limiter: lane });
    expect(await adapter.testConnection()).toEqual({ ok: true });
    run.jasper.sim.setFaults({ latencyMs: 50 });
    await Promise.all(run.devices.active.map((device) => adapter.getDeviceState(device)));
    expect(lane.peakActive).toBe(3);
  });

  it('tells the desk to use the REST host when the console host answers with a web page', async () => {
    const run = await startJasper({ settings: { consoleHost: 'localhost' } });
    const page = await axios.get(`http://localhost:${run.jasper.sim.port}/rws/api/v1/devices`, {
      auth: { username: credentials.username, password: credentials.apiKey },
      validateStatus: () => true,
    });
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const adapter = run.adapter({ baseUrl: `http://localhost:${run.jasper.sim.port}` });
    expect(await adapter.testConnection()).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        transient: false,
        httpStatus: 404,
        message: expect.stringContaining('REST API host'),
      },
    });
  });

  it('finds the REST API whether or not the address in Settings ends in /rws/api/v1', async () => {
    const run = await startJasper();
    for (const suffix of ['', '/', '/rws/api', '/rws/api/v1/']) {
      const adapter = run.adapter({ baseUrl: `${run.jasper.sim.url}${suffix}` });
      expect(await adapter.testConnection(), suffix).toEqual({ ok: true });
    }
  });

  it('lets the sandbox workspace in with its fixed fake credentials', async () => {
    const jasper = await startJasperSimulator({
      credentials: jasperSandboxCredentials,
      devices: [],
      ratePlans: [],
    });
    const adapter = createJasperAdapter({
      baseUrl: jasper.sim.url,
      credentials: jasperSandboxCredentials,
    });
    expect(await adapter.testConnection()).toEqual({ ok: true });
    await adapter.close();
    await jasper.sim.close();
  });
});

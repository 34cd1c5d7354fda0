import { describe, expect, it } from 'vitest';
import { globalSmall, pondTestCredentials, usePond, type PondRun } from './fixture';

const start = usePond();
const { distributorId, apiKey } = pondTestCredentials;

/** A raw call to the simulator, as POND's own clients would make it. */
async function call(
  run: PondRun,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
) {
  const response = await fetch(`${run.pond.sim.url}${path}`, {
    method,
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POND simulator', () => {
  it('answers a missing or wrong API key, or another distributor’s URL, with 401', async () => {
    const run = await start();
    const path = `/${distributorId}/package-types`;
    expect((await call(run, 'GET', path)).status).toBe(200);
    expect((await call(run, 'GET', path, { headers: { 'x-api-key': '' } })).status).toBe(401);
    const wrong = await call(run, 'GET', path, { headers: { 'x-api-key': 'guess-1234' } });
    expect(wrong).toEqual({
      status: 401,
      body: {
        ErrorCode: 'UNAUTHORIZED',
        Message: 'Authorization has been denied for this request.',
      },
    });
    expect((await call(run, 'GET', '/dist-9999/package-types')).status).toBe(401);
  });

  it('moves packages only PENDING→ACTIVE, ACTIVE→TERMINATED and PENDING→TERMINATED', async () => {
    const run = await start();
    const iccid = run.fleet.inventory[0]!.iccid;
    const moves = [
      ['PENDING', 'ACTIVE', 200],
      ['ACTIVE', 'TERMINATED', 200],
      ['PENDING', 'TERMINATED', 200],
      ['ACTIVE', 'PENDING', 400],
      ['TERMINATED', 'ACTIVE', 400],
      ['TERMINATED', 'PENDING', 400],
      ['PENDING', 'PENDING', 400],
      ['ACTIVE', 'SUSPENDED', 400],
    ] as const;
    const answers = [];
    for (const [from, to] of moves) {
      const id = run.pond.addPackage(iccid, globalSmall, from);
      const answer = await call(run, 'POST', `/${distributorId}/packages/${id}/status`, {
        body: { PackageStatus: to },
      });
      answers.push([from, to, answer.status]);
    }
    expect(answers).toEqual(moves);
  });

  it('pages lists by offset and count, 10 by default, with Total and IsLastPage', async () => {
    const run = await start();
    const devices = `/${distributorId}/devices`;
    const first = await call(run, 'GET', devices);
    expect(first.body).toMatchObject({ Offset: 0, Count: 10, Total: 12, IsLastPage: false });
    expect(first.body.Elements).toHaveLength(10);
    const last = await call(run, 'GET', `${devices}?offset=10&count=10`);
    expect(last.body).toMatchObject({ Total: 12, IsLastPage: true });
    expect(last.body.Elements).toHaveLength(2);
    expect((await call(run, 'GET', `${devices}?count=500`)).body).toMatchObject({ Count: 100 });
    expect((await call(run, 'GET', `${devices}?count=0`)).status).toBe(400);
  });

  it('purges a SIM only with the purge token, after which POND no longer knows it', async () => {
    const run = await start({ settings: { purgeToken: 'purge-token-for-tests' } });
    const iccid = run.fleet.suspended[0]!.iccid;
    expect((await call(run, 'DELETE', `/purge/${iccid}`)).status).toBe(401);
    const purged = await call(run, 'DELETE', `/purge/${iccid}`, {
      headers: { authorization: 'Bearer purge-token-for-tests' },
    });
    expect(purged.status).toBe(200);
    expect(run.pond.statusOf(iccid)).toBeUndefined();
    expect((await call(run, 'GET', `/${distributorId}/devices/${iccid}/status`)).status).toBe(404);
    expect((await call(run, 'GET', `/${distributorId}/devices/${iccid}/packages`)).status).toBe(
      404,
    );
  });

  it('rejects a service update that does not set every flag', async () => {
    const run = await start();
    const iccid = run.fleet.active[0]!.iccid;
    const answer = await call(run, 'POST', `/${distributorId}/devices/${iccid}/status`, {
      body: { Services: { Data: false } },
    });
    expect(answer).toMatchObject({ status: 400, body: { ErrorCode: 'INVALID_REQUEST' } });
    expect(run.pond.statusOf(iccid)).toBe('ACTIVE');
  });
});

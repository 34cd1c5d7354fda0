import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../shared/contract';
import { assertRedacted } from '../../../main/core/audit/secretGuard';
import { jasperSandboxCredentials } from '../../../main/core/simulators/jasper';
import { pondSandboxCredentials } from '../../../main/core/simulators/pond';
import { telegenceSandboxCredentials } from '../../../main/core/simulators/telegence';
import { thingspaceSandboxCredentials } from '../../../main/core/simulators/thingspace';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from './deskWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

const spaced = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Every credential value the sandbox accounts sign in with, and Cisco's Basic header made of two of them. */
const sandboxSecrets = [
  jasperSandboxCredentials.apiKey,
  Buffer.from(`${jasperSandboxCredentials.username}:${jasperSandboxCredentials.apiKey}`).toString(
    'base64',
  ),
  pondSandboxCredentials.apiKey,
  telegenceSandboxCredentials.appSecret,
  thingspaceSandboxCredentials.clientSecret,
  thingspaceSandboxCredentials.password,
  Buffer.from(
    `${thingspaceSandboxCredentials.clientId}:${thingspaceSandboxCredentials.clientSecret}`,
  ).toString('base64'),
];

describe('the bulk change view', () => {
  it('shows a partly failed status change: header, counts per account, rows with the carrier’s reason, filters and search', async () => {
    ws = await deskWorkspace(tempDir());
    const cisco = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 3);
    const pond = ws.iccids("a.carrier = 'pond' AND d.status = 'active'", 2);
    ws.sim('jasper').setFaults({
      deviceFailures: { [cisco[1]!]: 'SIM is locked by the customer' },
    });
    ws.sim('pond').setFaults({ deviceFailures: { [pond[0]!]: 'Line under fraud hold' } });
    const { id, final } = await ws.run('statusUpdate', { action: 'suspend' }, [...cisco, ...pond]);
    expect(final.status).toBe('PARTIAL');

    const detail = await ws.call('bulk:detail', { bulkChangeId: id });
    expect(detail).toMatchObject({
      id,
      changeType: 'statusUpdate',
      status: 'PARTIAL',
      description: 'Status update: suspend',
      createdBy: 'desk',
      sourceName: null,
      submittedAt: expect.any(String),
      total: 5,
      counts: { SUCCEEDED: 3, FAILED: 2, PENDING: 0 },
    });
    expect(
      detail.lanes.map((l) => [l.carrier, l.mode, l.counts.SUCCEEDED, l.counts.FAILED]),
    ).toEqual(
      expect.arrayContaining([
        ['jasper', 'sandbox', 2, 1],
        ['pond', 'sandbox', 1, 1],
      ]),
    );
    expect(detail.lanes).toHaveLength(2);

    const all = await ws.call('bulk:rows', { bulkChangeId: id });
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.iccid)).toEqual([...cisco, ...pond]);
    expect(all.rows[0]).toMatchObject({
      carrier: 'jasper',
      accountName: expect.stringContaining('sandbox'),
      changes: [{ field: 'status', from: 'active', to: 'suspended' }],
      status: 'SUCCEEDED',
      attempts: 1,
      lastError: null,
      dueAt: null,
      resolution: null,
    });

    const failed = await ws.call('bulk:rows', { bulkChangeId: id, statuses: ['FAILED'] });
    expect(failed.rows.map((r) => [r.iccid, r.status])).toEqual([
      [cisco[1], 'FAILED'],
      [pond[0], 'FAILED'],
    ]);
    expect(failed.rows[0]!.lastError).toContain('SIM is locked by the customer');
    expect(failed.rows[1]!.lastError).toContain('Line under fraud hold');

    const page = await ws.call('bulk:rows', { bulkChangeId: id, offset: 3, limit: 1 });
    expect(page).toMatchObject({ total: 5, rows: [{ iccid: pond[0] }] });
    const byIccid = await ws.call('bulk:rows', {
      bulkChangeId: id,
      search: ` ${spaced(cisco[2]!.slice(0, 17))}-${cisco[2]!.slice(17)} `,
    });
    expect(byIccid.rows.map((r) => r.iccid)).toEqual([cisco[2]]);
    const imei = all.rows[3]!.imei!;
    const byImei = await ws.call('bulk:rows', { bulkChangeId: id, search: imei.slice(0, 10) });
    expect(byImei.rows.map((r) => r.imei)).toContain(imei);
    const none = await ws.call('bulk:rows', {
      bulkChangeId: id,
      statuses: ['FAILED'],
      search: cisco[0]!,
    });
    expect(none).toEqual({ total: 0, rows: [] });

    expect(await refusal(ws.call('bulk:rows', { bulkChangeId: id, search: 'acme' }))).toEqual({
      code: 'invalid_request',
      message:
        'Search finds devices by the first digits of their ICCID or IMEI; "acme" has other characters in it.',
    });
    expect(await refusal(ws.call('bulk:detail', { bulkChangeId: 9999 }))).toEqual({
      code: 'not_found',
      message: 'There is no bulk change 9999.',
    });
    expect(await refusal(ws.call('bulk:rows', { bulkChangeId: 9999 }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('shows each device’s calls and outcome from the audit log, batch calls included, and never a credential', async () => {
    ws = await deskWorkspace(tempDir());
    const suspended = [
      ...ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 1),
      ...ws.iccids("a.carrier = 'pond' AND d.status = 'active'", 1),
      ...ws.iccids("a.carrier = 'thingspace' AND d.status = 'active' AND d.msisdn IS NOT NULL", 1),
      ...ws.iccids("a.carrier = 'telegence' AND d.status = 'active' AND d.msisdn IS NOT NULL", 1),
    ];
    const suspend = await ws.run('statusUpdate', { action: 'suspend' }, suspended);
    expect(suspend.final.status).toBe('PROCESSED');
    // AT&T activates up to 200 lines in one call: logged once, for all of them.
    const activated = ws.iccids("a.carrier = 'telegence' AND d.status = 'inventory'", 3);
    const plan = ws.db
      .prepare(
        "SELECT p.code FROM carrier_rate_plans p JOIN carrier_accounts a ON a.id = p.carrier_account_id WHERE a.carrier = 'telegence' ORDER BY p.id LIMIT 1",
      )
      .pluck()
      .get() as string;
    const activation = await ws.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'activate', ratePlan: plan },
      devices: activated,
      submit: true,
    });
    await ws.untilProgress(activation.bulkChangeId, (p) => p.counts.AWAITING_CARRIER === 3);

    const histories = new Map<string, ResponseOf<'bulk:deviceHistory'>>();
    for (const bulkChangeId of [suspend.id, activation.bulkChangeId])
      for (const row of (await ws.call('bulk:rows', { bulkChangeId })).rows)
        histories.set(
          row.iccid!,
          await ws.call('bulk:deviceHistory', { deviceChangeId: row.deviceChangeId }),
        );

    const cisco = histories.get(suspended[0]!)!;
    expect(cisco.map((e) => [e.status, e.by, e.hasErrors])).toEqual([
      [expect.stringMatching(/^HTTP 200 in \d+ ms$/), 'engine', false],
      ['SUCCEEDED', 'engine', false],
    ]);
    expect(cisco[0]!.request).toMatch(new RegExp(`^PUT http.*${suspended[0]}`));
    expect(cisco[0]!.id).toBeLessThan(cisco[1]!.id);
    expect(cisco[0]!.at <= cisco[1]!.at).toBe(true);
    const verizon = histories.get(suspended[2]!)!.map((e) => e.status);
    expect(verizon).toContain('SUCCEEDED');
    expect(verizon.some((s) => s.startsWith('AWAITING_CARRIER'))).toBe(true);

    for (const iccid of activated) {
      const history = histories.get(iccid)!;
      const batch = history.find((e) => e.request?.startsWith('POST'));
      expect(batch?.status, iccid).toMatch(/^HTTP 200 in \d+ ms for device changes \d+, \d+, \d+$/);
      expect(batch!.request).toContain(iccid);
      expect(history.at(-1)!.status).toMatch(/^AWAITING_CARRIER|^HTTP 200/);
    }

    const everything = [...histories.values()].flat();
    expect(everything.length).toBeGreaterThan(14);
    for (const entry of everything) {
      for (const secret of sandboxSecrets) {
        expect(entry.request ?? '').not.toContain(secret);
        expect(entry.response ?? '').not.toContain(secret);
      }
      expect(() => assertRedacted(entry.request, 'request', 'device history')).not.toThrow();
      expect(() => assertRedacted(entry.response, 'response', 'device history')).not.toThrow();
    }
    expect(await refusal(ws.call('bulk:deviceHistory', { deviceChangeId: 99_999 }))).toEqual({
      code: 'not_found',
      message: 'There is no device change 99999.',
    });
  });
});

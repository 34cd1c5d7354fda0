import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from './deskWorkspace';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

/** The POND plan the tests move devices to, and devices not on it yet. */
function pondTargets(desk: DeskWorkspace, count: number) {
  const plan = desk.db
    .prepare(
      "SELECT p.code FROM carrier_rate_plans p JOIN carrier_accounts a ON a.id = p.carrier_account_id WHERE a.carrier = 'pond' AND p.active = 1 ORDER BY p.id DESC LIMIT 1",
    )
    .pluck()
    .get() as string;
  const devices = desk.iccids(
    "a.carrier = 'pond' AND d.status = 'active' AND d.carrier_rate_plan_id IS NOT (SELECT id FROM carrier_rate_plans WHERE code = ? AND carrier_account_id = a.id)",
    count,
    plan,
  );
  return { plan, devices };
}

const planOf = (desk: DeskWorkspace, iccid: string) =>
  desk.db
    .prepare(
      'SELECT p.code FROM devices d JOIN carrier_rate_plans p ON p.id = d.carrier_rate_plan_id WHERE d.iccid = ?',
    )
    .pluck()
    .get(iccid) as string;

/**
 * POND plan changes that stop half-way: for the devices at the given positions, the activation of
 * the new package and its undo both fail (each device makes four calls, one device at a time),
 * so the engine parks them for review with the line's state in words.
 */
async function planChangeWithReviews(
  desk: DeskWorkspace,
  plan: string,
  devices: string[],
  stuck: number[],
) {
  const pond = desk.sim('pond');
  const first = pond.callCount();
  pond.setFaults({ failCalls: stuck.flatMap((i) => [first + i * 4 + 3, first + i * 4 + 4]) });
  return desk.run('carrierRatePlanChange', { ratePlan: plan }, devices);
}

describe('closing rows that need review', () => {
  it('marks rows done after the desk checked the carrier: our store catches up, the reason is audited, the change ends PROCESSED', async () => {
    ws = await deskWorkspace(tempDir());
    ws.oneCallAtATime('pond');
    const { plan: target, devices } = pondTargets(ws, 3);
    const was = planOf(ws, devices[0]!);
    const { id, final } = await planChangeWithReviews(ws, target, devices, [0, 1]);
    expect(final).toMatchObject({ status: 'PARTIAL', counts: { SUCCEEDED: 1, NEEDS_REVIEW: 2 } });
    const review = await ws.call('bulk:rows', { bulkChangeId: id, statuses: ['NEEDS_REVIEW'] });
    expect(review.rows[0]!.lastError).toMatch(
      /stopped the plan change .* Check this SIM's packages in POND and leave exactly one ACTIVE/,
    );
    expect(planOf(ws, devices[0]!)).toBe(was);
    const done = (await ws.call('bulk:rows', { bulkChangeId: id, statuses: ['SUCCEEDED'] }))
      .rows[0]!;

    expect(
      await refusal(
        ws.call('bulk:resolveReview', {
          bulkChangeId: id,
          deviceChangeIds: [review.rows[0]!.deviceChangeId, done.deviceChangeId],
          outcome: 'SUCCEEDED',
          reason: 'Checked both in the POND portal',
        }),
      ),
    ).toEqual({
      code: 'conflict',
      message: `ICCID ${done.iccid} (device change ${done.deviceChangeId}) is not waiting for review: it is already done. Nothing was changed; refresh the view and choose again.`,
    });

    const reason = 'Checked in the POND portal: one ACTIVE package, the new plan';
    const after = await ws.call('bulk:resolveReview', {
      bulkChangeId: id,
      outcome: 'SUCCEEDED',
      reason,
    });
    expect(after).toMatchObject({ status: 'PROCESSED', counts: { SUCCEEDED: 3, NEEDS_REVIEW: 0 } });
    for (const iccid of devices) expect(planOf(ws, iccid)).toBe(target);
    const rows = await ws.call('bulk:rows', { bulkChangeId: id });
    const resolved = rows.rows.filter((r) => r.resolution !== null);
    expect(resolved.map((r) => r.iccid)).toEqual(devices.slice(0, 2));
    expect(resolved[0]).toMatchObject({
      status: 'SUCCEEDED',
      resolution: { by: 'desk', reason, outcome: 'SUCCEEDED', at: expect.any(String) },
    });

    const history = await ws.call('bulk:deviceHistory', {
      deviceChangeId: resolved[1]!.deviceChangeId,
    });
    expect(history.map((e) => e.status)).toEqual([
      expect.stringMatching(/^HTTP 200/),
      expect.stringMatching(/^HTTP 200/),
      expect.stringMatching(/^HTTP 503/),
      expect.stringMatching(/^HTTP 503/),
      'NEEDS_REVIEW (partial)',
      `REVIEWED: SUCCEEDED for device changes ${resolved[0]!.deviceChangeId}-${resolved[1]!.deviceChangeId}`,
    ]);
    expect(history.at(-1)).toMatchObject({ by: 'desk', hasErrors: false });
    expect(JSON.parse(history.at(-1)!.response!)).toEqual({
      outcome: 'SUCCEEDED',
      rows: 2,
      reason,
    });
    const progress = await ws.untilProgress(id, (p) => p.status === 'PROCESSED');
    expect(progress.counts.SUCCEEDED).toBe(3);

    expect(
      await refusal(ws.call('bulk:resolveReview', { bulkChangeId: id, outcome: 'FAILED', reason })),
    ).toEqual({
      code: 'conflict',
      message: `Bulk change ${id} has no rows waiting for review; nothing was changed.`,
    });
    expect(await ws.call('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('marks a row failed with the reason, refuses rows of other changes, short reasons and reasons holding a secret', async () => {
    ws = await deskWorkspace(tempDir());
    ws.oneCallAtATime('pond');
    const { plan, devices } = pondTargets(ws, 2);
    const first = await planChangeWithReviews(ws, plan, [devices[0]!], [0]);
    const second = await planChangeWithReviews(ws, plan, [devices[1]!], [0]);
    expect(second.final.status).toBe('ERROR');
    const [mine] = (await ws.call('bulk:rows', { bulkChangeId: second.id })).rows;
    const [theirs] = (await ws.call('bulk:rows', { bulkChangeId: first.id })).rows;
    const ask = (extra: object) =>
      ws!.call('bulk:resolveReview', {
        bulkChangeId: second.id,
        outcome: 'FAILED',
        reason: 'POND shows both packages ACTIVE',
        ...extra,
      });

    expect(await refusal(ask({ deviceChangeIds: [theirs!.deviceChangeId] }))).toEqual({
      code: 'conflict',
      message: `Device change ${theirs!.deviceChangeId} is not part of bulk change ${second.id}. Nothing was changed; refresh the view and choose again.`,
    });
    expect((await refusal(ask({ reason: 'ok' }))).message).toContain(
      'say what was checked (at least a few words)',
    );
    expect(
      await refusal(ask({ reason: 'Logged in with Authorization: Basic c2FuZGJveDpodW50ZXIy' })),
    ).toEqual({
      code: 'invalid_request',
      message:
        'The reason looks like it holds a password, key or token, and the audit log keeps it forever; say what you checked without the credentials.',
    });
    expect((await ws.call('bulk:get', { bulkChangeId: second.id })).counts.NEEDS_REVIEW).toBe(1);

    const after = await ask({ deviceChangeIds: [mine!.deviceChangeId] });
    expect(after).toMatchObject({ status: 'ERROR', counts: { FAILED: 1, NEEDS_REVIEW: 0 } });
    const [row] = (await ws.call('bulk:rows', { bulkChangeId: second.id })).rows;
    expect(row).toMatchObject({
      status: 'FAILED',
      lastError: mine!.lastError,
      resolution: { by: 'desk', outcome: 'FAILED', reason: 'POND shows both packages ACTIVE' },
    });
    const history = await ws.call('bulk:deviceHistory', { deviceChangeId: row!.deviceChangeId });
    expect(history.at(-1)).toMatchObject({ status: 'REVIEWED: FAILED', hasErrors: true });

    const file = await ws.call('bulk:failedRows', { bulkChangeId: second.id, format: 'csv' });
    const [, line] = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n');
    expect(line).toContain(`"${devices[1]}"`);
    expect(line).toContain('Marked failed by desk after review: POND shows both packages ACTIVE');
    expect(await ws.call('audit:verify', {})).toMatchObject({ ok: true });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { useTempDir } from '../../support/tempDir';
import { sandboxCore } from '../../support/sandboxCore';

const tempDir = useTempDir();
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});
function start() {
  const desk = sandboxCore(tempDir());
  cores.push(desk.core);
  return desk;
}
const iccidsOf = async (
  desk: ReturnType<typeof start>,
  status: 'active' | 'suspended' | 'inventory',
  perCarrier: number,
) => {
  const out: string[] = [];
  for (const carrier of ['thingspace', 'jasper', 'telegence', 'pond'] as const) {
    const page = await desk.call('devices:list', {
      carriers: [carrier],
      statuses: [status],
      limit: perCarrier,
    });
    out.push(...page.rows.map((r) => r.iccid));
  }
  return out;
};

describe('a status update end to end', () => {
  it('suspends devices on all four carriers, each in its own lane, and updates the inventory', async () => {
    const desk = start();
    const iccids = await iccidsOf(desk, 'active', 5);
    const created = await desk.call('bulk:create', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices: iccids,
      submit: true,
    });
    expect(created.refused).toEqual([]);
    const final = await desk.untilFinal(created.bulkChangeId);
    expect(final).toMatchObject({
      status: 'PROCESSED',
      done: 20,
      total: 20,
      counts: { SUCCEEDED: 20 },
    });
    expect(final.lanes.map((l) => l.carrier).sort()).toEqual([
      'jasper',
      'pond',
      'telegence',
      'thingspace',
    ]);
    const after = await desk.call('devices:list', { search: iccids[0]!, limit: 1 });
    expect(after.rows[0]).toMatchObject({ status: 'suspended' });
    expect(await desk.call('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('refuses, before anything is queued, a device whose status does not allow the move', async () => {
    const desk = start();
    const [suspended] = await iccidsOf(desk, 'suspended', 1);
    const [active] = await iccidsOf(desk, 'active', 1);
    const preview = await desk.call('bulk:preview', {
      changeType: 'statusUpdate',
      params: { action: 'suspend' },
      devices: [active!, suspended!, '8999'],
    });
    expect(preview.accepted.map((a) => a.iccid)).toEqual([active]);
    expect(preview.refused).toEqual([
      {
        row: 2,
        value: suspended,
        reason: expect.stringMatching(
          /is suspended; only a device that is active can be suspended/,
        ),
      },
      { row: 3, value: '8999', reason: expect.stringMatching(/No device/) },
    ]);
    await expect(
      desk.call('bulk:create', {
        changeType: 'statusUpdate',
        params: { action: 'suspend' },
        devices: [active!, suspended!],
      }),
    ).rejects.toThrow(/1 of 2 devices can't take this change. row 2/);
    expect(await desk.call('bulk:list', {})).toEqual([]);
  });

  it('names the bad setting when the parameters are wrong', async () => {
    const desk = start();
    await expect(
      desk.call('bulk:preview', {
        changeType: 'statusUpdate',
        params: { action: 'freeze' },
        devices: ['1'],
      }),
    ).rejects.toThrow(/params\.action/);
  });
});

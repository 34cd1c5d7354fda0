import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract/workspace';
import { luhnCheckDigit } from '../../../shared/identifiers';
import { useTempDir } from '../../support/tempDir';
import { importWorkspace } from './workspace';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const ROWS = 100_000;

/** Valid ICCIDs no sandbox device has (the sandbox uses other issuer digits). */
const stranger = (n: number) => {
  const body = `8901260${String(n).padStart(11, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};

async function bigFile(ws: Awaited<ReturnType<typeof importWorkspace>>) {
  const known = ws.iccids('1 = 1', 1000);
  const lines = ['ICCID,Status'];
  for (let i = 0; i < ROWS; i++) lines.push(`${i < known.length ? known[i] : stranger(i)},Suspend`);
  return { known, text: lines.join('\n') };
}

describe('a 100,000-row file across all four carriers', () => {
  it('checks every row, with exact counts by carrier, and reports progress', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const { known, text } = await bigFile(ws);
    const sheet = await ws.openCsv(text, 'fleet.csv');
    expect(sheet.dataRows).toBe(ROWS);
    const check = await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: {} },
    });
    const expected = ws.db
      .prepare(
        `SELECT a.carrier, count(*) AS rows, sum(d.status = 'active') AS ok FROM devices d
         JOIN carrier_accounts a ON a.id = d.carrier_account_id GROUP BY a.carrier`,
      )
      .all() as { carrier: string; rows: number; ok: number }[];
    const ok = expected.reduce((n, e) => n + e.ok, 0);
    expect(check).toMatchObject({ total: ROWS, ok, warnings: 0, errors: ROWS - ok });
    expect(check.byCarrier).toEqual(
      expect.arrayContaining([
        {
          carrier: null,
          rows: ROWS - known.length,
          ok: 0,
          warnings: 0,
          errors: ROWS - known.length,
        },
        ...expected.map((e) => ({
          carrier: e.carrier,
          rows: e.rows,
          ok: e.ok,
          warnings: 0,
          errors: e.rows - e.ok,
        })),
      ]),
    );
    expect(check.lanes.map((l) => l.carrier).sort()).toEqual([
      'jasper',
      'pond',
      'telegence',
      'thingspace',
    ]);
    expect(check.commonProblems[0]).toEqual({
      message:
        "No device in the inventory has ICCID … Check the number against the customer's list; if the device is new, sync its carrier account first.",
      rows: ROWS - known.length,
    });
    const reports = ws.events
      .filter((e) => e.event === 'workspace:progress')
      .map((e) => e.payload as Progress)
      .filter((p) => p.task === `import:${sheet.importId}`);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)).toMatchObject({ done: ROWS, total: ROWS });
    const page = await ws.call('import:rows', {
      importId: sheet.importId,
      show: 'ok',
      offset: 0,
      limit: 500,
    });
    expect(page.total).toBe(ok);
  });

  it('stops a check when asked, leaving nothing half-done', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const sheet = await ws.openCsv((await bigFile(ws)).text, 'fleet.csv');
    const checking = ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: {} },
    });
    const outcome = expect(checking).rejects.toMatchObject({ code: 'cancelled' });
    await ws.untilEvent(
      (e) =>
        e.event === 'workspace:progress' &&
        (e.payload as Progress).task === `import:${sheet.importId}`,
    );
    expect(await ws.call('import:cancel', { importId: sheet.importId })).toEqual({
      cancelled: true,
    });
    await outcome;
    await expect(ws.call('import:rows', { importId: sheet.importId })).rejects.toThrow(
      'Check the rows first.',
    );
    expect(await ws.call('bulk:list', {})).toEqual([]);
  });
});

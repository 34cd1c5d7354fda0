import { afterEach, describe, expect, it } from 'vitest';
import { ChangeType } from '../../../shared/domain/changes';
import { luhnCheckDigit } from '../../../shared/identifiers';
import { useTempDir } from '../../support/tempDir';
import { firstProblem, importWorkspace } from './workspace';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const day = (offsetDays: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('files for each change type', () => {
  it('carrier rate plans are looked up by code or name in each device’s own carrier catalog', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [ts1, ts2] = ws.iccids("a.carrier = 'thingspace' AND d.status = 'active'", 2);
    const [jasper] = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 1);
    const sheet = await ws.openCsv(
      `ICCID,Rate Plan\n${ts1},M2M Data 25 MB\n${ts2},IOT_500MB\n${jasper},iot_500mb\n`,
    );
    const check = await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'carrierRatePlanChange', params: {} },
    });
    const rows = await ws.allRows(sheet.importId);
    expect(firstProblem(rows, 3)).toMatchObject({
      column: 'Rate Plan',
      value: 'IOT_500MB',
      message:
        '"IOT_500MB" is not in the rate plan catalog of Verizon ThingSpace (sandbox). Its plans: M2MDATA1GB, M2MDATA1MB, M2MDATA25MB, M2MSHARE5GB.',
    });
    const planOf = (row: number) =>
      rows.find((r) => r.row === row)?.changes.find((c) => c.field === 'carrierRatePlan')?.to;
    if (rows[0]!.severity === 'ok') expect(planOf(2)).toBe('M2MDATA25MB');
    expect(check.groups.length).toBeGreaterThanOrEqual(1);
    expect(check.byCarrier.map((c) => c.carrier).sort()).toEqual(['jasper', 'thingspace']);
  });

  it('customer rate plans take effective dates from the file: today to a year ahead, unambiguous', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const devices = ws.iccids(
      "d.customer_id IS NOT NULL AND d.customer_rate_plan_id IS NOT (SELECT id FROM customer_rate_plans WHERE code = 'STANDARD-100')",
      5,
    );
    const dates = [day(1), '2020-01-01', day(400), '03/04/2027', ''];
    const csv = [
      'ICCID,Customer Plan,Effective Date',
      ...devices.map((d, i) => `${d},STANDARD-100,${dates[i]}`),
    ].join('\n');
    const sheet = await ws.openCsv(csv);
    expect(sheet.mapping.map((m) => m.field)).toEqual([
      'iccid',
      'customerRatePlan',
      'effectiveDate',
    ]);
    const check = await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'customerRatePlanChange', params: {} },
    });
    const rows = await ws.allRows(sheet.importId);
    expect(firstProblem(rows, 3)).toMatchObject({
      column: 'Effective Date',
      value: '2020-01-01',
      message: expect.stringContaining('is in the past'),
    });
    expect(firstProblem(rows, 4).message).toContain('more than a year ahead');
    expect(firstProblem(rows, 5).message).toContain('could be read as day/month or month/day');
    expect(check.groups.map((g) => g.label).sort()).toEqual(
      [
        `Customer rate plan change: customer plan STANDARD-100, from ${day(1)}`,
        'Customer rate plan change: customer plan STANDARD-100',
      ].sort(),
    );
  });

  it('identifier swaps: each new ICCID once, with a valid check digit', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [a, b, c] = ws.iccids("d.status = 'active' AND a.carrier = 'thingspace'", 3);
    const body = '890141099999999123';
    const fresh = `${body}${luhnCheckDigit(body)}`;
    const broken = `${body.slice(0, -1)}4${luhnCheckDigit(body)}`;
    const sheet = await ws.openCsv(
      `Old ICCID,New ICCID\n${a},${fresh}\n${b},${fresh}\n${c},${broken}\n`,
    );
    expect(sheet.mapping).toEqual([
      { column: 0, field: 'iccid' },
      { column: 1, field: 'newIccid' },
    ]);
    const check = await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'identifierChange', params: {} },
    });
    expect(check).toMatchObject({ ok: 1, errors: 2 });
    const rows = await ws.allRows(sheet.importId);
    expect(rows[0]).toMatchObject({ changes: [{ field: 'iccid', from: a, to: fresh }] });
    expect(firstProblem(rows, 3)).toMatchObject({
      column: 'New ICCID',
      field: 'newIccid',
      message:
        'Row 2 already swaps a device to this ICCID; each new identifier can go to one device only.',
    });
    expect(firstProblem(rows, 4).message).toMatch(/check digit/i);
  });

  it('names the field a problem is for even when two columns share a header, so a correction goes there', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [a, b] = ws.iccids("a.carrier = 'thingspace' AND d.status = 'active'", 2);
    const fresh = (body: string) => `${body}${luhnCheckDigit(body)}`;
    const taken = fresh('890141099999999123');
    const sheet = await ws.openCsv(`ICCID,ICCID\n${a},${taken}\n${b},${taken}\n`);
    const mapping = [
      { column: 0, field: 'iccid' as const },
      { column: 1, field: 'newIccid' as const },
    ];
    const setup = { changeType: 'identifierChange' as const, params: {} };
    await ws.call('import:check', { importId: sheet.importId, mapping, setup });
    // Both columns are "ICCID": only core can say the problem is the new one.
    expect(firstProblem(await ws.allRows(sheet.importId), 3)).toMatchObject({
      column: 'ICCID',
      field: 'newIccid',
      value: taken,
    });
    const other = fresh('890141099999999124');
    await ws.call('import:editRow', {
      importId: sheet.importId,
      row: 3,
      field: 'newIccid',
      value: other,
    });
    const check = await ws.call('import:check', { importId: sheet.importId, mapping, setup });
    expect(check).toMatchObject({ ok: 2, errors: 0 });
  });

  it.each(ChangeType.options)(
    'the %s template reads back with every column mapped',
    async (changeType) => {
      const ws = await importWorkspace(tempDir());
      close = ws.close;
      const file = await ws.call('import:template', { changeType });
      expect(file.fileName).toMatch(/-template\.xlsx$/);
      const sheet = await ws.openBytes(Buffer.from(file.base64, 'base64'), file.fileName);
      expect(sheet).toMatchObject({ format: 'xlsx', sheet: 'Devices', headerRow: 1, dataRows: 1 });
      expect(sheet.mapping).toHaveLength(sheet.columns.length);
      expect(sheet.sheets.map((s) => s.name)).toEqual(['Devices', 'How to fill it in']);
    },
  );
});

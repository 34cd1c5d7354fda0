import { afterEach, describe, expect, it } from 'vitest';
import {
  corruptXlsx,
  encryptedXlsx,
  protoPollutionXlsx,
  xlsFile,
  xlsxFile,
  zipBomb,
} from '../../support/spreadsheets';
import { useTempDir } from '../../support/tempDir';
import { firstProblem, importWorkspace } from './workspace';

const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const tomorrow = () => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('Excel workbooks from customers', () => {
  it.each([
    ['xlsx', xlsxFile],
    ['xls', xlsFile],
  ] as const)(
    'a %s with a notes sheet, a merged title, Excel-damaged ids, formulas and date cells',
    async (format, build) => {
      const ws = await importWorkspace(tempDir());
      close = ws.close;
      const [a, b, c] = ws.iccids(
        "d.customer_id IS NOT NULL AND d.customer_rate_plan_id IS NOT (SELECT id FROM customer_rate_plans WHERE code = 'PLUS-1G')",
        3,
      );
      const file = build([
        { name: 'Read me', rows: [['Please move these SIMs to Plus 1 GB from tomorrow.']] },
        {
          name: 'SIMs',
          origin: 'B2',
          merges: ['B2:D2'],
          rows: [
            ['Northwind request 4471'],
            ['SIM ICCID', 'Customer Plan', 'Effective Date'],
            [a!, { formula: 'UPPER("plus-1g")', cached: 'PLUS-1G' }, { date: tomorrow() }],
            [{ number: Number(b), format: '0.00E+00' }, 'PLUS-1G', { date: tomorrow() }],
            [c!, 'PLUS-1G', { date: '2020-01-01' }],
          ],
        },
      ]);
      const sheet = await ws.openBytes(file, `request.${format}`);
      expect(sheet).toMatchObject({ format, sheet: 'SIMs', headerRow: 3, dataRows: 3 });
      expect(sheet.sheets.map((s) => s.name)).toEqual(['Read me', 'SIMs']);
      expect(sheet.mapping).toEqual([
        { column: 1, field: 'iccid' },
        { column: 2, field: 'customerRatePlan' },
        { column: 3, field: 'effectiveDate' },
      ]);
      const check = await ws.call('import:check', {
        importId: sheet.importId,
        mapping: sheet.mapping,
        setup: { changeType: 'customerRatePlanChange', params: {} },
      });
      expect(check).toMatchObject({ total: 3, ok: 1, errors: 2 });
      const rows = await ws.allRows(sheet.importId);
      expect(rows[0]).toMatchObject({
        row: 4,
        severity: 'ok',
        changes: [expect.objectContaining({ field: 'customerRatePlan', to: 'PLUS-1G' })],
      });
      expect(firstProblem(rows, 5)).toMatchObject({
        column: 'SIM ICCID',
        message: expect.stringContaining(
          'was turned into a number by Excel and lost its last digits',
        ),
      });
      expect(firstProblem(rows, 6)).toMatchObject({
        column: 'Effective Date',
        value: '2020-01-01',
        message: expect.stringContaining('is in the past'),
      });
      expect(check.groups).toEqual([
        expect.objectContaining({
          label: `Customer rate plan change: customer plan PLUS-1G, from ${tomorrow()}`,
        }),
      ]);
    },
  );

  it('moves to another sheet and header row on request', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [a] = ws.iccids("d.status = 'active'", 1);
    const file = xlsxFile([
      { name: 'January', rows: [['ICCID'], [a!]] },
      { name: 'February', rows: [['Batch 2'], ['x', 'y'], ['Kennung', 'Neu'], [a!, 'Suspend']] },
    ]);
    const sheet = await ws.openBytes(file, 'months.xlsx');
    expect(sheet.sheet).toBe('January');
    const feb = await ws.call('import:configure', { importId: sheet.importId, sheet: 'February' });
    expect(feb).toMatchObject({ sheet: 'February', headerRow: 3, dataRows: 1 });
    expect(feb.mapping).toEqual([{ column: 0, field: 'iccid' }]);
    const moved = await ws.call('import:configure', { importId: sheet.importId, headerRow: 2 });
    expect(moved).toMatchObject({ headerRow: 2, dataRows: 2 });
    expect(moved.columns.map((col) => col.header)).toEqual(['x', 'y']);
    await expect(
      ws.call('import:configure', { importId: sheet.importId, sheet: 'March' }),
    ).rejects.toThrow('The file has no sheet "March". Its sheets: January, February.');
  });
});

describe('hostile and broken files', () => {
  it.each([
    ['a zip bomb', () => zipBomb('ratio'), /compresses more than 100:1|unpacks to more than/],
    ['a zip whose sizes lie', () => zipBomb('lying'), /./],
    ['a password-protected workbook', encryptedXlsx, /is password-protected/],
    ['a truncated workbook', () => corruptXlsx('truncated'), /could not be read|damaged/],
  ])('refuses %s with a way out, and keeps what is stored', async (_what, build, message) => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const [a] = ws.iccids("d.status = 'active'", 1);
    const kept = await ws.openCsv(`ICCID\n${a}\n`);
    await ws.call('import:check', {
      importId: kept.importId,
      mapping: kept.mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'suspend' } },
    });
    const draft = await ws.call('import:saveDraft', { importId: kept.importId, title: 'Keep me' });
    await expect(ws.openBytes(build(), 'from-customer.xlsx')).rejects.toThrow(message);
    expect(await ws.call('drafts:list', {})).toEqual([expect.objectContaining({ id: draft.id })]);
    // The file opened before is still open and checkable.
    expect((await ws.call('import:rows', { importId: kept.importId })).total).toBe(1);
  });

  it('reads a crafted prototype-pollution workbook as plain text, polluting nothing', async () => {
    const ws = await importWorkspace(tempDir());
    close = ws.close;
    const sheet = await ws.openBytes(protoPollutionXlsx(), 'crafted.xlsx');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(JSON.stringify(sheet)).toContain('__proto__');
    const info = await ws.call('workspace:info', {});
    expect(info.sandbox).toBe(true);
  });
});

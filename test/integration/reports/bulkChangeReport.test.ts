import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, refusal, type DeskWorkspace } from '../bulkView/deskWorkspace';
import { pdfPages } from './pdfText';
import { csvRows, workbookSheets } from './readBack';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

const PARIS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+01:00$/;

describe('the bulk change report', () => {
  it('sums up a finished change with failures and lists every device, the same cell by cell in xlsx and csv', async () => {
    ws = await deskWorkspace(tempDir());
    const cisco = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 2);
    const pond = ws.iccids("a.carrier = 'pond' AND d.status = 'active'", 2);
    ws.sim('jasper').setFaults({
      deviceFailures: { [cisco[0]!]: 'SIM is locked by the customer' },
    });
    ws.sim('pond').setFaults({ deviceFailures: { [pond[1]!]: 'Line under fraud hold' } });
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, [...cisco, ...pond]);

    const page = await ws.call('reports:bulkChange', {
      bulkChangeId: id,
      timeZone: 'Europe/Paris',
    });
    const summary = new Map(page.summary.map((line) => [line.label, line.value]));
    expect(summary.get('Change type')).toBe('Status update');
    expect(summary.get('Parameters')).toBe('Status update: suspend');
    expect(summary.get('Submitted by')).toBe('desk');
    expect(summary.get('Outcomes')).toBe('SUCCEEDED 2, FAILED 2');
    expect(summary.get('Source file')).toMatch(/^None/);
    expect(summary.get('Source file SHA-256')).toBe('Not recorded');
    expect(summary.get('Time zone')).toBe('Europe/Paris');
    expect(summary.get('Submitted')).toMatch(PARIS_TIME);
    expect(summary.get('Duration')).toMatch(/ s$/);
    expect([...summary].filter(([label]) => /^(Cisco|POND)/.test(label)).map(([, v]) => v)).toEqual(
      ['SUCCEEDED 1, FAILED 1', 'SUCCEEDED 1, FAILED 1'],
    );

    expect(page.total).toBe(4);
    const col = (name: string) => page.columns.indexOf(name);
    const byIccid = new Map(page.rows.map((row) => [row[col('ICCID')], row]));
    expect(byIccid.get(cisco[0])![col('Outcome')]).toBe('FAILED');
    expect(byIccid.get(cisco[0])![col('Error reason')]).toContain('SIM is locked by the customer');
    expect(byIccid.get(pond[1])![col('Error reason')]).toContain('Line under fraud hold');
    expect(byIccid.get(cisco[1])![col('Outcome')]).toBe('SUCCEEDED');
    expect(byIccid.get(cisco[1])![col('Carrier')]).toBe('Cisco Control Center');
    expect(byIccid.get(cisco[1])![col('Before → after')]).toMatch(/→ suspended/);
    expect(Number(byIccid.get(cisco[1])![col('Attempts')])).toBeGreaterThan(0);
    expect(byIccid.get(cisco[1])![col('Completed')]).toMatch(PARIS_TIME);

    const report = { kind: 'bulkChange', bulkChangeId: id, timeZone: 'Europe/Paris' } as const;
    const xlsx = (await ws.call('reports:export', { report, format: 'xlsx' }))!;
    const csv = (await ws.call('reports:export', { report, format: 'csv' }))!;
    expect(dirname(xlsx.path)).toBe(join(dirname(ws.db.name), 'reports'));
    expect(xlsx).toMatchObject({
      rows: 4,
      fileName: expect.stringMatching(/^bulk-change-\d+-report-.*\.xlsx$/),
    });
    expect(existsSync(`${xlsx.path}.partial`)).toBe(false);
    expect(ws.events).toContainEqual({
      event: 'workspace:progress',
      payload: { task: 'reports:export', label: 'Writing the report', done: 4, total: 4 },
    });

    const head = [['Report', page.title], ...page.summary.map((l) => [l.label, l.value])];
    const table = [page.columns, ...page.rows];
    const book = workbookSheets(xlsx.path);
    expect(book.names).toEqual(['Summary', 'Devices']);
    expect(book.sheets.get('Summary')).toEqual(head);
    expect(book.sheets.get('Devices')).toEqual(table);
    expect(book.formulas).toBe(0);
    expect(csvRows(csv.path)).toEqual([...head, [''], ...table]);
  });

  it('names the file a change was imported from and its SHA-256, so the report proves which file it was', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = ws.iccids("a.carrier = 'pond' AND d.status = 'active'", 2);
    const bytes = Buffer.from(`ICCID\r\n${devices.join('\r\n')}\r\n`, 'utf8');
    const sheet = await ws.call('import:open', {
      source: { kind: 'upload', name: 'suspend-list.csv', base64: bytes.toString('base64') },
    });
    await ws.call('import:check', {
      importId: sheet.importId,
      mapping: sheet.mapping,
      setup: { changeType: 'statusUpdate', params: { action: 'suspend' } },
    });
    const { bulkChangeIds } = await ws.call('import:submit', { importId: sheet.importId });
    await ws.untilFinal(bulkChangeIds[0]!);
    const page = await ws.call('reports:bulkChange', { bulkChangeId: bulkChangeIds[0]! });
    expect(page.summary).toContainEqual({ label: 'Source file', value: 'suspend-list.csv' });
    expect(page.summary).toContainEqual({
      label: 'Source file SHA-256',
      value: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('exports the same report as a readable pdf', async () => {
    ws = await deskWorkspace(tempDir());
    const cisco = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", 3);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, cisco);
    const report = { kind: 'bulkChange', bulkChangeId: id } as const;
    const pdf = (await ws.call('reports:export', { report, format: 'pdf' }))!;
    expect(pdf).toMatchObject({ rows: 3, fileName: expect.stringMatching(/\.pdf$/) });
    const text = pdfPages(pdf.path).join('\f');
    const page = await ws.call('reports:bulkChange', { bulkChangeId: id });
    expect(text).toContain(page.title.slice(0, 30));
    for (const iccid of cisco) expect(text).toContain(iccid);
    expect(text).toContain('Page 1 of 1');
  });

  it('names an unknown bulk change by its number', async () => {
    ws = await deskWorkspace(tempDir());
    expect(await refusal(ws.call('reports:bulkChange', { bulkChangeId: 999 }))).toEqual({
      code: 'not_found',
      message: 'There is no bulk change 999.',
    });
  });
});

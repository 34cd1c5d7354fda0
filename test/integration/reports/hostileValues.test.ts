import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { deskWorkspace, type DeskWorkspace } from '../bulkView/deskWorkspace';
import { csvRows, workbookSheets } from './readBack';

const tempDir = useTempDir();
let ws: DeskWorkspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

// What a spreadsheet would run or split: formulas, DDE, the control characters OWASP lists, and
// one that xlsx cannot hold, which must not uncover the formula behind it when dropped.
const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\x01=1+1',
];
// eslint-disable-next-line no-control-regex
const RISKY = /^[=+\-@\x00-\x1F]/;
// eslint-disable-next-line no-control-regex
const inXlsx = (value: string) => value.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '');

/** No cell of `all` would run, and each hostile value is there `times` times, quoted. */
function expectNeutralised(format: string, all: string[], times: number): void {
  expect(
    all.filter((cell) => RISKY.test(cell)),
    format,
  ).toEqual([]);
  for (const value of HOSTILE) {
    const written = format === 'xlsx' ? inXlsx(value) : value;
    expect(
      all.filter((cell) => cell === `'${written}`),
      `${format} ${JSON.stringify(value)}`,
    ).toHaveLength(times);
  }
}

describe('report exports opened in a spreadsheet', () => {
  it('neutralise every cell a spreadsheet would read as a formula, in titles, identifiers and error messages', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", HOSTILE.length);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    const writer = new Database(ws.db.name);
    writer
      .prepare('UPDATE bulk_changes SET title = ? WHERE id = ?')
      .run('=HYPERLINK("http://x")', id);
    const ids = writer
      .prepare('SELECT id FROM device_changes WHERE bulk_change_id = ? ORDER BY id')
      .pluck()
      .all(id) as number[];
    const hostile = writer.prepare(
      "UPDATE device_changes SET iccid = @value, carrier_request_id = @value, error_message = @value, status = 'FAILED' WHERE id = @id",
    );
    ids.forEach((rowId, i) => hostile.run({ id: rowId, value: HOSTILE[i] }));
    writer.close();

    const report = { kind: 'bulkChange', bulkChangeId: id, timeZone: 'UTC' } as const;
    const xlsx = (await ws.call('reports:export', { report, format: 'xlsx' }))!;
    const csv = (await ws.call('reports:export', { report, format: 'csv' }))!;
    const book = workbookSheets(xlsx.path);
    expect(book.formulas).toBe(0);
    const cells = {
      xlsx: [...book.sheets.values()].flat(2),
      csv: csvRows(csv.path).flat(),
    };
    for (const [format, all] of Object.entries(cells)) {
      // ICCID, carrier request id and error reason: each hostile value three times, quoted.
      expectNeutralised(format, all, 3);
      // The title alone in the Title line; inside "Bulk change #n: …" it no longer leads.
      expect(all, format).toContain(`'=HYPERLINK("http://x")`);
      expect(all, format).toContain(`Bulk change #${id}: =HYPERLINK("http://x")`);
    }
  });

  it('neutralise what a carrier said in a reconciliation: its status word, rate plan and errors', async () => {
    ws = await deskWorkspace(tempDir());
    const devices = ws.iccids("a.carrier = 'jasper' AND d.status = 'active'", HOSTILE.length);
    const { id } = await ws.run('statusUpdate', { action: 'suspend' }, devices);
    const run = await ws.call('reports:reconcile', { bulkChangeId: id });
    // A carrier (or whoever sits between) answering with formulas for its own words.
    const writer = new Database(ws.db.name);
    const ids = writer
      .prepare('SELECT id FROM reconciliation_rows WHERE reconciliation_id = ? ORDER BY id')
      .pluck()
      .all(run.reconciliationId) as number[];
    const hostile = writer.prepare(
      'UPDATE reconciliation_rows SET carrier_status_word = @value, carrier_rate_plan = @value, differences = @value, lookup_error = @value WHERE id = @id',
    );
    ids.forEach((rowId, i) => hostile.run({ id: rowId, value: HOSTILE[i] }));
    writer.close();

    const report = { kind: 'reconciliation', reconciliationId: run.reconciliationId } as const;
    const exported = async (format: 'xlsx' | 'csv' | 'pdf') =>
      (await ws!.call('reports:export', { report: { ...report, timeZone: 'UTC' }, format }))!;
    const xlsx = await exported('xlsx');
    const book = workbookSheets(xlsx.path);
    expect(book.formulas).toBe(0);
    const cells = {
      xlsx: [...book.sheets.values()].flat(2),
      csv: csvRows((await exported('csv')).path).flat(),
    };
    for (const [format, all] of Object.entries(cells)) {
      // Carrier plan, differences and lookup error lead with it; the status wraps it in words.
      expectNeutralised(format, all, 3);
      for (const value of HOSTILE)
        expect(all, format).toContain(`suspended (${format === 'xlsx' ? inXlsx(value) : value})`);
    }
    // A pdf runs nothing, but it must still be written whole from the same text.
    expect((await exported('pdf')).rows).toBe(HOSTILE.length);
  });
});

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

// What a spreadsheet would run or split: formulas, DDE, and the control characters OWASP lists.
const HOSTILE = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1', '\n=1+1'];
const RISKY = /^[=+\-@\t\r\n]/;

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
      expect(
        all.filter((cell) => RISKY.test(cell)),
        format,
      ).toEqual([]);
      for (const value of HOSTILE)
        // ICCID, carrier request id and error reason: each hostile value three times, quoted.
        expect(
          all.filter((cell) => cell === `'${value}`),
          `${format} ${JSON.stringify(value)}`,
        ).toHaveLength(3);
      // The title alone in the Title line; inside "Bulk change #n: …" it no longer leads.
      expect(all, format).toContain(`'=HYPERLINK("http://x")`);
      expect(all, format).toContain(`Bulk change #${id}: =HYPERLINK("http://x")`);
    }
  });
});

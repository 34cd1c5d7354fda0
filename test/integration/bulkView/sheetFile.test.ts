import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { csvFile, xlsxFile } from '../../../main/core/bulkView/sheetFile';

const risky = [
  '=HYPERLINK("http://evil.example","click")',
  '+15125550100',
  '-2+3',
  '@SUM(A1:A9)',
  '\tcmd',
  '\rnext',
  '\nline',
  '\x01=1+1',
];
const content = {
  fileStem: 'bulk-7-failed-rows',
  rows: [['ICCID', 'Reason'], ...risky.map((text) => ['89014103211118510720', text])],
  widths: [24, 100],
  help: ['=1+1 is not run here either'],
};

describe('failed-rows files opened in a spreadsheet', () => {
  it('writes no CSV cell a spreadsheet would run as a formula, and quotes every field', () => {
    const text = Buffer.from(csvFile(content).base64, 'base64').toString('utf8');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('"ICCID","Reason"');
    expect(lines[1]).toBe(
      `"89014103211118510720","'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(lines[2]).toBe(`"89014103211118510720","'+15125550100"`);
    expect(lines[3]).toBe(`"89014103211118510720","'-2+3"`);
    expect(lines[4]).toBe(`"89014103211118510720","'@SUM(A1:A9)"`);
    expect(lines[5]).toBe(`"89014103211118510720","'\tcmd"`);
    // A quoted CR or LF stays inside its field; the row ends only with CRLF outside quotes.
    expect(text).toContain(`"'\rnext"`);
    expect(text).toContain(`"'\nline"`);
    expect(text).toContain(`"'\x01=1+1"`);
  });

  it('writes workbook cells as text, identifiers whole, formula-looking text prefixed, no formulas', () => {
    const file = xlsxFile(content);
    expect(file.fileName).toBe('bulk-7-failed-rows.xlsx');
    const book = XLSX.read(Buffer.from(file.base64, 'base64'), {
      type: 'buffer',
      cellFormula: true,
      cellNF: true,
    });
    expect(book.SheetNames).toEqual(['Devices', 'How to use this file']);
    const sheet = book.Sheets.Devices!;
    const cells = Object.entries(sheet).filter(([ref]) => !ref.startsWith('!'));
    for (const [ref, cell] of cells) {
      expect(cell.f, ref).toBeUndefined();
      expect(cell.t, ref).toBe('s');
    }
    expect(sheet.A2).toMatchObject({ v: '89014103211118510720', z: '@' });
    expect(risky.map((_, i) => sheet[`B${i + 2}`].v)).toEqual(risky.map((t) => `'${t}`));
    expect(book.Sheets['How to use this file']!.A1.v).toBe("'=1+1 is not run here either");
  });
});

import { describe, expect, it } from 'vitest';
import { readSpreadsheet, type ReadProgress } from '../../../../main/core/import/read';
import { csvFile, type CsvEncoding } from '../../../support/spreadsheets';

const read = (text: string | Uint8Array, name = 'devices.csv', limits = {}) =>
  readSpreadsheet({ name, bytes: typeof text === 'string' ? csvFile(text) : text }, { limits });

/** About 3 MB of device rows: several chunks of the reader. */
const manyRows = (count = 60_000) =>
  'ICCID,IMEI,MSISDN,Status\r\n' +
  Array.from(
    { length: count },
    (_, i) => `8901260${String(i).padStart(12, '0')},35${i},1555${i},Active\r\n`,
  ).join('');

describe('reading CSV files', () => {
  it.each<[CsvEncoding, boolean, string]>([
    ['utf8', true, 'UTF-8'],
    ['utf8bom', true, 'UTF-8'],
    ['utf16le', true, 'UTF-16LE'],
    ['utf16be', true, 'UTF-16BE'],
    ['utf16le', false, 'UTF-16LE'],
    ['utf16be', false, 'UTF-16BE'],
    ['windows1252', true, 'Windows-1252'],
  ])('reads %s text (byte-order mark: %s) and reports it as %s', async (encoding, bom, name) => {
    const text = 'ICCID;Customer;Note\r\n8901260000000000001;Zoë Müller;5 € a month\r\n';
    const workbook = await read(csvFile(text, { encoding, bom }));
    expect(workbook).toEqual({
      format: 'csv',
      encoding: name,
      delimiter: ';',
      sheets: [
        {
          name: 'devices',
          rows: [
            ['ICCID', 'Customer', 'Note'],
            ['8901260000000000001', 'Zoë Müller', '5 € a month'],
          ],
        },
      ],
    });
  });

  it.each([
    [',', 'a,b\n1,2\n'],
    [';', 'a;b\n1,5;2\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b\n1|2\n'],
  ])('sniffs the delimiter %j', async (delimiter, text) => {
    expect((await read(text)).delimiter).toBe(delimiter);
  });

  it("follows Excel's sep= line and leaves it out of the rows", async () => {
    const workbook = await read('sep=|\r\nICCID|Note\r\n8901|a;b;c\r\n');
    expect(workbook.delimiter).toBe('|');
    expect(workbook.sheets[0]!.rows).toEqual([
      ['ICCID', 'Note'],
      ['8901', 'a;b;c'],
    ]);
  });

  it('keeps text as written: numbers stay strings, spaces stay, blank rows stay as empty rows', async () => {
    const workbook = await read(
      'ICCID,Qty\r\n 8901260000000000001 ,007\r\n\r\n"8.9E+18",""\r\n\r\n\r\n',
    );
    expect(workbook.sheets[0]!.rows).toEqual([
      ['ICCID', 'Qty'],
      [' 8901260000000000001 ', '007'],
      [],
      ['8.9E+18'],
    ]);
  });

  it('reads quoted fields with line breaks inside and a last line without a line end', async () => {
    const workbook = await read('ICCID,Address\n8901,"1 Main St\nSpringfield"\r8902,"say ""hi"""');
    expect(workbook.sheets[0]!.rows).toEqual([
      ['ICCID', 'Address'],
      ['8901', '1 Main St\nSpringfield'],
      ['8902', 'say "hi"'],
    ]);
  });

  it('refuses a quote that is never closed, naming the row', async () => {
    await expect(read('ICCID,Note\n8901,ok\n8902,"oops\n8903,fine\n')).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^“devices\.csv” has a quote \(".*row 3 that is never closed/),
    });
  });

  it('refuses too many rows or columns, saying how to split the file', async () => {
    await expect(read('a\nb\nc\nd\n', 'long.csv', { maxRows: 3 })).rejects.toMatchObject({
      message:
        '“long.csv” has more than 3 rows. Split it into files of at most 3 rows and import each one.',
    });
    // Trailing blank lines don't count against the limit.
    await expect(read('a\nb\nc\n\n\n\n', 'long.csv', { maxRows: 3 })).resolves.toBeDefined();
    await expect(read('a,b\na,b,c,d\n', 'wide.csv', { maxColumns: 3 })).rejects.toMatchObject({
      message: expect.stringMatching(/^Row 2 of “wide\.csv” has more than 3 columns\./),
    });
  });

  it('refuses binary data that is not text', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i % 5 === 0 ? 0 : (i * 37) % 256));
    await expect(read(binary, 'devices.csv')).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^“devices\.csv” is not a spreadsheet: it holds binary data/),
    });
  });

  it('reports progress by bytes, rising to the total, and lets other work run between chunks', async () => {
    const bytes = csvFile(manyRows());
    const progress: ReadProgress[] = [];
    let turns = 0;
    let reading = true;
    const otherWork = () => {
      turns++;
      if (reading) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    const workbook = await readSpreadsheet(
      { name: 'many.csv', bytes },
      { onProgress: (p) => progress.push(p) },
    );
    reading = false;
    expect(workbook.sheets[0]!.rows).toHaveLength(60_001);
    expect(
      progress.every((p) => p.label === 'Reading many.csv' && p.total === bytes.byteLength),
    ).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    expect(progress[0]!.done).toBe(0);
    expect(progress.at(-1)!.done).toBe(bytes.byteLength);
    expect(turns).toBeGreaterThanOrEqual(progress.length - 2);
  });

  it('stops promptly when cancelled mid-file', async () => {
    const bytes = csvFile(manyRows());
    const controller = new AbortController();
    const progress: ReadProgress[] = [];
    const reading = readSpreadsheet(
      { name: 'many.csv', bytes },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.done > 0) controller.abort();
        },
      },
    );
    await expect(reading).rejects.toMatchObject({
      code: 'cancelled',
      message: 'Reading “many.csv” was cancelled.',
    });
    expect(progress.at(-1)!.done).toBeLessThan(bytes.byteLength);
  });
});

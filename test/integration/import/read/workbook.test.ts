import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheet, type ReadProgress } from '../../../../main/core/import/read';
import { xlsFile, xlsxFile, type SheetSpec } from '../../../support/spreadsheets';

/** One row of every kind of cell a customer's sheet holds. */
const kinds: SheetSpec = {
  name: 'Devices',
  rows: [
    [
      'ICCID (text)',
      'ICCID (number)',
      'Padded',
      'Looks numeric',
      'Active',
      'Formula',
      'Stale formula',
      'Error',
    ],
    [
      '8901260000000000001',
      // Typed as 8901260000000000001, Excel keeps 15 digits and stores this:
      { number: 8901260000000000000, format: '0' },
      '  35-1234 ',
      '007',
      true,
      { formula: 'A2&"x"', cached: '8901260000000000001x' },
      { formula: 'SUM(Z1:Z9)' },
      { error: '#N/A' },
    ],
    [null, 42.5, null, null, false, { formula: '1+1', cached: 2 }],
  ],
};

describe('reading Excel workbooks', () => {
  it.each([
    ['xlsx', xlsxFile],
    ['xls', xlsFile],
  ] as const)(
    'reads typed cells from %s: text as written, numbers as numbers, cached formula values',
    async (format, build) => {
      const workbook = await readSpreadsheet({ name: `devices.${format}`, bytes: build([kinds]) });
      expect(workbook.format).toBe(format);
      expect(workbook.encoding).toBeNull();
      expect(workbook.delimiter).toBeNull();
      const [header, first, second] = workbook.sheets[0]!.rows;
      expect(header).toEqual(kinds.rows[0]);
      // The number has lost the ICCID's last digits, as Excel did: the caller must see a number.
      expect(first).toEqual([
        '8901260000000000001',
        8901260000000000000,
        '  35-1234 ',
        '007',
        true,
        '8901260000000000001x',
      ]);
      expect(second).toEqual([null, 42.5, null, null, false, 2]);
    },
  );

  it('anchors the grid at A1, keeps empty rows, keeps merged titles top-left, lists hidden sheets', async () => {
    const bytes = xlsxFile([
      { name: 'Title', rows: [['Devices for ACME'], [], ['ICCID', 'Status']], merges: ['A1:B1'] },
      { name: 'Offset', origin: 'B3', rows: [['ICCID', 'Status'], ['8901', null, null], [null]] },
      { name: 'Lookups', hidden: true, rows: [['Active']] },
      { name: 'Empty', rows: [] },
    ]);
    const { sheets } = await readSpreadsheet({ name: 'devices.xlsx', bytes });
    expect(sheets).toEqual([
      { name: 'Title', rows: [['Devices for ACME'], [], ['ICCID', 'Status']] },
      { name: 'Offset', rows: [[], [], [null, 'ICCID', 'Status'], [null, '8901']] },
      { name: 'Lookups', rows: [['Active']] },
      { name: 'Empty', rows: [] },
    ]);
    expect(sheets[1]!.rows[2]![1]).toBe('ICCID');
  });

  it('reads by content, not by the name: an xlsx called .csv is still a workbook', async () => {
    const workbook = await readSpreadsheet({ name: 'export.csv', bytes: xlsxFile([kinds]) });
    expect(workbook.format).toBe('xlsx');
  });

  it('leaves the bytes it was given untouched', async () => {
    const bytes = Buffer.from(xlsxFile([kinds]));
    const before = Buffer.from(bytes);
    await readSpreadsheet({ name: 'devices.xlsx', bytes });
    expect(bytes.equals(before)).toBe(true);
  });

  it('reports each phase rising to its total', async () => {
    const rows = [['ICCID'], ...Array.from({ length: 3000 }, (_, i) => [`89012600000${i}`])];
    const progress: ReadProgress[] = [];
    await readSpreadsheet(
      {
        name: 'devices.xlsx',
        bytes: xlsxFile([
          { name: 'A', rows },
          { name: 'B', rows },
        ]),
      },
      { onProgress: (p) => progress.push(p) },
    );
    const labels = [...new Set(progress.map((p) => p.label))];
    expect(labels).toEqual(['Checking the file', 'Opening the workbook', 'Reading rows']);
    for (const label of labels) {
      const phase = progress.filter((p) => p.label === label);
      const done = phase.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done[0]).toBe(0);
      expect(done.at(-1)).toBe(phase[0]!.total);
    }
    expect(progress.find((p) => p.label === 'Reading rows')!.total).toBe(6002);
  });

  describe('in a time zone with daylight saving', () => {
    const zone = process.env.TZ;
    beforeAll(() => {
      // Half-hour daylight saving, and far from UTC: any zone arithmetic would show.
      process.env.TZ = 'Australia/Lord_Howe';
    });
    afterAll(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    const dates: SheetSpec = {
      name: 'Dates',
      rows: [
        [
          { date: '2024-01-15' },
          { date: '2024-07-01T23:59' },
          { date: '2024-04-07T01:45' },
          { date: '1950-06-30T00:00' },
          { date: '2024-03-05T10:30', format: 'dd/mm/yyyy hh:mm' },
          { number: 45356, format: '0.00' },
        ],
      ],
    };
    const expected = [
      '2024-01-15',
      '2024-07-01T23:59',
      '2024-04-07T01:45',
      '1950-06-30',
      '2024-03-05T10:30',
      45356,
    ];

    it.each([
      ['xlsx', false],
      ['xlsx', true],
      ['xls', false],
    ] as const)(
      'gives %s dates (1904 dates: %s) as the wall-clock text Excel shows',
      async (format, date1904) => {
        const build = format === 'xlsx' ? xlsxFile : xlsFile;
        const workbook = await readSpreadsheet({
          name: `dates.${format}`,
          bytes: build([dates], { date1904 }),
        });
        expect(new Date(2024, 0, 15).getTimezoneOffset()).toBe(-660);
        expect(workbook.sheets[0]!.rows[0]).toEqual(expected);
      },
    );
  });
});

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readSpreadsheet, type ReadLimits } from '../../../../main/core/import/read';
import {
  corruptXlsx,
  encryptedXls,
  encryptedXlsx,
  protoPollutionXlsx,
  xlsxFile,
  zipArchive,
  zipBomb,
  zipParts,
} from '../../../support/spreadsheets';

const read = (name: string, bytes: Uint8Array, limits: Partial<ReadLimits> = {}) =>
  readSpreadsheet({ name, bytes }, { limits });
const refused = (message: string | RegExp) => ({
  code: 'invalid_request',
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});
const devices = (count: number) => [
  ['ICCID'],
  ...Array.from({ length: count }, (_, i) => [`89012600000${i}`]),
];

/** Every worker thread started from now on, through Node's own diagnostics channel. */
function watchWorkers(): Worker[] {
  const started: Worker[] = [];
  const onStart = (message: unknown) => started.push((message as { worker: Worker }).worker);
  subscribe('worker_threads', onStart);
  stopWatching = () => unsubscribe('worker_threads', onStart);
  return started;
}
let stopWatching = () => {};
afterEach(() => stopWatching());

describe('refusing files before SheetJS sees them', () => {
  it('refuses a file over the size limit', async () => {
    await expect(read('huge.xlsx', new Uint8Array(73 * 1024 * 1024))).rejects.toMatchObject(
      refused(
        '“huge.xlsx” is 73 MB; the limit is 50 MB. Split it into smaller files (or delete unused sheets and columns) and import each one.',
      ),
    );
  });

  it('refuses zip bombs, whether their sizes are honest or lie', async () => {
    const tooWell =
      /^“bomb\.xlsx” compresses more than 100:1 \(in its part xl\/worksheets\/sheet1\.xml\), which real spreadsheets don't; it was not opened\./;
    await expect(read('bomb.xlsx', zipBomb('ratio'))).rejects.toMatchObject(refused(tooWell));
    await expect(read('bomb.xlsx', zipBomb('lying'))).rejects.toMatchObject(refused(tooWell));
    await expect(read('bomb.xlsx', zipBomb('total'))).rejects.toMatchObject(
      refused(
        /^“bomb\.xlsx” unpacks to more than 600 MB, which real spreadsheets don't; it was not opened\./,
      ),
    );
    const plain = xlsxFile([{ name: 'Devices', rows: devices(2000) }]);
    await expect(
      read('big.xlsx', plain, { maxUncompressedBytes: 64 * 1024 }),
    ).rejects.toMatchObject(refused(/^“big\.xlsx” unpacks to more than 0\.1 MB/));
  });

  it('refuses password-protected workbooks, saying how to remove the password', async () => {
    const message =
      '“locked.xlsx” is password-protected. Remove the password in Excel (File › Info › Protect Workbook), save, and import it again.';
    await expect(read('locked.xlsx', encryptedXlsx())).rejects.toMatchObject(refused(message));
    await expect(read('locked.xlsx', encryptedXls())).rejects.toMatchObject(refused(message));
  });

  it('calls truncated and garbled workbooks damaged', async () => {
    const damaged =
      /^“devices\.xlsx” could not be read as an Excel workbook: it may be damaged\. Open it in Excel and save it again, or save it as \.csv\. \(.+\)$/;
    await expect(read('devices.xlsx', corruptXlsx('truncated'))).rejects.toMatchObject(
      refused(damaged),
    );
    await expect(read('devices.xlsx', corruptXlsx('garbled'))).rejects.toMatchObject(
      refused(damaged),
    );
  });

  it.each([
    [
      'an OpenDocument spreadsheet (.ods)',
      [
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
        { name: 'content.xml', data: '<x/>' },
      ],
    ],
    ['an Apple Numbers file', [{ name: 'Index/Document.iwa', data: 'x' }]],
    [
      'a Word document (.docx)',
      [
        { name: '[Content_Types].xml', data: '<x/>' },
        { name: 'word/document.xml', data: '<x/>' },
      ],
    ],
    [
      'an Excel binary workbook (.xlsb)',
      [
        { name: '[Content_Types].xml', data: '<x/>' },
        { name: 'xl/workbook.bin', data: 'x' },
      ],
    ],
    ['a zip archive', [{ name: 'devices.csv', data: 'ICCID\n8901\n' }]],
  ])('names a zip that is %s and asks for .xlsx or .csv', async (what, parts) => {
    await expect(read('devices.xlsx', zipArchive(parts))).rejects.toMatchObject(
      refused(
        `“devices.xlsx” is ${what}, not an Excel workbook. Open it in the program that made it, save it as .xlsx or .csv, and import that.`,
      ),
    );
  });

  it('refuses an archive built in a way Excel never builds workbooks', async () => {
    const parts = [...zipParts(xlsxFile([{ name: 'Devices', rows: devices(3) }]))];
    const doubled = zipArchive([...parts, parts[0]!].map(([name, data]) => ({ name, data })));
    await expect(read('devices.xlsx', doubled)).rejects.toMatchObject(
      refused(
        /^“devices\.xlsx” is not packed the way Excel packs workbooks \(.+ appears twice\), so it was not opened\./,
      ),
    );
  });

  it('refuses an empty file', async () => {
    await expect(read('devices.csv', new Uint8Array())).rejects.toMatchObject(
      refused('“devices.csv” is empty (0 bytes). Check that you picked the right file.'),
    );
  });

  it('names a PDF sent instead of a spreadsheet', async () => {
    await expect(
      read('devices.xlsx', new TextEncoder().encode('%PDF-1.7\n')),
    ).rejects.toMatchObject(
      refused(
        '“devices.xlsx” is a PDF document, not a spreadsheet. Ask for the list as .xlsx or .csv and import that.',
      ),
    );
  });
});

describe('reading workbooks in a throwaway worker', () => {
  it('refuses a sheet with too many rows or columns, naming the sheet', async () => {
    const bytes = xlsxFile([
      { name: 'Notes', rows: [['a', 'b', 'c', 'd']] },
      { name: 'Devices', rows: devices(20) },
    ]);
    await expect(read('devices.xlsx', bytes, { maxRows: 10 })).rejects.toMatchObject(
      refused(
        'Sheet "Devices" in “devices.xlsx” has more than 10 rows. Split it into files of at most 10 rows and import each one.',
      ),
    );
    await expect(read('devices.xlsx', bytes, { maxColumns: 3 })).rejects.toMatchObject(
      refused(/^Row 1 of sheet "Notes" in “devices\.xlsx” has more than 3 columns\./),
    );
  });

  it('calls a workbook SheetJS cannot make sense of damaged, its reason in brackets at the end', async () => {
    const parts = [...zipParts(xlsxFile([{ name: 'Devices', rows: devices(3) }]))]
      .filter(([name]) => name !== 'xl/workbook.xml')
      .map(([name, data]) => ({ name, data }));
    await expect(read('devices.xlsx', zipArchive(parts))).rejects.toMatchObject(
      refused(
        '“devices.xlsx” could not be read as an Excel workbook: it may be damaged. Open it in Excel and save it again, or save it as .csv. (Cannot find file xl/workbook.xml in zip)',
      ),
    );
  });

  it('stops a read that takes too long or needs too much memory, and ends the worker', async () => {
    const workers = watchWorkers();
    const bytes = xlsxFile([{ name: 'Devices', rows: devices(2000) }]);
    await expect(read('slow.xlsx', bytes, { timeoutMs: 1 })).rejects.toMatchObject(
      refused(/^“slow\.xlsx” took too long to read \(over 1 second\) and was stopped\./),
    );
    await expect(read('heavy.xlsx', bytes, { workerHeapMb: 8 })).rejects.toMatchObject(
      refused(/^“heavy\.xlsx” took too much memory to read and was stopped\. Save it as \.csv/),
    );
    expect(workers).toHaveLength(2);
    expect(workers.every((worker) => worker.threadId === -1)).toBe(true);
  });

  it('ends the worker when the read is cancelled mid-workbook', async () => {
    const workers = watchWorkers();
    const controller = new AbortController();
    const reading = readSpreadsheet(
      { name: 'devices.xlsx', bytes: xlsxFile([{ name: 'Devices', rows: devices(2000) }]) },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.label === 'Opening the workbook') controller.abort();
        },
      },
    );
    await expect(reading).rejects.toMatchObject({
      code: 'cancelled',
      message: 'Reading “devices.xlsx” was cancelled.',
    });
    expect(workers).toHaveLength(1);
    // threadId turns -1 once a worker has exited.
    expect(workers[0]!.threadId).toBe(-1);
  });

  it("keeps a crafted file's prototype pollution inside the worker, and still reads its cells", async () => {
    const before = Object.getOwnPropertyNames(Object.prototype);
    const workbook = await read('crafted.xlsx', protoPollutionXlsx());
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).c).toBeUndefined();
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      '__proto__',
      'constructor',
      'prototype',
    ]);
    for (const sheet of workbook.sheets) {
      expect(sheet.rows).toEqual([
        ['__proto__', 'constructor', 'prototype', 'polluted'],
        ['{"polluted":"yes"}', 'toString', 'valueOf', 'hasOwnProperty'],
      ]);
      expect(Object.getPrototypeOf(sheet.rows[0])).toBe(Array.prototype);
    }
  });

  it('uses a crafted file that really pollutes SheetJS 0.18.5 when read bare', async () => {
    // Bare SheetJS with default options, in a worker of its own so this test process stays clean.
    const bare = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const before = Object.getOwnPropertyNames(Object.prototype);
       require('xlsx').read(Buffer.from(workerData));
       parentPort.postMessage(Object.getOwnPropertyNames(Object.prototype).filter((n) => !before.includes(n)));`,
      { eval: true, workerData: protoPollutionXlsx() },
    );
    const [added] = (await once(bare, 'message')) as [string[]];
    await bare.terminate();
    expect(added).toContain('c');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { iccids, initWorkspace, runCli, suspendArgs } from '../cli/cliProcess';
import { csvRows, workbookSheets } from './readBack';

// One workspace with one finished suspend; each test writes its own report file.
const tempDir = useTempDir('file');
let data: string;
let devices: string[];
let bulkId: string;
beforeAll(async () => {
  data = await initWorkspace(tempDir());
  devices = iccids(data, 'active', 3);
  const run = await runCli(suspendArgs(data, '--ids', devices.join(',')));
  bulkId = /"bulkChangeId":(\d+)/.exec(run.stdout)![1]!;
});

describe('carrier-ops report', () => {
  it('writes a bulk change report to the --out file in the format its extension names', async () => {
    const out = join(data, 'suspend.xlsx');
    const run = await runCli([
      'report',
      'bulk-change',
      bulkId,
      '--data',
      data,
      '--out',
      out,
      '--time-zone',
      'UTC',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote 3 rows to ${out}\n`);
    expect(run.stderr).toMatch(/Writing the report: 100% 3\/3/);
    const rows = workbookSheets(out).sheets.get('Devices')!;
    expect(rows.slice(1).map((row) => row[0])).toEqual(devices);
  });

  it('writes a bulk change report as a pdf, chosen by the file name', async () => {
    const out = join(data, 'bulk.pdf');
    const run = await runCli(['report', 'bulk-change', bulkId, '--data', data, '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes a compliance report narrowed by outcome', async () => {
    const out = join(data, 'compliance.csv');
    const today = new Date().toISOString().slice(0, 10);
    const run = await runCli([
      'report',
      'compliance',
      '--data',
      data,
      '--from',
      today,
      '--to',
      today,
      '--outcome',
      'SUCCEEDED',
      '--time-zone',
      'UTC',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const rows = csvRows(out);
    expect(rows).toContainEqual(['Outcome', 'SUCCEEDED']);
    expect(rows.at(-1)).toContain(devices[2]);
  });

  it('refuses, with exit 2 and what to type, an out file with no format, a bad day and an unknown report', async () => {
    const bad = [
      [
        ['report', 'bulk-change', bulkId, '--out', join(data, 'r.txt')],
        /must end in \.xlsx, \.csv or \.pdf/,
      ],
      [
        [
          'report',
          'compliance',
          '--from',
          '1 Nov',
          '--to',
          '2026-11-30',
          '--out',
          join(data, 'c.csv'),
        ],
        /--from: A day is written YYYY-MM-DD/,
      ],
      [
        ['report', 'weekly', '--out', join(data, 'w.csv')],
        /report takes bulk-change <id>, compliance or device/,
      ],
    ] as const;
    for (const [args, message] of bad) {
      const run = await runCli([...args, '--data', data]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});

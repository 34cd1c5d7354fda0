import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxFile } from '../../support/spreadsheets';
import { useTempDir } from '../../support/tempDir';
import {
  bulkChangeCount,
  iccids,
  initWorkspace,
  readWorkspace,
  runCli,
  statusesOf,
} from './cliProcess';

const tempDir = useTempDir();
const RUNS_A_CHANGE = 60_000;

/** A customer's workbook: a title row, odd headers, two good rows and one already suspended. */
function workbook(data: string) {
  const active = iccids(data, 'active', 2, 'jasper');
  const [suspended] = iccids(data, 'suspended', 1, 'jasper');
  const file = join(data, 'customer.xlsx');
  writeFileSync(
    file,
    xlsxFile([
      {
        name: 'SIMs',
        rows: [
          ['Please suspend'],
          ['Sim Number', 'Action'],
          [active[0]!, 'Suspend'],
          [active[1]!, 'suspend'],
          [suspended!, 'Suspend'],
        ],
      },
    ]),
  );
  return { file, active, suspended: suspended! };
}

describe('carrier-ops import', () => {
  it('--dry-run reads the workbook, names each bad row and writes nothing', async () => {
    const data = await initWorkspace(tempDir());
    const { file, suspended } = workbook(data);
    const run = await runCli([
      'import',
      file,
      '--data',
      data,
      '--type',
      'statusUpdate',
      '--dry-run',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Read customer.xlsx: 3 rows, header on row 2.');
    expect(run.stderr).toContain('Columns: ICCID ← "Sim Number", Target status ← "Action".');
    expect(run.stderr).toContain('2 ready, 0 with warnings, 1 with errors (of 3).');
    expect(run.stderr).toMatch(new RegExp(`row 5, Sim Number \\(${suspended}\\): .*is suspended`));
    expect(run.stderr).toContain('Dry run: nothing was written.');
    expect(bulkChangeCount(data)).toBe(0);
  });

  it('--draft keeps the checked rows for the console', async () => {
    const data = await initWorkspace(tempDir());
    const { file } = workbook(data);
    const run = await runCli([
      'import',
      file,
      '--data',
      data,
      '--type',
      'statusUpdate',
      '--draft',
      'Suspend for Acme',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Saved draft 1 "Suspend for Acme" with 3 rows/);
    expect(
      readWorkspace(data, (db) => db.prepare('SELECT count(*) FROM drafts').pluck().get()),
    ).toBe(1);
  });

  it(
    '--skip-errors submits the good rows and runs them to the end',
    async () => {
      const data = await initWorkspace(tempDir());
      const { file, active, suspended } = workbook(data);
      const refused = await runCli(['import', file, '--data', data, '--type', 'statusUpdate']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/1 row has errors, so nothing was submitted\. Row 5: /);
      const run = await runCli([
        'import',
        file,
        '--data',
        data,
        '--type',
        'statusUpdate',
        '--skip-errors',
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(
        'Queued bulk change 1 (2 devices; 1 rows with errors left out).',
      );
      expect(statusesOf(data, [...active, suspended])).toEqual([
        'suspended',
        'suspended',
        'suspended',
      ]);
    },
    RUNS_A_CHANGE,
  );
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { seedBigReport } from './bigReport';
import { csvRows, workbookSheets } from './readBack';

const tempDir = useTempDir('file');
const child = fileURLToPath(new URL('./exportChild.ts', import.meta.url));

// The ceiling: loading the core and tsx alone takes about 26 MB of heap, so 48 MB leaves the
// export ~22 MB. A writer that held the report (100k rows, 27 MB as CSV) would not fit.
const HEAP_CEILING_MB = 48;
const ROWS = 100_000;

function exportInChild(dataDir: string, bulkId: number, format: 'xlsx' | 'csv') {
  const out = join(dataDir, `big.${format}`);
  const line = execFileSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_CEILING_MB}`,
      '--import',
      'tsx',
      child,
      dataDir,
      String(bulkId),
      format,
      out,
    ],
    { encoding: 'utf8' },
  );
  return { out, result: JSON.parse(line.trim().split('\n').at(-1)!) as { rows: number } };
}

describe('a 100,000-row bulk change report', () => {
  it(`exports to xlsx and csv within a ${HEAP_CEILING_MB} MB heap, every row read back`, async () => {
    const dataDir = tempDir();
    const bulkId = await seedBigReport(dataDir, ROWS);

    const csv = exportInChild(dataDir, bulkId, 'csv');
    expect(csv.result.rows).toBe(ROWS);
    const lines = csvRows(csv.out);
    const header = lines.findIndex((row) => row[0] === 'ICCID');
    const table = lines.slice(header + 1);
    expect(table).toHaveLength(ROWS);
    expect(table[0]!.slice(0, 2)).toEqual(['89010000000000000001', '350000000000001']);
    expect(table.at(-1)!.slice(0, 2)).toEqual(['89010000000000100000', '350000000100000']);

    const xlsx = exportInChild(dataDir, bulkId, 'xlsx');
    expect(xlsx.result.rows).toBe(ROWS);
    const devices = workbookSheets(xlsx.out).sheets.get('Devices')!;
    expect(devices.slice(1)).toEqual(table);
  }, 120_000);
});

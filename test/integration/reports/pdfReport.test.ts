import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createWriteStream, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePdfReport, type PdfReport } from '../../../main/core/reports/pdf/writePdfReport';
import { useTempDir } from '../../support/tempDir';
import { pdfPages } from './pdfText';

const tempDir = useTempDir();

const columns: PdfReport['columns'] = [
  { header: 'ICCID', width: 150 },
  { header: 'Carrier', width: { share: 1 } },
  { header: 'Status', width: { share: 1 } },
  { header: 'Note', width: { share: 3 } },
  { header: 'Data MB', width: 70, align: 'right' },
];

function* deviceRows(count: number): Generator<string[]> {
  for (let i = 1; i <= count; i += 1) {
    const iccid = `8901260${String(i).padStart(12, '0')}`;
    yield [iccid, 'ThingSpace', 'active', `row ${i}`, String(i * 3)];
  }
}

async function render(doc: PdfReport): Promise<{ file: string; pages: number; bytes: number }> {
  const file = join(tempDir(), 'report.pdf');
  const out = createWriteStream(file);
  const result = await writePdfReport(out, doc);
  out.end();
  await finished(out);
  return { file, ...result };
}

const base: PdfReport = {
  title: 'Bulk change 42: suspend devices',
  subtitle: 'Exported 22 Nov 2026 by desk.user',
  filters: [
    ['Carrier', 'ThingSpace'],
    ['Status', 'active'],
  ],
  summary: [
    ['Devices', '95'],
    ['Succeeded', '93'],
  ],
  columns,
  rows: deviceRows(95),
};

describe('a report PDF read back by pdftotext', () => {
  it('shows title, filters and summary on page 1 and every row once, under a header on every page', async () => {
    const { file, pages, bytes } = await render(base);
    expect(readFileSync(file).length).toBe(bytes);
    const text = pdfPages(file);
    expect(text).toHaveLength(pages);
    expect(pages).toBeGreaterThan(2);
    expect(text[0]).toContain('Bulk change 42: suspend devices');
    expect(text[0]).toContain('Exported 22 Nov 2026 by desk.user');
    expect(text[0]).toMatch(/Carrier:\s+ThingSpace/);
    expect(text[0]).toMatch(/Succeeded:\s+93/);
    text.forEach((page, i) => {
      expect(page).toMatch(/ICCID\s+Carrier\s+Status\s+Note\s+Data MB/);
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages}\\b`));
    });
    const all = text.join('\n');
    for (const [iccid, , , note, mb] of deviceRows(95)) {
      expect(all).toMatch(new RegExp(`${iccid}\\s+ThingSpace\\s+active\\s+${note}\\s+${mb}\\n`));
    }
  });

  it('reads rows from an async source, as a database cursor would give them', async () => {
    async function* slow(): AsyncGenerator<string[]> {
      for (const row of deviceRows(40)) {
        await new Promise((resolve) => setImmediate(resolve));
        yield row;
      }
    }
    const { file } = await render({ ...base, rows: slow() });
    expect(pdfPages(file).join('\n')).toContain('8901260000000000040');
  });

  it('wraps a cell too long for its column onto more lines instead of spilling into the next', async () => {
    const long =
      'customer asked to suspend because the devices were stolen from a truck in transit';
    const { file } = await render({
      ...base,
      rows: [['8901260000000000001', 'Jasper', long, 'x', '1']],
    });
    const lines = pdfPages(file)[0]!.split('\n');
    const at = lines.findIndex((l) => l.includes('8901260000000000001'));
    expect(lines[at]).toMatch(/Jasper\s+customer asked\S*( \S+)*\s{2,}x\s+1$/);
    expect(lines[at + 1]).toMatch(/^\s{20,}\S+( \S+)*$/);
    expect(lines.slice(at, at + 4).join('\n')).toContain('transit');
    expect(lines.join('\n')).not.toContain('…');
  });

  it('keeps accented names and swaps characters Helvetica lacks for plain ones', async () => {
    const rows = [['1', 'Zoë Ångström – “quoted” €5', 'Łódź Wrocław 東京', 'ő', '2']];
    const { file } = await render({
      ...base,
      columns: columns.map((c) => ({ ...c, width: { share: 1 } })),
      rows,
    });
    const page = pdfPages(file)[0]!;
    expect(page).toContain('Zoë Ångström – “quoted” €5');
    expect(page).toContain('Lódz Wroclaw ??');
    expect(page).toMatch(/\so\s/);
  });

  it('still prints its header and says so when no rows match', async () => {
    const { file, pages } = await render({ ...base, rows: [] });
    expect(pages).toBe(1);
    const page = pdfPages(file)[0]!;
    expect(page).toContain('No rows match these filters.');
    expect(page).toMatch(/Page 1 of 1\b/);
  });

  it('streams 100,000 rows within a 32 MB heap and reads back whole, first page to last', () => {
    const file = join(tempDir(), 'large.pdf');
    const bench = fileURLToPath(new URL('../../bench/reportsPdf.ts', import.meta.url));
    const output = execFileSync(
      process.execPath,
      [
        '--max-old-space-size=32',
        '--import',
        'tsx',
        bench,
        '--rows',
        '100000',
        '--rounds',
        '1',
        '--out',
        file,
      ],
      { encoding: 'utf8' },
    );
    const { pages } = JSON.parse(output.trim().split('\n').at(-1)!) as { pages: number };
    expect(pages).toBeGreaterThan(2000);
    const [first] = pdfPages(file, ['-f', '1', '-l', '1']);
    const [lastPage] = pdfPages(file, ['-f', String(pages), '-l', String(pages)]);
    expect(first).toMatch(/8901260000000000001\s+350000000000001\s+Jasper/);
    expect(lastPage).toMatch(/8901260000000100000\s+350000000100000\s+ThingSpace/);
    expect(lastPage).toMatch(/ICCID\s+IMEI\s+Carrier/);
    expect(lastPage).toContain(`Page ${pages} of ${pages}`);
  }, 60_000);
});

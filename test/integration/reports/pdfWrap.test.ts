import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { writePdfReport, type PdfReport } from '../../../main/core/reports/pdf/writePdfReport';
import { useTempDir } from '../../support/tempDir';
import { pdfPages } from './pdfText';

const tempDir = useTempDir();

const iccid = (i: number) => `8901170${String(i).padStart(13, '0')}`;
const base: PdfReport = {
  title: 'Reconciliation of bulk change 12',
  filters: [],
  summary: [['Devices', '3']],
  columns: [
    { header: 'ICCID', width: 112 },
    { header: 'Verdict', width: 60 },
    { header: 'Differences', width: { share: 2 } },
    { header: 'Lookup error', width: { share: 1 } },
  ],
  rows: [],
};

/** Each page's lines as `pdftotext -layout` lays them out; any complaint fails. */
async function pagesOf(doc: PdfReport): Promise<string[][]> {
  const file = join(tempDir(), 'report.pdf');
  const out = createWriteStream(file);
  await writePdfReport(out, doc);
  out.end();
  await finished(out);
  return pdfPages(file).map((page) => page.split('\n'));
}

/** The lines of the row that starts with `id`: its first line and the indented ones under it. */
function rowLines(lines: string[], id: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(id));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && !/^\s+\S/.test(line));
  return lines.slice(start, end);
}

describe('long cells in a report PDF', () => {
  it('wraps a long difference onto more lines within its column, every word kept and none cut', async () => {
    const differences =
      'Status: ours suspended, carrier active (ACTIVATED); Outcome: we recorded the suspend as ' +
      'done; the carrier shows the device active (ACTIVATED) on plan IOT_500MB; Carrier plan: ' +
      'ours IOT_1GB, carrier IOT_500MB';
    const rows = [
      [iccid(1), 'Differs', differences, 'none'],
      [iccid(2), 'Matches', '', ''],
    ];
    const [page] = await pagesOf({ ...base, rows });
    const [first, ...under] = rowLines(page!, iccid(1));
    expect(first!.split(/\s{2,}/)).toEqual([
      iccid(1),
      'Differs',
      expect.stringMatching(/^Status: ours suspended/),
      'none',
    ]);
    expect(under.length).toBeGreaterThan(0);
    const wrapped = [first!.split(/\s{2,}/)[2], ...under.map((line) => line.trim())].join(' ');
    expect(wrapped).toBe(differences);
    expect(page!.join('\n')).not.toContain('…');
    expect(page!.find((line) => line.startsWith(iccid(2)))).toMatch(/\s+Matches$/);
  });

  it('ends a cell past eight lines with "…" and goes on with the next row', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `reason${i}`);
    const rows = [
      [iccid(1), 'Not checked', '', words.join(' ')],
      [iccid(2), 'Matches', '', ''],
    ];
    const [page] = await pagesOf({ ...base, rows });
    const lines = rowLines(page!, iccid(1));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/Not checked\s+reason0 reason1/);
    expect(lines[7]).toMatch(/ reason\d+ \S*…$/);
    expect(page!.join('\n')).not.toContain('reason299');
    expect(page!.find((line) => line.startsWith(iccid(2)))).toMatch(/\s+Matches$/);
  });

  it('breaks a word wider than its column rather than cutting it', async () => {
    const token = 'ICCID-89011703278100000006-IMEI-350000000100000-EID-89049032000001000000';
    const [page] = await pagesOf({
      ...base,
      rows: [[iccid(1), 'Differs', 'short', token]],
    });
    const lines = rowLines(page!, iccid(1));
    expect(lines.length).toBeGreaterThan(1);
    expect(
      [lines[0]!.split(/\s{2,}/).at(-1), ...lines.slice(1).map((l) => l.trim())].join(''),
    ).toBe(token);
  });

  it('never splits a row across pages, and repeats the header above the rows of every page', async () => {
    const count = 240;
    const text = (i: number) =>
      `Row ${i}: ${'the carrier said the device was busy and asked us to retry later '.repeat(i % 5)}end of ${i}`;
    const rows = Array.from({ length: count }, (_, k) => [
      iccid(k + 1),
      'Differs',
      text(k + 1),
      '',
    ]);
    const pages = await pagesOf({ ...base, rows });
    expect(pages.length).toBeGreaterThan(3);
    const seen: number[] = [];
    pages.forEach((lines, p) => {
      const header = lines.findIndex((line) =>
        /^ICCID\s+Verdict\s+Differences\s+Lookup error$/.test(line),
      );
      expect(header).toBeGreaterThanOrEqual(0);
      // The first line under the header starts a row: no row carries on from the page before.
      expect(lines[header + 1]).toMatch(/^8901170\d{13}\s+Differs\s+Row \d+:/);
      for (const line of lines) {
        const i = Number(line.match(/^8901170(\d{13})/)?.[1] ?? 0);
        if (i === 0) continue;
        seen.push(i);
        const row = rowLines(lines, iccid(i))
          .map((l) => l.trim())
          .join(' ');
        expect(row, `row ${i} on page ${p + 1}`).toMatch(new RegExp(`Row ${i}: .*end of ${i}$`));
      }
    });
    expect(seen).toEqual(Array.from({ length: count }, (_, k) => k + 1));
  });
});

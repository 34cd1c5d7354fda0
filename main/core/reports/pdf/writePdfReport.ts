import type { Writable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { fitText, textWidth, toWinAnsi, type FontName } from './helvetica';
import { PdfFile, pdfString, pdfTextString } from './pdfFile';
import { wrapText } from './wrapText';

/** A table column: `width` in points, or `{ share }` of the width the fixed columns leave. */
export interface PdfColumn {
  header: string;
  width: number | { share: number };
  align?: 'left' | 'right';
}

/** What a report PDF shows: title, filters and summary on page 1, then the table. */
export interface PdfReport {
  title: string;
  subtitle?: string;
  filters: [label: string, value: string][];
  summary: [label: string, value: string][];
  columns: PdfColumn[];
  rows: AsyncIterable<string[]> | Iterable<string[]>;
}

// A4 landscape, in points.
const PAGE_W = 842;
const PAGE_H = 595;
const MARGIN = 36;
const FOOTER_Y = 20;
const BODY_BOTTOM = 40;
const CELL_SIZE = 8;
const ROW_H = 13;
// Each wrapped line adds this much to a row; a cell stops at MAX_LINES so a row always fits a page.
const LINE_H = 10;
const MAX_LINES = 8;
const HEADER_H = 16;
const PAD = 3;
// Digits are all 556 units wide in Helvetica: "Page N of " starts here so "M" ends near the margin.
const PAGE_NO_X = PAGE_W - MARGIN - 100;

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function text(font: FontName, size: number, x: number, y: number, encoded: string): string {
  return `BT /${font} ${size} Tf ${n(x)} ${n(y)} Td ${pdfString(encoded)} Tj ET\n`;
}

function columnWidths(columns: PdfColumn[]): number[] {
  const available = PAGE_W - 2 * MARGIN;
  const fixed = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
  const shares = columns.reduce(
    (sum, c) => sum + (typeof c.width === 'number' ? 0 : c.width.share),
    0,
  );
  const perShare = shares > 0 ? Math.max(0, available - fixed) / shares : 0;
  // Fixed widths wider than the page shrink together rather than run off its edge.
  const scale = fixed > available ? available / fixed : 1;
  return columns.map((c) =>
    typeof c.width === 'number' ? c.width * scale : c.width.share * perShare,
  );
}

/**
 * Writes a report as a PDF to `out`, one page at a time as rows arrive, so a report of any
 * length needs only one page of rows in memory. Resolves once everything is handed to `out`
 * (the caller ends it). "Page N of M" draws M from a form XObject written after the last page.
 */
export async function writePdfReport(
  out: Writable,
  doc: PdfReport,
): Promise<{ pages: number; bytes: number }> {
  const file = new PdfFile(out);
  await file.start();
  const [catalogId, pagesId, regularId, boldId, totalId, infoId] = Array.from({ length: 6 }, () =>
    file.reserve(),
  ) as [number, number, number, number, number, number];
  const font = (base: string) =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${base} /Encoding /WinAnsiEncoding >>`;
  await file.object(regularId, font('Helvetica'));
  await file.object(boldId, font('Helvetica-Bold'));
  const resources = `<< /Font << /F1 ${regularId} 0 R /F2 ${boldId} 0 R >> /XObject << /Total ${totalId} 0 R >> >>`;

  const widths = columnWidths(doc.columns);
  const headers = doc.columns.map((c, i) =>
    fitText(toWinAnsi(c.header), 'F2', CELL_SIZE, (widths[i] ?? 0) - 2 * PAD),
  );
  const kids: number[] = [];
  let content: string[] = [];
  let y = PAGE_H - MARGIN;
  let rowOnPage = 0;

  const endPage = async () => {
    const pageNo = kids.length + 1;
    const label = toWinAnsi(`Page ${pageNo} of `);
    content.push(text('F1', CELL_SIZE, PAGE_NO_X, FOOTER_Y, label));
    const totalX = PAGE_NO_X + textWidth(label, 'F1', CELL_SIZE);
    content.push(`q 1 0 0 1 ${n(totalX)} ${FOOTER_Y} cm /Total Do Q\n`);
    content.push(
      text('F1', CELL_SIZE, MARGIN, FOOTER_Y, fitText(toWinAnsi(doc.title), 'F1', CELL_SIZE, 400)),
    );
    const contentId = file.reserve();
    const pageId = file.reserve();
    await file.stream(
      contentId,
      '/Filter /FlateDecode',
      deflateSync(Buffer.from(content.join(''), 'latin1')),
    );
    await file.object(
      pageId,
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources ${resources} /Contents ${contentId} 0 R >>`,
    );
    kids.push(pageId);
    content = [];
    y = PAGE_H - MARGIN;
    rowOnPage = 0;
  };

  const tableHeader = () => {
    const top = y;
    content.push(
      `0.85 g ${n(MARGIN)} ${n(top - HEADER_H)} ${n(PAGE_W - 2 * MARGIN)} ${HEADER_H} re f 0 g\n`,
    );
    let x = MARGIN;
    doc.columns.forEach((column, i) => {
      const width = widths[i] ?? 0;
      const label = headers[i] ?? '';
      content.push(text('F2', CELL_SIZE, cellX(column, x, width, label, 'F2'), top - 11, label));
      x += width;
    });
    y = top - HEADER_H;
  };

  const cellX = (column: PdfColumn, x: number, width: number, encoded: string, f: FontName) =>
    column.align === 'right' ? x + width - PAD - textWidth(encoded, f, CELL_SIZE) : x + PAD;

  const line = async (font: FontName, size: number, label: string, value = '') => {
    const height = size * 1.4;
    if (y - height < BODY_BOTTOM) await endPage();
    y -= height;
    const encodedLabel = fitText(toWinAnsi(label), font, size, PAGE_W - 2 * MARGIN);
    content.push(text(font, size, MARGIN, y, encodedLabel));
    if (value === '') return;
    const x = MARGIN + textWidth(encodedLabel, font, size) + 4;
    content.push(
      text('F1', size, x, y, fitText(toWinAnsi(value), 'F1', size, PAGE_W - MARGIN - x)),
    );
  };

  await line('F2', 16, doc.title);
  if (doc.subtitle) await line('F1', 10, doc.subtitle);
  y -= 6;
  if (doc.filters.length > 0) {
    await line('F2', 10, 'Filters');
    for (const [label, value] of doc.filters) await line('F2', 9, `${label}:`, value);
    y -= 6;
  }
  if (doc.summary.length > 0) {
    await line('F2', 10, 'Summary');
    for (const [label, value] of doc.summary) await line('F2', 9, `${label}:`, value);
    y -= 6;
  }
  // The header waits for the first row, so a page never ends on a header with no row under it.
  let headerDrawn = false;
  let rowCount = 0;
  for await (const row of doc.rows) {
    const cells = doc.columns.map((_, i) =>
      wrapText(toWinAnsi(row[i] ?? ''), 'F1', CELL_SIZE, (widths[i] ?? 0) - 2 * PAD, MAX_LINES),
    );
    const lines = Math.max(1, ...cells.map((c) => c.length));
    const rowH = ROW_H + (lines - 1) * LINE_H;
    if (y - (headerDrawn ? 0 : HEADER_H) - rowH < BODY_BOTTOM) {
      await endPage();
      headerDrawn = false;
    }
    if (!headerDrawn) {
      tableHeader();
      headerDrawn = true;
    }
    if (rowOnPage % 2 === 1) {
      content.push(
        `0.95 g ${n(MARGIN)} ${n(y - rowH)} ${n(PAGE_W - 2 * MARGIN)} ${n(rowH)} re f 0 g\n`,
      );
    }
    let x = MARGIN;
    doc.columns.forEach((column, i) => {
      const width = widths[i] ?? 0;
      (cells[i] ?? []).forEach((cell, l) => {
        if (cell === '') return;
        const baseline = y - 9.5 - l * LINE_H;
        content.push(text('F1', CELL_SIZE, cellX(column, x, width, cell, 'F1'), baseline, cell));
      });
      x += width;
    });
    y -= rowH;
    rowOnPage += 1;
    rowCount += 1;
  }
  if (rowCount === 0) {
    if (y - HEADER_H - ROW_H < BODY_BOTTOM) await endPage();
    tableHeader();
    await line('F1', 9, 'No rows match these filters.');
  }
  await endPage();

  const total = toWinAnsi(String(kids.length));
  const totalDrawing = text('F1', CELL_SIZE, 0, 0, total);
  await file.stream(
    totalId,
    `/Type /XObject /Subtype /Form /BBox [0 -4 200 12] /Resources << /Font << /F1 ${regularId} 0 R >> >>`,
    Buffer.from(totalDrawing, 'latin1'),
  );
  await file.object(
    pagesId,
    `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] >>`,
  );
  await file.object(catalogId, `<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  await file.object(
    infoId,
    `<< /Title ${pdfTextString(doc.title)} /Producer ${pdfTextString('Carrier Ops Console')} >>`,
  );
  await file.finish(catalogId, infoId);
  return { pages: kids.length, bytes: file.bytes };
}

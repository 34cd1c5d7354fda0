import type { FileHandle } from 'node:fs/promises';
import { constants } from 'node:zlib';
import { safeCell } from '../bulkView/sheetFile';
import type { SheetReport } from './sheetReport';
import { streamInto } from './outputFile';
import { ZipWriter } from './zipWriter';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot hold at all: dropped before safeCell looks at a cell's start, or
// "\x01=1+1" would pass as text and then read back as =1+1.
// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const writable = (text: string) => text.replace(UNWRITABLE, '');
// Markup, and CR, which a reader would turn into LF unless escaped.
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** A column's letters: 0 → A, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// 1980-01-01, zip's earliest date: a fixed stamp keeps the same report byte-identical.
const FIXED_DATE = new Date(1980, 0, 1);
const TEXT = 1;
const HEADER = 2;

/** One row as XML: inline text cells (no shared-strings table to hold in memory), formula-safe. */
function rowXml(index: number, cells: string[], style: number): string {
  let xml = `<row r="${index}">`;
  cells.forEach((cell, c) => {
    if (cell === '') return;
    xml += `<c r="${columnName(c)}${index}" t="inlineStr" s="${style}"><is><t xml:space="preserve">${escapeXml(safeCell(writable(cell)))}</t></is></c>`;
  });
  return `${xml}</row>`;
}

function sheetHead(widths: number[]): string {
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return `${XML}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>`;
}

const SHEET_TAIL = '</sheetData></worksheet>';

// Cell styles: 0 default, 1 text format "@" (identifiers keep every digit when edited), 2 bold text.
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs></styleSheet>`;

function packageParts(sheetNames: string[]): [string, string][] {
  const sheets = sheetNames.map((name, i) => ({ name: escapeXml(writable(name)), n: i + 1 }));
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map(({ n }) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map(({ name, n }) => `<sheet name="${name}" sheetId="${n}" r:id="rId${n}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG_REL}">${sheets.map(({ n }) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

/**
 * Writes a report as a workbook: a Summary sheet, then the rows sheet streamed a page at a
 * time into a deflated zip entry, so memory stays flat however many rows there are.
 */
export async function writeXlsx(
  file: FileHandle,
  report: SheetReport,
  onRows: (written: number) => void,
): Promise<number> {
  return streamInto(file, (out) =>
    writeParts(new ZipWriter(out, FIXED_DATE, constants.Z_BEST_SPEED), report, onRows),
  );
}

async function writeParts(
  zip: ZipWriter,
  report: SheetReport,
  onRows: (written: number) => void,
): Promise<number> {
  for (const [name, text] of packageParts(['Summary', report.sheetName])) await zip.add(name, text);
  const summary = [
    rowXml(1, ['Report', report.title], HEADER),
    ...report.summary.map((line, i) => rowXml(i + 2, [line.label, line.value], TEXT)),
  ];
  await zip.add(
    'xl/worksheets/sheet1.xml',
    [sheetHead([32, 100]), ...summary, SHEET_TAIL].join(''),
  );
  let written = 0;
  async function* rows() {
    yield sheetHead(report.columns.map((c) => c.width));
    yield rowXml(
      1,
      report.columns.map((c) => c.label),
      HEADER,
    );
    for await (const page of report.pages()) {
      yield page.map((cells, i) => rowXml(written + i + 2, cells, TEXT)).join('');
      written += page.length;
      onRows(written);
    }
    yield SHEET_TAIL;
  }
  await zip.add('xl/worksheets/sheet2.xml', rows());
  await zip.finish();
  return written;
}

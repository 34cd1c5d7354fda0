/**
 * Spreadsheet files built in tests: real xlsx/xls written by SheetJS (writing is untouched by its
 * read advisories), CSV in every encoding customers send, and hostile files (zip bombs,
 * encrypted workbooks, truncated or crafted ones). Nothing is checked in.
 */
import XLSX from 'xlsx';
import { editZip, zipArchive, zipParts } from './zipFiles';
export { editZip, zipArchive, zipParts, type ZipPart } from './zipFiles';
import type { Cell } from '../../main/core/import/read';

/** A cell as a test writes it: a plain value, or one of the ways Excel stores things. */
export type SheetCell =
  | Cell
  /** A number with a number format, e.g. an ICCID Excel turned into 8.90126E+18. */
  | { number: number; format?: string }
  /** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS]', stored as Excel does: a serial with a date format. */
  | { date: string; format?: string }
  /** A formula with the value Excel cached when it last calculated (none: never calculated). */
  | { formula: string; cached?: string | number | boolean }
  | { error: keyof typeof errorCodes };

export interface SheetSpec {
  name: string;
  rows: SheetCell[][];
  /** Top-left cell of `rows`, e.g. 'B3' for a table that doesn't start in A1. */
  origin?: string;
  /** Merged ranges, e.g. ['A1:E1'] for a title row. */
  merges?: string[];
  hidden?: boolean;
}

/**
 * Builders return plain Uint8Arrays of their own: a Buffer's slice() is a view, and a test that
 * edits a "copy" would edit the original.
 */
const plain = (bytes: Uint8Array) => new Uint8Array(bytes);

const errorCodes = {
  '#NULL!': 0,
  '#DIV/0!': 7,
  '#VALUE!': 15,
  '#REF!': 23,
  '#NAME?': 29,
  '#NUM!': 36,
  '#N/A': 42,
};
const MS_PER_DAY = 86_400_000;

/** The Excel serial of a wall-clock date (UTC arithmetic, so no time zone is involved). */
export function excelSerial(date: string, date1904 = false): number {
  const [y, mo, d, h = 0, mi = 0, s = 0] = date.split(/[-T:]/).map(Number) as number[];
  const serial = (Date.UTC(y!, mo! - 1, d!, h, mi, s) - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
  return date1904 ? serial - 1462 : serial;
}

function sheetJsCell(cell: SheetCell, date1904: boolean): XLSX.CellObject | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  if (typeof cell === 'boolean') return { t: 'b', v: cell };
  if ('number' in cell) return { t: 'n', v: cell.number, z: cell.format ?? 'General' };
  if ('date' in cell)
    return {
      t: 'n',
      v: excelSerial(cell.date, date1904),
      z: cell.format ?? (cell.date.includes('T') ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd'),
    };
  if ('error' in cell) return { t: 'e', v: errorCodes[cell.error] };
  const cached = cell.cached;
  const t = typeof cached === 'string' ? 's' : typeof cached === 'boolean' ? 'b' : 'n';
  return cached === undefined ? { t: 'n', f: cell.formula } : { t, v: cached, f: cell.formula };
}

function workbook(sheets: SheetSpec[], date1904: boolean): XLSX.WorkBook {
  // A null-prototype map, so sheets may be called "__proto__" like any other name.
  const bySheet = Object.create(null) as Record<string, XLSX.WorkSheet>;
  for (const spec of sheets) {
    const origin = XLSX.utils.decode_cell(spec.origin ?? 'A1');
    const ws: XLSX.WorkSheet = {};
    let last = { r: origin.r, c: origin.c };
    spec.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheetJsCell(value, date1904);
        if (!cell) return;
        const at = { r: origin.r + r, c: origin.c + c };
        ws[XLSX.utils.encode_cell(at)] = cell;
        last = { r: Math.max(last.r, at.r), c: Math.max(last.c, at.c) };
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: origin, e: last });
    if (spec.merges) ws['!merges'] = spec.merges.map((range) => XLSX.utils.decode_range(range));
    bySheet[spec.name] = ws;
  }
  return {
    SheetNames: sheets.map((spec) => spec.name),
    Sheets: bySheet,
    Workbook: {
      Sheets: sheets.map((spec) => ({ name: spec.name, Hidden: spec.hidden ? 1 : 0 })),
      WBProps: { date1904 },
    },
  };
}

/** An .xlsx as Excel writes it: shared strings, compressed parts. */
export function xlsxFile(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Uint8Array {
  const book = workbook(sheets, options.date1904 ?? false);
  return plain(
    XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }),
  );
}

/** An Excel 97-2003 .xls (BIFF8 in a compound file). */
export function xlsFile(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Uint8Array {
  return plain(
    XLSX.write(workbook(sheets, options.date1904 ?? false), { type: 'buffer', bookType: 'biff8' }),
  );
}

export type CsvEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'windows1252';

const windows1252 = new Map<string, number>();
for (let byte = 0x80; byte <= 0x9f; byte++)
  windows1252.set(new TextDecoder('windows-1252').decode(Uint8Array.of(byte)), byte);

const byteOrderMarks: Record<CsvEncoding, number[]> = {
  utf8: [],
  utf8bom: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  windows1252: [],
};

/** CSV text as bytes; UTF-16 gets a byte-order mark unless `bom: false`. */
export function csvFile(
  text: string,
  options: { encoding?: CsvEncoding; bom?: boolean } = {},
): Uint8Array {
  const encoding = options.encoding ?? 'utf8';
  if (encoding === 'windows1252')
    return Uint8Array.from(text, (char) => windows1252.get(char) ?? char.charCodeAt(0));
  const body = Buffer.from(text, encoding.startsWith('utf16') ? 'utf16le' : 'utf8');
  if (encoding === 'utf16be') body.swap16();
  const mark = options.bom === false ? [] : byteOrderMarks[encoding];
  return plain(Buffer.concat([Uint8Array.from(mark), body]));
}

const zipText = (zip: Uint8Array, name: string) =>
  new TextDecoder().decode(zipParts(zip).get(name));

const bombRows = (rows: number) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c t="inlineStr"><is><t>0</t></is></c></row>'.repeat(rows)}</sheetData></worksheet>`;

/**
 * An xlsx-shaped zip bomb. 'ratio': its sheet inflates about 1,000:1, sizes declared honestly.
 * 'lying': the same, but its headers claim the sheet is small. 'total': parts declaring more than
 * 600 MB between them.
 */
export function zipBomb(shape: 'ratio' | 'lying' | 'total' = 'ratio'): Uint8Array {
  const base = xlsxFile([{ name: 'Devices', rows: [['ICCID']] }]);
  const sheet = 'xl/worksheets/sheet1.xml';
  if (shape === 'total') {
    const parts = [...zipParts(base)].map(([name, data]) => ({ name, data }));
    const padding = (i: number) => ({
      name: `xl/media/image${i}.png`,
      data: 'x',
      declaredSize: 200 * 1024 * 1024,
    });
    return zipArchive([...parts, padding(1), padding(2), padding(3), padding(4)]);
  }
  const parts = [...zipParts(base)].map(([name, data]) =>
    name === sheet
      ? { name, data: bombRows(100_000), declaredSize: shape === 'lying' ? 50_000 : undefined }
      : { name, data },
  );
  return zipArchive(parts);
}

type CfbContainer = { FileIndex: { name: string; content: Uint8Array }[] };
const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: 'buffer' }): CfbContainer;
  write(cfb: CfbContainer, options: { type: 'buffer'; fileType: 'cfb' }): Uint8Array;
  utils: {
    cfb_new(): CfbContainer;
    cfb_add(cfb: CfbContainer, name: string, content: Uint8Array): void;
  };
};

/** An xlsx after Excel's "Encrypt with Password": a compound file holding the encrypted package. */
export function encryptedXlsx(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Uint8Array.of(4, 0, 4, 0, 0x40, 0, 0, 0));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(0xa5));
  return plain(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }));
}

/** An .xls with a FILEPASS record after its first BOF: how Excel 97-2003 marks a password. */
export function encryptedXls(): Uint8Array {
  const cfb = CFB.read(xlsFile([{ name: 'Devices', rows: [['ICCID'], ['8901260000000000001']] }]), {
    type: 'buffer',
  });
  const stream = cfb.FileIndex.find((entry) => entry.name === 'Workbook')!;
  const bofLength = 4 + (stream.content[2]! | (stream.content[3]! << 8));
  // FILEPASS (0x002F), 6 bytes: XOR obfuscation, key, verifier.
  const filePass = Uint8Array.of(0x2f, 0, 6, 0, 0, 0, 0x34, 0x12, 0x78, 0x56);
  const content = Buffer.concat([
    stream.content.subarray(0, bofLength),
    filePass,
    stream.content.subarray(bofLength),
  ]);
  stream.content = content;
  Object.assign(stream, { size: content.byteLength });
  return plain(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }));
}

/** A damaged xlsx: cut short (as by a failed download), or with its sheet's data garbled. */
export function corruptXlsx(kind: 'truncated' | 'garbled' = 'truncated'): Uint8Array {
  const rows = [
    ['ICCID'],
    ...Array.from({ length: 200 }, (_, i) => [`8901260000000${100000 + i}`]),
  ];
  const good = xlsxFile([{ name: 'Devices', rows }]);
  if (kind === 'truncated') return good.slice(0, Math.floor(good.byteLength * 0.7));
  // Rewritten by zipArchive, whose local headers have no extra field: data follows the name.
  const bytes = zipArchive([...zipParts(good)].map(([name, data]) => ({ name, data })));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = Buffer.from(bytes).indexOf(name) + name.byteLength;
  return bytes.fill(0xff, data + 4, data + 20);
}

/**
 * A workbook crafted after CVE-2023-30533: `__proto__`, `constructor` and `prototype` as sheet
 * names, shared strings, header cells, document and custom properties, and a comment anchored at
 * cell "__proto__", which makes SheetJS 0.18.5 (reading with default options) write to
 * Object.prototype.
 */
export function protoPollutionXlsx(): Uint8Array {
  const names = ['__proto__', 'constructor', 'prototype'];
  const rows: SheetCell[][] = [
    [...names, 'polluted'],
    ['{"polluted":"yes"}', 'toString', 'valueOf', 'hasOwnProperty'],
  ];
  const base = xlsxFile(names.map((name) => ({ name, rows })));
  const types = zipText(base, '[Content_Types].xml').replace(
    '</Types>',
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
  );
  const rels = zipText(base, '_rels/.rels').replace(
    '</Relationships>',
    '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
  );
  const property = (name: string, pid: number) =>
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}"><vt:lpwstr>polluted</vt:lpwstr></property>`;
  return editZip(base, {
    '[Content_Types].xml': types,
    '_rels/.rels': rels,
    'docProps/custom.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${names.map((name, i) => property(name, i + 2)).join('')}</Properties>`,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>__proto__</dc:title><dc:creator>constructor</dc:creator></cp:coreProperties>`,
    'xl/comments1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>__proto__</author></authors><commentList><comment ref="__proto__" authorId="0"><text><t>polluted</t></text></comment></commentList></comments>`,
    'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`,
  });
}

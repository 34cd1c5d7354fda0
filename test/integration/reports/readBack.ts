import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

/** A CSV file as rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function csvRows(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  // Our exports end every record with CRLF: anything left over is a malformed file, not a row to drop.
  if (quoted || field !== '' || row.length > 0)
    throw new Error(`${path}: the last record is not closed by CRLF (or a quote is left open)`);
  return rows;
}

/** Every sheet of a workbook file as rows of raw cell text, and whether any cell holds a formula. */
export function workbookSheets(path: string) {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', cellFormula: true });
  const sheets = new Map<string, string[][]>();
  let formulas = 0;
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name]!;
    for (const key of Object.keys(sheet))
      if (!key.startsWith('!') && (sheet[key] as XLSX.CellObject).f !== undefined) formulas++;
    sheets.set(
      name,
      XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true, defval: '' }),
    );
  }
  return { names: book.SheetNames, sheets, formulas };
}

import type { Db } from '../store/open';
import { detectMapping, headerScore, looksLikeData } from './fields';
import { rememberedMapping } from './layouts';
import type { Session, Sessions } from './session';
import { findHeaderRow, sampleRows, toTable, type Table } from './table';
import type { Workbook } from './read';
import { CoreError } from '../errors';

/** Header row, table, mapping and notes for one sheet of a workbook. */
export function readSheet(
  db: Db,
  workbook: Workbook,
  sheetName: string,
  headerRow?: number,
): Pick<Session, 'sheet' | 'table' | 'mapping' | 'mappingSource' | 'notes'> {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet)
    throw new CoreError(
      'not_found',
      `The file has no sheet "${sheetName}". Its sheets: ${workbook.sheets.map((s) => s.name).join(', ')}.`,
    );
  const row = headerRow ?? findHeaderRow(sheet.rows);
  if (row > sheet.rows.length)
    throw new CoreError(
      'invalid_request',
      `Row ${row} is below the last row of "${sheet.name}" (${sheet.rows.length}); pick the row with the column names.`,
    );
  const table = toTable(sheet, row);
  const remembered = row > 0 ? rememberedMapping(db, table.headers) : undefined;
  const notes = sheetNotes(table, headerRow === undefined, workbook);
  return {
    sheet: sheet.name,
    table,
    mapping: remembered ?? detectMapping(table.headers, sampleRows(table)),
    mappingSource: remembered ? 'remembered' : 'detected',
    notes,
  };
}

function sheetNotes(table: Table, guessed: boolean, workbook: Workbook): string[] {
  const notes: string[] = [];
  if (table.headerRow > 1)
    notes.push(
      `Skipped ${table.headerRow - 1} ${table.headerRow === 2 ? 'row' : 'rows'} above the header (titles or notes)${guessed ? '; pick another header row if that is wrong' : ''}.`,
    );
  if (table.headerRow === 0)
    notes.push('No header row was found, so columns are named by letter; map them below.');
  if (table.rows.length === 0) notes.push('There are no rows under the header.');
  if (workbook.format === 'csv' && workbook.encoding)
    notes.push(
      `Read as ${workbook.encoding} text, separated by ${delimiterName(workbook.delimiter)}.`,
    );
  return notes;
}

const delimiterName = (delimiter: string | null): string =>
  delimiter === '\t'
    ? 'tabs'
    : delimiter === ';'
      ? 'semicolons'
      : delimiter === '|'
        ? 'vertical bars'
        : 'commas';

/** The sheet to start on: the one that looks most like a device list (header words, then identifiers). */
export function bestSheet(workbook: Workbook): string {
  let best = { name: workbook.sheets[0]?.name ?? '', score: -1 };
  for (const sheet of workbook.sheets) {
    const top = sheet.rows.slice(0, 30);
    const score =
      Math.max(0, ...top.map(headerScore)) * 2 +
      (top.some(looksLikeData) ? 1 : 0) +
      (sheet.rows.length > 0 ? 0.5 : 0);
    if (score > best.score) best = { name: sheet.name, score };
  }
  return best.name;
}

/** A session for a workbook just read. */
export function sessionFromWorkbook(
  db: Db,
  sessions: Sessions,
  fileName: string,
  workbook: Workbook,
): Session {
  if (workbook.sheets.length === 0)
    throw new CoreError(
      'invalid_request',
      `“${fileName}” has no sheets with data. Check that it is the customer's list.`,
    );
  return sessions.add({
    fileName,
    format: workbook.format,
    encoding: workbook.encoding,
    delimiter: workbook.delimiter,
    workbook,
    ...readSheet(db, workbook, bestSheet(workbook)),
    setup: null,
    draftId: null,
    title: null,
  });
}

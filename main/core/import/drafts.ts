import {
  ChangeSetup,
  ImportField,
  importFieldLabels,
  type DraftSummary,
} from '../../../shared/contract/imports';
import { CoreError } from '../errors';
import type { Db } from '../store/open';
import type { Cell } from './read';
import { rowInputs, type Session, type Sessions } from './session';

/** A draft's rows as stored: the spreadsheet row number, then one value per field. */
export type DraftRow = [number, ...Cell[]];

export interface DraftContent {
  title: string;
  setup: ChangeSetup;
  sourceName: string;
  fields: ImportField[];
  rows: DraftRow[];
}

const SUMMARY = `SELECT id, title, change_type AS changeType, row_count AS rows, source_name AS sourceName,
  created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt, status,
  bulk_change_ids_json AS ids FROM drafts`;

type SummaryRow = Omit<DraftSummary, 'bulkChangeIds'> & { ids: string };
const toSummary = ({ ids, ...row }: SummaryRow): DraftSummary => ({
  ...row,
  bulkChangeIds: JSON.parse(ids) as number[],
});

/** The rows, mapping and change of a session, as a draft keeps them. */
export function draftContent(session: Session, title: string): DraftContent {
  if (!session.setup)
    throw new CoreError(
      'invalid_request',
      'Choose the change and check the rows before saving a draft.',
    );
  const fields = [...new Set(session.mapping.map((m) => m.field))];
  for (const fixed of session.edits.values())
    for (const field of Object.keys(fixed) as ImportField[])
      if (!fields.includes(field)) fields.push(field);
  const rows = rowInputs(session).map(
    ({ row, values }) => [row, ...fields.map((f) => values[f] ?? null)] as DraftRow,
  );
  return { title, setup: session.setup, sourceName: session.fileName, fields, rows };
}

/** Saves a new draft, or updates the one the session was opened from. */
export function saveDraft(
  db: Db,
  content: DraftContent,
  createdBy: string,
  draftId: number | null,
): DraftSummary {
  const values = [
    content.title,
    content.setup.changeType,
    JSON.stringify(content.setup),
    content.sourceName,
    JSON.stringify(content.fields),
    JSON.stringify(content.rows),
    content.rows.length,
  ];
  let id = draftId;
  if (id !== null) {
    const changed = db
      .prepare(
        `UPDATE drafts SET title = ?, change_type = ?, setup_json = ?, source_name = ?, fields_json = ?, rows_json = ?,
           row_count = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND status = 'open'`,
      )
      .run(...values, id).changes;
    if (changed === 0) id = null;
  }
  id ??= Number(
    db
      .prepare(
        `INSERT INTO drafts (title, change_type, setup_json, source_name, fields_json, rows_json, row_count, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...values, createdBy).lastInsertRowid,
  );
  return draftSummary(db, id);
}

export function draftSummary(db: Db, id: number): DraftSummary {
  const row = db.prepare(`${SUMMARY} WHERE id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new CoreError('not_found', `There is no draft ${id}; it may have been deleted.`);
  return toSummary(row);
}

export const listDrafts = (db: Db): DraftSummary[] =>
  (db.prepare(`${SUMMARY} ORDER BY updated_at DESC, id DESC LIMIT 200`).all() as SummaryRow[]).map(
    toSummary,
  );

export function loadDraft(db: Db, id: number): DraftContent & { status: string } {
  const row = db
    .prepare(
      'SELECT title, setup_json AS setup, source_name AS sourceName, fields_json AS fields, rows_json AS rows, status FROM drafts WHERE id = ?',
    )
    .get(id) as
    | {
        title: string;
        setup: string;
        sourceName: string;
        fields: string;
        rows: string;
        status: string;
      }
    | undefined;
  if (!row) throw new CoreError('not_found', `There is no draft ${id}; it may have been deleted.`);
  return {
    title: row.title,
    setup: ChangeSetup.parse(JSON.parse(row.setup)),
    sourceName: row.sourceName,
    fields: ImportField.array().parse(JSON.parse(row.fields)),
    rows: JSON.parse(row.rows) as DraftRow[],
    status: row.status,
  };
}

export function deleteDraft(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
}

/** Marks a draft submitted, with the bulk changes it became. */
export function markSubmitted(db: Db, id: number, bulkChangeIds: number[]): void {
  db.prepare(
    `UPDATE drafts SET status = 'submitted', bulk_change_ids_json = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(JSON.stringify(bulkChangeIds), id);
}

/** A session holding a draft's rows: one column per field, already mapped. */
export function sessionFromDraft(
  sessions: Sessions,
  content: DraftContent,
  draftId: number | null,
  notes: string[] = [],
): Session {
  const headers = content.fields.map((f) => importFieldLabels[f]);
  return sessions.add({
    fileName: content.sourceName,
    format: 'draft',
    encoding: null,
    delimiter: null,
    workbook: null,
    sheet: content.title,
    table: {
      headers,
      headerRow: 1,
      rows: content.rows.map(([row, ...cells]) => ({ row, cells })),
    },
    mapping: content.fields.map((field, column) => ({ column, field })),
    mappingSource: 'draft',
    notes,
    setup: content.setup,
    draftId,
    title: content.title,
  });
}

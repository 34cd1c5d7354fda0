import { randomUUID } from 'node:crypto';
import type {
  ChangeSetup,
  ColumnMapping,
  ImportField,
  ImportSheet,
} from '../../../shared/contract/imports';
import { importFieldLabels } from '../../../shared/contract/imports';
import { CoreError } from '../errors';
import type { CheckOutcome, RowInput } from './check';
import type { RowValues } from './rowParams';
import type { Workbook } from './read';
import { columnSamples, type Table } from './table';

/** An opened file, draft or selection, held in core until it is submitted, saved or closed. */
export interface Session {
  id: string;
  fileName: string;
  format: ImportSheet['format'];
  encoding: string | null;
  delimiter: string | null;
  /** The workbook as read, so another sheet or header row can be chosen without reading again. */
  workbook: Workbook | null;
  sheet: string;
  table: Table;
  mapping: ColumnMapping;
  mappingSource: ImportSheet['mappingSource'];
  notes: string[];
  setup: ChangeSetup | null;
  draftId: number | null;
  title: string | null;
  /** SHA-256 of the file as opened, for the audit reports; none for a draft or a selection. */
  sourceSha256?: string;
  /** The file's bytes, kept in the workspace when a bulk change is submitted from it. */
  sourceBytes?: Uint8Array;
  /** Values corrected on the preview, by row and field; they win over the file's cells. */
  edits: Map<number, Partial<Record<ImportField, string>>>;
  lastCheck: CheckOutcome | null;
  running: AbortController | null;
}

/** Open sessions; a handful at most, since each belongs to one Import screen. */
const MAX_SESSIONS = 8;

export class Sessions {
  private readonly open = new Map<string, Session>();

  add(session: Omit<Session, 'id' | 'edits' | 'lastCheck' | 'running'>): Session {
    // The oldest untouched file goes first; its rows are only in memory, nothing stored is lost.
    if (this.open.size >= MAX_SESSIONS) this.open.delete(this.open.keys().next().value!);
    const full: Session = {
      ...session,
      id: randomUUID(),
      edits: new Map(),
      lastCheck: null,
      running: null,
    };
    this.open.set(full.id, full);
    return full;
  }

  get(id: string): Session {
    const session = this.open.get(id);
    if (!session)
      throw new CoreError(
        'not_found',
        'That file is no longer open (the console was restarted or it was closed). Open it again; drafts are kept.',
      );
    // Re-inserted so the most recently used stays longest.
    this.open.delete(id);
    this.open.set(id, session);
    return session;
  }

  close(id: string): boolean {
    this.open.get(id)?.running?.abort();
    return this.open.delete(id);
  }
}

/** The rows to check: each data row's mapped values, with the desk's corrections applied. */
export function rowInputs(session: Session): RowInput[] {
  const { table, mapping, edits } = session;
  return table.rows.map(({ row, cells }) => {
    const values: RowValues = {};
    for (const { column, field } of mapping) {
      const cell = cells[column];
      if (cell !== undefined && cell !== null && cell !== '') values[field] = cell;
    }
    const fixed = edits.get(row);
    if (fixed) Object.assign(values, fixed);
    return { row, values };
  });
}

/** What the Import screen shows of a session. */
export function describeSession(session: Session): ImportSheet {
  const sheets = session.workbook
    ? session.workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length }))
    : [{ name: session.sheet, rows: session.table.rows.length }];
  return {
    importId: session.id,
    fileName: session.fileName,
    format: session.format,
    encoding: session.encoding,
    delimiter: session.delimiter,
    sheets,
    sheet: session.sheet,
    headerRow: session.table.headerRow,
    dataRows: session.table.rows.length,
    columns: session.table.headers.map((header, index) => ({
      index,
      header,
      samples: columnSamples(session.table, index),
    })),
    mapping: session.mapping,
    mappingSource: session.mappingSource,
    notes: session.notes,
    setup: session.setup,
    draftId: session.draftId,
    title: session.title,
  };
}

/** The header a field's values came from, for naming the column in a problem. */
export function columnName(session: Session, field: ImportField): string {
  const mapped = session.mapping.find((m) => m.field === field);
  return mapped
    ? (session.table.headers[mapped.column] ?? importFieldLabels[field])
    : importFieldLabels[field];
}

import type { Progress } from '../../../shared/contract/workspace';
import { changeTypeLabels } from '../../../shared/domain/changes';
import type { ChangeHandler } from '../changes/handler';
import { changeHandlers } from '../changes';
import { CoreError } from '../errors';
import type { CoreHandlers } from '../handlers';
import { throttleProgress } from '../progress';
import type { Db } from '../store/open';
import { catalogOptions } from './catalog';
import { checkRows } from './check';
import { exportDraft } from './draftFile';
import {
  deleteDraft,
  draftContent,
  listDrafts,
  loadDraft,
  markSubmitted,
  saveDraft,
  sessionFromDraft,
} from './drafts';
import { rememberMapping } from './layouts';
import { readSheet } from './open';
import { openFile } from './openFile';
import { pageRows } from './rows';
import { selectionSession } from './selection';
import { columnName, describeSession, rowInputs, Sessions, type Session } from './session';
import { keepSourceFile } from './sourceFiles';
import { assertSubmittable, submitChecked } from './submit';
import { template } from './templates';

type ImportChannel = Extract<
  keyof CoreHandlers,
  `import:${string}` | `drafts:${string}` | `catalog:${string}`
>;

export interface ImportDeps {
  db: Db;
  createdBy: string;
  /** Long reads and checks report here (throttled per task). */
  progress?: (progress: Progress) => void;
  /** Called after bulk changes are queued, so the engine picks them up. */
  onSubmitted?: (bulkChangeIds: number[]) => void;
}

/** The import, draft and catalog channels. */
export function importHandlers({
  db,
  createdBy,
  progress,
  onSubmitted,
}: ImportDeps): Pick<CoreHandlers, ImportChannel> {
  const sessions = new Sessions();
  /** Reading a file before it has an id; `import:cancel` with id "open" stops it. */
  let opening: AbortController | null = null;

  async function check(session: Session) {
    if (!session.setup)
      throw new CoreError('invalid_request', 'Choose the change before checking the rows.');
    session.running?.abort();
    session.lastCheck = null;
    const running = new AbortController();
    session.running = running;
    const task = `import:${session.id}`;
    const report = progress ? throttleProgress(progress) : undefined;
    try {
      session.lastCheck = await checkRows({
        db,
        handlers: changeHandlers,
        setup: session.setup,
        rows: rowInputs(session),
        columnOf: (field) => columnName(session, field),
        signal: running.signal,
        onProgress: (done, total) =>
          report?.({ task, label: `Checking rows of ${session.fileName}`, done, total }),
      });
      return session.lastCheck;
    } finally {
      if (session.running === running) session.running = null;
    }
  }

  return {
    'import:open': async ({ source }) => {
      opening?.abort();
      opening = new AbortController();
      try {
        return describeSession(await openFile(db, sessions, source, opening.signal, progress));
      } finally {
        opening = null;
      }
    },
    'import:openDialog': () => {
      throw new CoreError(
        'unavailable',
        'The open dialog belongs to the desktop app; drop the file on this page or use Open file… instead.',
      );
    },
    'import:configure': ({ importId, sheet, headerRow }) => {
      const session = sessions.get(importId);
      if (!session.workbook)
        throw new CoreError(
          'invalid_request',
          'A draft or a selection has no sheets or header rows to choose.',
        );
      Object.assign(session, readSheet(db, session.workbook, sheet ?? session.sheet, headerRow), {
        edits: new Map(),
        lastCheck: null,
      });
      return describeSession(session);
    },
    'import:fromSelection': ({ selection }) => selectionSession(db, sessions, selection),
    'import:check': async ({ importId, mapping: given, setup }) => {
      const session = sessions.get(importId);
      // A selection or a draft comes mapped already; an empty mapping keeps it.
      const mapping = given.length > 0 ? given : session.mapping;
      if (!mapping.some((m) => ['iccid', 'imei', 'msisdn', 'eid'].includes(m.field)))
        throw new CoreError(
          'invalid_request',
          'Map the column that holds the ICCID, IMEI, MSISDN or EID first.',
        );
      const fields = mapping.map((m) => m.field);
      const twice = fields.find((f, i) => fields.indexOf(f) !== i);
      if (twice)
        throw new CoreError(
          'invalid_request',
          `Two columns are mapped to ${twice}; map each field to one column.`,
        );
      Object.assign(session, { mapping, setup });
      if (
        session.format !== 'draft' &&
        session.format !== 'selection' &&
        session.table.headerRow > 0
      )
        rememberMapping(db, session.table.headers, mapping);
      const outcome = await check(session);
      return { importId, ...outcome.summary };
    },
    'import:rows': ({ importId, show, offset, limit }) => {
      const session = sessions.get(importId);
      if (!session.lastCheck) throw new CoreError('invalid_request', 'Check the rows first.');
      return pageRows(session.lastCheck.rows, show, offset, limit);
    },
    'import:editRow': ({ importId, row, field, value }) => {
      const session = sessions.get(importId);
      if (!session.table.rows.some((r) => r.row === row))
        throw new CoreError('not_found', `Row ${row} is not one of the file's data rows.`);
      session.edits.set(row, { ...session.edits.get(row), [field]: value.trim() });
      if (!session.mapping.some((m) => m.field === field))
        session.notes.push(`Row ${row}: ${field} typed in by hand.`);
      return { row };
    },
    'import:submit': async ({ importId, title, skipErrors }) => {
      const session = sessions.get(importId);
      const outcome = await check(session);
      const setup = session.setup!;
      // Kept once the submit is sure to go ahead, and before the bulk change exists, so none
      // ever names a source the workspace lacks and no refused file is kept.
      assertSubmittable(outcome, skipErrors);
      if (session.sourceSha256 && session.sourceBytes)
        await keepSourceFile(db, session.sourceSha256, session.sourceBytes);
      const result = submitChecked(
        db,
        changeHandlers[setup.changeType] as ChangeHandler,
        setup.changeType,
        outcome,
        {
          title:
            title ??
            session.title ??
            `${changeTypeLabels[setup.changeType]} from ${session.fileName}`,
          createdBy,
          skipErrors,
          sourceName: session.format === 'selection' ? null : session.fileName,
          sourceSha256: session.sourceSha256,
        },
      );
      if (session.draftId !== null) markSubmitted(db, session.draftId, result.bulkChangeIds);
      sessions.close(importId);
      onSubmitted?.(result.bulkChangeIds);
      return result;
    },
    'import:saveDraft': ({ importId, title }) => {
      const session = sessions.get(importId);
      const saved = saveDraft(db, draftContent(session, title), createdBy, session.draftId);
      Object.assign(session, { draftId: saved.id, title: saved.title });
      return saved;
    },
    'import:cancel': ({ importId }) => {
      const controller = importId === 'open' ? opening : sessions.get(importId).running;
      controller?.abort();
      return { cancelled: controller !== null && controller !== undefined };
    },
    'import:close': ({ importId }) => ({ closed: sessions.close(importId) }),
    'import:template': ({ changeType }) => template(changeType),
    'drafts:list': () => listDrafts(db),
    'drafts:open': ({ draftId }) => {
      const content = loadDraft(db, draftId);
      const notes =
        content.status === 'submitted'
          ? ['This draft was submitted already; submitting again makes new bulk changes.']
          : [];
      return describeSession(
        sessionFromDraft(sessions, content, content.status === 'open' ? draftId : null, notes),
      );
    },
    'drafts:export': ({ draftId }) => exportDraft(db, loadDraft(db, draftId), createdBy),
    'drafts:delete': ({ draftId }) => ({ deleted: deleteDraft(db, draftId) }),
    'catalog:options': ({ accountIds }) => catalogOptions(db, accountIds),
  };
}

import type { AppError } from '../../../shared/contract';
import type { ImportField } from '../../../shared/contract/imports';
import { api, inDesktopApp } from '../../api/client';
import { useNavigation } from '../../app/navigationStore';
import { saveDownload } from '../../ui/download';
import { useDraftsStore } from './draftsStore';
import {
  adoptSheet,
  begin,
  currentSetup,
  importIdOf,
  initialImport,
  settle,
  useImportStore,
  type ChangeSelection,
} from './importStore';
import { uploadOf, uploadProblem } from './upload';

// The calls to core that move the import along. Each marks the store busy, and on failure
// keeps everything the desk entered and shows core's message.

const set = useImportStore.setState;
const get = useImportStore.getState;

/** While a file is being read there is no import id yet; core knows the open phase by this. */
const OPENING = 'open';
const openTask = 'import:open';
const checkTask = (importId: string) => `import:${importId}`;

/** A selection comes mapped from core; an empty mapping keeps that. */
const selectionMapping: [] = [];

const failed = (error: AppError, stopped: string): Partial<typeof initialImport> =>
  error.code === 'cancelled' ? { notice: stopped } : { error };

/** Set by Cancel while the file's bytes are still being read here, before core has them. */
let stopBeforeSending = false;

/** Reads a dropped or picked spreadsheet (or exported draft) and shows its columns. */
export async function openFile(file: File): Promise<void> {
  const problem = uploadProblem(file);
  if (problem) {
    set({ error: { code: 'invalid_request', message: problem }, notice: null });
    return;
  }
  if (!begin('open')) return;
  stopBeforeSending = false;
  let source: Awaited<ReturnType<typeof uploadOf>>;
  try {
    source = await uploadOf(file);
  } catch {
    return settle(openTask, {
      error: {
        code: 'unavailable',
        message: `${file.name} could not be read from this computer. Check it is still there and not open in another program that locks it, then try again.`,
      },
    });
  }
  const stopped = `Stopped reading ${file.name}.`;
  if (stopBeforeSending) return settle(openTask, { notice: stopped });
  const result = await api.invoke('import:open', { source });
  if (!result.ok) return settle(openTask, failed(result.error, stopped));
  settle(openTask);
  closeInCore();
  adoptSheet(result.value);
}

/** Desktop app: main shows its open dialog and opens the chosen file; the window never sees a path. */
export async function openWithDialog(): Promise<void> {
  if (!begin('open')) return;
  const result = await api.invoke('import:openDialog', {});
  if (!result.ok) return settle(openTask, failed(result.error, 'Stopped reading the file.'));
  settle(openTask);
  if (result.value === null) return;
  closeInCore();
  adoptSheet(result.value);
}

/** Why another file can't be opened now (a call running, or a file or change in hand), or null. */
function cannotOpen(fileName: string): string | null {
  const { busy, source, submitted } = get();
  if (busy !== null) return `Wait for the current step to finish, then open ${fileName}.`;
  if (source === null || submitted !== null) return null;
  return source.kind === 'file'
    ? `${source.sheet.fileName} is still open here. Close it first (save it as a draft to keep your work), then open ${fileName}.`
    : `Finish or cancel the change for the devices picked in the grid first, then open ${fileName}.`;
}

const refuse = (message: string) =>
  set({ error: { code: 'invalid_request', message }, notice: null });

/** A file dropped anywhere on the window: opened here unless it would throw away work in hand. */
export function openDropped(files: readonly File[]): void {
  const [file, ...others] = files;
  if (!file) return;
  const problem =
    others.length > 0
      ? `${files.length} files were dropped; drop one file at a time.`
      : cannotOpen(file.name);
  if (problem) return refuse(problem);
  void openFile(file);
}

/**
 * The Open shortcut: main's dialog in the desktop app, the browser's file picker otherwise. Must
 * run inside the key press, which is what lets a browser show its picker.
 */
export function chooseFile(): void {
  const problem = cannotOpen('another file');
  if (problem) return refuse(problem);
  if (inDesktopApp) {
    void openWithDialog();
    return;
  }
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.xlsx,.xls,.csv,.json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void openFile(file);
  });
  input.click();
}

/** Reopens a saved draft; its rows are checked again against today’s inventory before submitting. */
export async function openDraft(draftId: number): Promise<void> {
  if (!begin('reopen')) return;
  const result = await api.invoke('drafts:open', { draftId });
  if (!result.ok) return settle(null, { error: result.error });
  settle(null);
  closeInCore();
  adoptSheet(result.value);
}

/** Reads another sheet of the file, or takes the header from another row. */
export async function configure(patch: { sheet?: string; headerRow?: number }): Promise<void> {
  const { source } = get();
  if (source?.kind !== 'file' || !begin('configure')) return;
  const result = await api.invoke('import:configure', {
    importId: source.sheet.importId,
    ...patch,
  });
  if (get().source !== source) return settle(null);
  if (!result.ok) return settle(null, { error: result.error });
  settle(null, {
    source: { kind: 'file', sheet: result.value },
    mapping: result.value.mapping,
    check: null,
  });
}

/** The dry run: every row checked for the change, with progress pushed as core goes. */
export async function runCheck(): Promise<void> {
  const state = get();
  const { source, changeType } = state;
  if (!source || !changeType || !begin('check')) return;
  set({ step: 'dryRun' });
  const importId = importIdOf(source);
  const result = await api.invoke('import:check', {
    importId,
    mapping: source.kind === 'file' ? state.mapping : selectionMapping,
    setup: currentSetup(state, changeType),
  });
  if (get().source !== source) return settle(checkTask(importId));
  // A check that did not finish leaves no dry run to trust, not even the one before it.
  if (!result.ok)
    return settle(checkTask(importId), {
      check: null,
      ...failed(result.error, 'Check stopped. Nothing was changed; check again when ready.'),
    });
  settle(checkTask(importId), { check: result.value, checkRun: get().checkRun + 1 });
}

/** Stops reading or checking a large file (submitting checks every row again first). */
export async function cancelRunning(): Promise<void> {
  const { busy, source } = get();
  const checking = (busy === 'check' || busy === 'submit') && source !== null;
  const importId = busy === 'open' ? OPENING : checking ? importIdOf(source) : null;
  if (importId === null) return;
  if (busy === 'open') stopBeforeSending = true;
  const result = await api.invoke('import:cancel', { importId });
  if (!result.ok) set({ error: result.error });
}

/** Corrects one value of one row, then checks the file again to show the result. */
export async function editRow(row: number, field: ImportField, value: string): Promise<boolean> {
  const { source } = get();
  if (!source || !begin('edit')) return false;
  const result = await api.invoke('import:editRow', {
    importId: importIdOf(source),
    row,
    field,
    value,
  });
  if (!result.ok) {
    settle(null, { error: result.error });
    return false;
  }
  settle(null);
  await runCheck();
  return true;
}

/** Keeps the rows, mapping and change as a draft under `title`. */
export async function saveDraft(title: string): Promise<boolean> {
  const { source } = get();
  if (!source || !begin('draft')) return false;
  const result = await api.invoke('import:saveDraft', { importId: importIdOf(source), title });
  if (!result.ok) {
    settle(null, { error: result.error });
    return false;
  }
  settle(null, {
    draft: { id: result.value.id, title: result.value.title },
    notice: `Saved as draft “${result.value.title}”.`,
  });
  void useDraftsStore.getState().load();
  return true;
}

/** Downloads a draft as a file another workstation can import. */
export async function exportDraft(draftId: number): Promise<AppError | null> {
  const result = await api.invoke('drafts:export', { draftId });
  if (!result.ok) return result.error;
  saveDownload(result.value);
  return null;
}

/** Checks again in core, then creates and queues the bulk changes. */
export async function submit(): Promise<void> {
  const { source, skipErrors, draft } = get();
  if (!source || !begin('submit')) return;
  const importId = importIdOf(source);
  const result = await api.invoke('import:submit', {
    importId,
    skipErrors,
    ...(draft ? { title: draft.title } : {}),
  });
  if (!result.ok)
    return settle(
      checkTask(importId),
      failed(result.error, 'Submitting stopped before anything was queued.'),
    );
  settle(checkTask(importId), { submitted: result.value });
  if (source.kind === 'selection') useNavigation.getState().clearChangeSelection();
  if (draft) void useDraftsStore.getState().load();
}

/** Starts a change for devices picked in the grid, putting aside whatever was open. */
export async function beginSelection(request: ChangeSelection): Promise<void> {
  if (get().busy !== null) return;
  startOver();
  set({ handoff: request });
  if (!begin('selection')) return;
  const result = await api.invoke('import:fromSelection', { selection: request.selection });
  if (get().handoff !== request) return settle(null);
  if (!result.ok) return settle(null, { error: result.error });
  settle(null, { source: { kind: 'selection', ...result.value }, step: 'change' });
}

/** Lets core forget the open import; the store is reset by the caller. */
function closeInCore(): void {
  const { source } = get();
  // Closing only frees core's memory; an import left open is forgotten when core restarts.
  if (source) void api.invoke('import:close', { importId: importIdOf(source) });
}

/** Forgets the open file or selection and goes back to the start. */
export function startOver(): void {
  closeInCore();
  set(initialImport);
}

/** Gives up on a change for picked devices: the grid's selection is let go too. */
export function abandon(): void {
  if (get().source?.kind === 'selection') useNavigation.getState().clearChangeSelection();
  startOver();
}

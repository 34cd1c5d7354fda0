import { create } from 'zustand';
import type { AppError } from '../../../shared/contract';
import type { DeviceSelection } from '../../../shared/contract/devices';
import type {
  ChangeSetup,
  ColumnMapping,
  ImportCheck,
  ImportField,
  ImportSheet,
} from '../../../shared/contract/imports';
import type { ChangeType, StatusAction } from '../../../shared/domain/changes';
import { useProgressStore } from '../../app/progressStore';
import { emptyValues, fromParams, toParams, type FormValues } from '../changes/values';
import { withField } from './mapping';

export type Step = 'start' | 'columns' | 'change' | 'dryRun';

/** The devices picked in the Devices grid, as the navigation store hands them over. */
export interface ChangeSelection {
  selection: DeviceSelection;
  count: number;
}

/** What the change is for: an opened file (or draft), or devices picked in the grid. */
export type Source =
  | { kind: 'file'; sheet: ImportSheet }
  | {
      kind: 'selection';
      importId: string;
      devices: number;
      accountIds: number[];
      allowedActions: StatusAction[];
    };

/** The call in flight; the controls that would start another wait for it. */
export type Busy =
  'open' | 'reopen' | 'configure' | 'selection' | 'check' | 'edit' | 'submit' | 'draft';

export interface Submitted {
  bulkChangeIds: number[];
  devices: number;
  skipped: number;
}

export interface ImportState {
  step: Step;
  source: Source | null;
  /** The grid's hand-over last taken up, so the same one is never started twice. */
  handoff: ChangeSelection | null;
  mapping: ColumnMapping;
  changeType: ChangeType | null;
  /** Every form's values, so switching change type and back loses nothing. */
  values: FormValues;
  tenantId: number | null;
  /** The dry run of the current mapping and change; dropped as soon as either changes. */
  check: ImportCheck | null;
  /** Counts finished checks, so the rows grid pulls its pages afresh after each. */
  checkRun: number;
  draft: { id: number; title: string } | null;
  submitted: Submitted | null;
  skipErrors: boolean;
  busy: Busy | null;
  /** The last call that failed, in core's words, until the next call starts. */
  error: AppError | null;
  /** A quiet note on what just happened ("Saved as draft …"). */
  notice: string | null;
}

export const initialImport: ImportState = {
  step: 'start',
  source: null,
  handoff: null,
  mapping: [],
  changeType: null,
  values: emptyValues,
  tenantId: null,
  check: null,
  checkRun: 0,
  draft: null,
  submitted: null,
  skipErrors: false,
  busy: null,
  error: null,
  notice: null,
};

/** The flow's state; the calls to core that move it along are in importCalls.ts. */
export const useImportStore = create<ImportState>()(() => initialImport);

const set = useImportStore.setState;
const get = useImportStore.getState;

export const importIdOf = (source: Source): string =>
  source.kind === 'file' ? source.sheet.importId : source.importId;

/** The change as `import:check` takes it. */
export function currentSetup(state: ImportState, changeType: ChangeType): ChangeSetup {
  return {
    changeType,
    params: toParams(changeType, state.values[changeType]),
    tenantId: state.tenantId,
  };
}

/** Starts over from an opened file or draft: its mapping, and its change if it is a draft. */
export function adoptSheet(sheet: ImportSheet): void {
  const setup = sheet.setup;
  set({
    ...initialImport,
    // Whether the grid's hand-over was taken up does not change by opening a file.
    handoff: get().handoff,
    source: { kind: 'file', sheet },
    mapping: sheet.mapping,
    step: setup ? 'change' : 'columns',
    changeType: setup?.changeType ?? null,
    values: setup
      ? { ...emptyValues, [setup.changeType]: fromParams(setup.changeType, setup.params) }
      : emptyValues,
    tenantId: setup?.tenantId ?? null,
    draft:
      sheet.draftId === null ? null : { id: sheet.draftId, title: sheet.title ?? sheet.fileName },
  });
}

export function goTo(step: Step): void {
  set({ step, notice: null });
}

export function setColumnField(column: number, field: ImportField | null): void {
  set((state) => ({ mapping: withField(state.mapping, column, field), check: null }));
}

export function setChangeType(changeType: ChangeType): void {
  set({ changeType, check: null });
}

export function setValues<T extends ChangeType>(type: T, patch: Partial<FormValues[T]>): void {
  set((state) => ({
    values: { ...state.values, [type]: { ...state.values[type], ...patch } },
    check: null,
  }));
}

export function setTenant(tenantId: number | null, values: FormValues): void {
  set({ tenantId, values, check: null });
}

export function setSkipErrors(skipErrors: boolean): void {
  set({ skipErrors });
}

/** Ends a call: clears its progress (its last report may never come) and the busy flag. */
export function settle(task: string | null, patch: Partial<ImportState> = {}): void {
  if (task !== null) useProgressStore.getState().finish(task);
  set({ busy: null, ...patch });
}

/** Marks a call as started; false when another is still running. */
export function begin(busy: Busy): boolean {
  if (get().busy !== null) return false;
  set({ busy, error: null, notice: null });
  return true;
}

import { create } from 'zustand';
import type { AppError, ResponseOf, Result } from '../../../shared/contract';
import type {
  EvidencePackFile,
  ReconciliationSummary,
  ReportFile,
  ReportFormat,
  ReportSpec,
  ReportTask,
} from '../../../shared/contract/reports';
import { api } from '../../api/client';
import { useProgressStore } from '../../app/progressStore';

export type JobKind = 'export' | 'evidencePack' | 'reconcile' | 'verify';
export type Verification = ResponseOf<'audit:verify'>;
export interface Anchor {
  lastId: number;
  hash: string;
}

/** The progress task each job reports under on `workspace:progress`. */
export const jobTasks: Record<JobKind, ReportTask> = {
  export: 'reports:export',
  evidencePack: 'reports:evidencePack',
  reconcile: 'reports:reconcile',
  verify: 'audit:verify',
};

interface JobsState {
  /** The long job running now, and what it is doing in words; one at a time, to keep the page plain. */
  running: { kind: JobKind; doing: string } | null;
  stopping: boolean;
  /** The last export, with the report it was of. */
  saved: { spec: ReportSpec; file: ReportFile } | null;
  evidence: { bulkChangeId: number; file: EvidencePackFile } | null;
  verification: Verification | null;
  reconciled: ReconciliationSummary | null;
  /** What went wrong with each kind of job, in core's words. */
  errors: Partial<Record<JobKind, AppError>>;
  /** Ends that are not failures: stopped by the desk, or the save dialog closed. */
  notes: Partial<Record<JobKind, string>>;
  exportReport(spec: ReportSpec, format: ReportFormat): Promise<void>;
  evidencePack(bulkChangeId: number, timeZone: string): Promise<void>;
  verify(anchor: Anchor | null): Promise<void>;
  /** Asks the carriers; answers the run, or null when it could not start or failed. */
  reconcile(bulkChangeId: number): Promise<ReconciliationSummary | null>;
  cancel(): Promise<void>;
}

const NOT_SAVED = 'Not saved: the save dialog was closed.';

/** Exports, evidence packs, reconciliations and the audit check: long work in core, with Cancel. */
export const useJobsStore = create<JobsState>()((set, get) => {
  /** Runs one job unless another is running; files its answer with `done`. */
  async function run<T>(
    kind: JobKind,
    doing: string,
    call: () => Promise<Result<T>>,
    done: (value: T) => Partial<JobsState>,
  ): Promise<T | null> {
    if (get().running) return null;
    set((state) => ({
      running: { kind, doing },
      stopping: false,
      errors: { ...state.errors, [kind]: undefined },
      notes: { ...state.notes, [kind]: undefined },
    }));
    const result = await call();
    // A cancelled job may never send its last progress report.
    useProgressStore.getState().finish(jobTasks[kind]);
    set({ running: null, stopping: false });
    if (result.ok) {
      set(done(result.value));
      return result.value;
    }
    set((state) =>
      result.error.code === 'cancelled'
        ? { notes: { ...state.notes, [kind]: result.error.message } }
        : { errors: { ...state.errors, [kind]: result.error } },
    );
    return null;
  }

  const note = (kind: JobKind, text: string) => ({ notes: { ...get().notes, [kind]: text } });

  return {
    running: null,
    stopping: false,
    saved: null,
    evidence: null,
    verification: null,
    reconciled: null,
    errors: {},
    notes: {},
    async exportReport(report, format) {
      set({ saved: null });
      await run(
        'export',
        `Writing the ${format} file`,
        () => api.invoke('reports:export', { report, format }),
        (file) => (file ? { saved: { spec: report, file } } : note('export', NOT_SAVED)),
      );
    },
    async evidencePack(bulkChangeId, timeZone) {
      set({ evidence: null });
      await run(
        'evidencePack',
        `Writing the evidence pack of bulk change #${bulkChangeId}`,
        () => api.invoke('reports:evidencePack', { bulkChangeId, timeZone }),
        (file) => (file ? { evidence: { bulkChangeId, file } } : note('evidencePack', NOT_SAVED)),
      );
    },
    async verify(anchor) {
      set({ verification: null });
      await run(
        'verify',
        'Checking the audit log',
        () => api.invoke('audit:verify', anchor ? { anchor } : {}),
        (verification) => ({ verification }),
      );
    },
    reconcile(bulkChangeId) {
      set({ reconciled: null });
      return run(
        'reconcile',
        `Asking the carriers about bulk change #${bulkChangeId}`,
        () => api.invoke('reports:reconcile', { bulkChangeId }),
        (reconciled) => ({ reconciled }),
      );
    },
    async cancel() {
      const running = get().running;
      if (!running) return;
      set({ stopping: true });
      const result = await api.invoke('reports:cancel', { task: jobTasks[running.kind] });
      if (!result.ok)
        set({ stopping: false, errors: { ...get().errors, [running.kind]: result.error } });
    },
  };
});

import type { ReportTask } from '../../../shared/contract/reports';
import type { Progress } from '../../../shared/contract/workspace';
import type { AuditLog } from '../audit/auditLog';
import type { AccountAdapters } from '../carriers/accountAdapters';
import { CoreError } from '../errors';
import type { CoreHandlers } from '../handlers';
import { throttleProgress } from '../progress';
import type { Db } from '../store/open';
import { exportEvidencePack } from './evidence/exportEvidencePack';
import { exportReport, exportReportTo } from './exportReport';
import { reconcileHandlers } from './reconcile/handlers';
import { ReportJobs, stopIfCancelled } from './reportJobs';
import { openReport, reportPage } from './reportSource';

type ReportChannel =
  | 'reports:bulkChange'
  | 'reports:compliance'
  | 'reports:deviceHistory'
  | 'reports:reconciliation'
  | 'reports:reconcile'
  | 'reports:reconciliations'
  | 'reports:export'
  | 'reports:evidencePack'
  | 'reports:cancel'
  | 'reports:reveal'
  | 'audit:verify';

export interface ReportDeps {
  db: Db;
  audit: AuditLog;
  adapters: AccountAdapters;
  /** Who runs reconciliations from this core, as recorded on each run. */
  createdBy: string;
  /** A long export reports how many rows it has written here. */
  progress?: (progress: Progress) => void;
}

/** The report previews and exports, evidence packs, reconciliations and the audit check. */
export function reportHandlers({
  db,
  audit,
  adapters,
  createdBy,
  progress,
}: ReportDeps): Pick<CoreHandlers, ReportChannel> {
  const jobs = new ReportJobs();
  /** A progress callback for one task that also stops the work once it is cancelled. */
  const reporter = (task: ReportTask, label: string, signal: AbortSignal) => {
    const send = progress && throttleProgress(progress);
    return (done: number, total: number, step = label) => {
      stopIfCancelled(signal, label);
      send?.({ task, label: step, done, total });
    };
  };
  /** Runs one job that `reports:cancel` can stop, its progress reported under its task. */
  const job = <T>(
    task: ReportTask,
    label: string,
    work: (signal: AbortSignal, onProgress: ReturnType<typeof reporter>) => Promise<T>,
  ) => jobs.run(task, (signal) => work(signal, reporter(task, label, signal)));
  return {
    'reports:bulkChange': ({ offset, limit, timeZone, bulkChangeId }) =>
      reportPage(openReport(db, { kind: 'bulkChange', bulkChangeId, timeZone }), offset, limit),
    'reports:compliance': ({ offset, limit, ...filters }) =>
      reportPage(openReport(db, { kind: 'compliance', ...filters }), offset, limit),
    'reports:deviceHistory': ({ offset, limit, timeZone, identifier }) =>
      reportPage(openReport(db, { kind: 'deviceHistory', identifier, timeZone }), offset, limit),
    'reports:reconciliation': ({ offset, limit, timeZone, reconciliationId }) =>
      reportPage(
        openReport(db, { kind: 'reconciliation', reconciliationId, timeZone }),
        offset,
        limit,
      ),
    ...reconcileHandlers({ db, adapters, jobs, progress, user: createdBy }),
    'reports:export': ({ report, format, path }) =>
      job('reports:export', 'Writing the report', (_signal, onProgress) =>
        path === undefined
          ? exportReport(db, report, format, onProgress)
          : exportReportTo(db, report, format, path, onProgress),
      ),
    'reports:evidencePack': ({ bulkChangeId, timeZone, path }) =>
      job('reports:evidencePack', 'Writing the evidence pack', (signal, onProgress) =>
        exportEvidencePack(db, { bulkChangeId, timeZone, path, onProgress, signal }),
      ),
    'reports:cancel': ({ task }) => ({ cancelled: jobs.cancel(task) }),
    'reports:reveal': ({ path }) => {
      throw new CoreError(
        'unavailable',
        `Show in folder belongs to the desktop app; the file is at ${path}.`,
      );
    },
    'audit:verify': ({ anchor }) =>
      job('audit:verify', 'Checking the audit log', (signal, onProgress) =>
        audit.verify({ anchor, signal, onProgress }),
      ),
  };
}

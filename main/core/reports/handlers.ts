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
  const reporter = (task: string, label: string, signal: AbortSignal) => {
    const send = progress && throttleProgress(progress);
    return (done: number, total: number, step = label) => {
      stopIfCancelled(signal, label);
      send?.({ task, label: step, done, total });
    };
  };
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
      jobs.run((signal) => {
        const onProgress = reporter('reports:export', 'Writing the report', signal);
        return path === undefined
          ? exportReport(db, report, format, onProgress)
          : exportReportTo(db, report, format, path, onProgress);
      }),
    'reports:evidencePack': ({ bulkChangeId, timeZone, path }) =>
      jobs.run((signal) =>
        exportEvidencePack(db, {
          bulkChangeId,
          timeZone,
          path,
          onProgress: reporter('reports:evidencePack', 'Writing the evidence pack', signal),
          signal,
        }),
      ),
    'reports:cancel': () => ({ cancelled: jobs.cancel() }),
    'reports:reveal': ({ path }) => {
      throw new CoreError(
        'unavailable',
        `Show in folder belongs to the desktop app; the file is at ${path}.`,
      );
    },
    'audit:verify': ({ anchor }) =>
      jobs.run((signal) => {
        const onProgress = reporter('audit:verify', 'Checking the audit log', signal);
        return audit.verify({ anchor, signal, onProgress });
      }),
  };
}

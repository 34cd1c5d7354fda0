import type { Progress } from '../../../../shared/contract/workspace';
import { summary as bulkSummary } from '../../bulk/service';
import type { AccountAdapters } from '../../carriers/accountAdapters';
import type { CoreHandlers } from '../../handlers';
import { throttleProgress } from '../../progress';
import type { Db } from '../../store/open';
import type { ReportJobs } from '../reportJobs';
import { runReconciliation } from './runReconciliation';
import { closeDeadRuns } from './liveRuns';
import { listRuns } from './runs';

type ReconcileChannel = 'reports:reconcile' | 'reports:reconciliations';

export interface ReconcileDeps {
  db: Db;
  adapters: AccountAdapters;
  jobs: ReportJobs;
  progress?: (progress: Progress) => void;
  /** Who runs reconciliations here; the report names them. */
  user: string;
}

/**
 * Reconciliation runs: ask the carriers, keep what they said, list the runs. Runs left
 * running by a process that died are closed when the workspace opens and whenever runs are
 * listed; a run another live process is asking keeps its heartbeat and is left alone.
 */
export function reconcileHandlers({
  db,
  adapters,
  jobs,
  progress,
  user,
}: ReconcileDeps): Pick<CoreHandlers, ReconcileChannel> {
  closeDeadRuns(db);
  return {
    'reports:reconcile': ({ bulkChangeId }) =>
      jobs.run('reports:reconcile', (signal) => {
        const send = progress && throttleProgress(progress);
        return runReconciliation(
          {
            db,
            adapters,
            user,
            signal,
            onProgress: (done, total) =>
              send?.({ task: 'reports:reconcile', label: 'Asking the carriers', done, total }),
          },
          bulkChangeId,
        );
      }),
    'reports:reconciliations': ({ bulkChangeId }) => {
      bulkSummary(db, bulkChangeId);
      closeDeadRuns(db);
      return { runs: listRuns(db, bulkChangeId) };
    },
  };
}

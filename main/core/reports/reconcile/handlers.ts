import type { Progress } from '../../../../shared/contract/workspace';
import type { AccountAdapters } from '../../carriers/accountAdapters';
import { CoreError } from '../../errors';
import type { CoreHandlers } from '../../handlers';
import type { Db } from '../../store/open';
import type { ReportJobs } from '../reportJobs';

type ReconcileChannel = 'reports:reconcile' | 'reports:reconciliations';

export interface ReconcileDeps {
  db: Db;
  adapters: AccountAdapters;
  jobs: ReportJobs;
  progress?: (progress: Progress) => void;
}

/** Reconciliation runs: ask the carriers, keep what they said, list the runs. */
export function reconcileHandlers(_deps: ReconcileDeps): Pick<CoreHandlers, ReconcileChannel> {
  const notYet = () => {
    throw new CoreError('unavailable', 'Reconciliation is not built yet.');
  };
  return { 'reports:reconcile': notYet, 'reports:reconciliations': notYet };
}

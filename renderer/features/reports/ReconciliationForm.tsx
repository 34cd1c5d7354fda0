import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReconciliationSummary } from '../../../shared/contract/reports';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDateTime } from '../../ui/dateTime';
import { formatCount } from '../../ui/format';
import { BulkChangePicker } from './BulkChangePicker';
import { Field } from '../../ui/Field';
import { useFormsStore } from './formsStore';
import { JobProgress } from './JobProgress';
import { useJobsStore } from './jobsStore';
import { usePreviewStore } from './previewStore';
import { RunsTable } from './RunsTable';
import { useRunsStore } from './runsStore';

const REFRESH_MS = 5_000;

/** Ours against the carriers': asks them about a bulk change's devices, lists the runs, shows one. */
export function ReconciliationForm() {
  const { bulkChangeId, timeZone, setBulkChangeId } = useFormsStore(
    useShallow((state) => ({
      bulkChangeId: state.reconcileBulkChangeId,
      timeZone: state.timeZone,
      setBulkChangeId: state.setReconcileBulkChangeId,
    })),
  );
  const { runs, runsError, load, refresh } = useRunsStore(
    useShallow((state) => ({
      runs: state.bulkChangeId === bulkChangeId ? state.runs : null,
      runsError: state.bulkChangeId === bulkChangeId ? state.error : null,
      load: state.load,
      refresh: state.refresh,
    })),
  );
  const { busy, reconcile } = useJobsStore(
    useShallow((state) => ({ busy: state.running !== null, reconcile: state.reconcile })),
  );
  const { show, shown } = usePreviewStore(
    useShallow((state) => ({
      show: state.show,
      shown: state.spec?.kind === 'reconciliation' ? state.spec.reconciliationId : null,
    })),
  );

  useEffect(() => {
    if (bulkChangeId !== null) void load(bulkChangeId);
  }, [bulkChangeId, load]);

  // A run asking now from elsewhere (the command line, another window) sends this window no
  // progress: its line is read again until it ends.
  const live = runs?.find((run) => run.state === 'running');
  const watching = live !== undefined && !busy;
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [watching, refresh]);

  const showRun = (run: ReconciliationSummary) =>
    show({ kind: 'reconciliation', reconciliationId: run.reconciliationId, timeZone });

  async function askNow(id: number) {
    const run = await reconcile(id);
    if (!run) return;
    void load(id);
    showRun(run);
  }

  return (
    <div className="reports__reconcile">
      <div className="reports__form">
        <Field
          label="Bulk change"
          hint={
            watching
              ? `Reconciliation #${live.reconciliationId}, started ${formatDateTime(live.startedAt)}, is still asking the carriers; wait for it to finish, or cancel it where it was started.`
              : 'Its devices are looked up at their carriers now.'
          }
        >
          {({ id, describedBy }) => (
            <BulkChangePicker
              id={id}
              describedBy={describedBy}
              value={bulkChangeId}
              onChange={setBulkChangeId}
            />
          )}
        </Field>
        <button
          type="button"
          className="button button--primary"
          disabled={bulkChangeId === null || busy || watching}
          onClick={() => bulkChangeId !== null && void askNow(bulkChangeId)}
        >
          Ask the carriers now
        </button>
      </div>
      <JobProgress kind="reconcile" unit="devices" />
      <LatestRun bulkChangeId={bulkChangeId} />
      {runsError && (
        <ErrorBanner
          error={runsError}
          onRetry={bulkChangeId === null ? undefined : () => void load(bulkChangeId)}
        />
      )}
      {runs && runs.length === 0 && (
        <p className="reports__muted">No runs yet for this bulk change.</p>
      )}
      {runs && runs.length > 0 && <RunsTable runs={runs} shown={shown} onShow={showRun} />}
    </div>
  );
}

/** The run just finished, in a line, while its bulk change is the one picked. */
function LatestRun({ bulkChangeId }: { bulkChangeId: number | null }) {
  const run = useJobsStore((state) => state.reconciled);
  if (!run || run.bulkChangeId !== bulkChangeId) return null;
  return (
    <p className="reports__note" role="status">
      {run.state === 'complete' ? 'Checked' : 'Stopped part way:'} {formatCount(run.devices)}{' '}
      devices: {formatCount(run.matching)} matching, {formatCount(run.differences)} with
      differences, {formatCount(run.notChecked)} not checked.
    </p>
  );
}

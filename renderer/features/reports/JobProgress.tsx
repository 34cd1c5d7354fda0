import { useShallow } from 'zustand/react/shallow';
import { useProgressStore } from '../../app/progressStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { jobTasks, useJobsStore, type JobKind } from './jobsStore';

/** A running job of this kind: what it does, how far it got, and Cancel; then how it ended. */
export function JobProgress({ kind, unit }: { kind: JobKind; unit: string }) {
  const { running, stopping, cancel, error, note } = useJobsStore(
    useShallow((state) => ({
      running: state.running?.kind === kind ? state.running : null,
      stopping: state.stopping,
      cancel: state.cancel,
      error: state.errors[kind],
      note: state.notes[kind],
    })),
  );
  const progress = useProgressStore((state) => state.running[jobTasks[kind]]);
  if (!running)
    return (
      <>
        {error && <ErrorBanner error={error} />}
        {note && (
          <p className="reports__note" role="status">
            {note}
          </p>
        )}
      </>
    );
  return (
    <div className="reports__job" role="status" aria-label={running.doing}>
      <span>{running.doing}…</span>
      {/* Without a report yet, the bar runs without a count. */}
      <progress
        className="reports__bar"
        max={progress?.total}
        value={progress?.done}
        aria-label={`${running.doing}: progress`}
      />
      {progress && (
        <span className="mono">
          {formatCount(progress.done)} of {formatCount(progress.total)} {unit}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={stopping}
        onClick={() => void cancel()}
      >
        {stopping ? 'Stopping…' : 'Cancel'}
      </button>
    </div>
  );
}

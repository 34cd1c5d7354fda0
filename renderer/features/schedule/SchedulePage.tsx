import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { CancelBar } from './CancelBar';
import { ScheduleTable } from './ScheduleTable';
import { useScheduleStore } from './scheduleStore';
import '../../ui/controls.css';
import './SchedulePage.css';

/** Future-dated changes across every bulk change and carrier, by due date, with cancel. */
export function SchedulePage() {
  const { entries, total, error, notice, load, more } = useScheduleStore(
    useShallow((state) => ({
      entries: state.entries,
      total: state.total,
      error: state.error,
      notice: state.notice,
      load: state.load,
      more: state.more,
    })),
  );

  useEffect(() => {
    void load();
  }, [load]);

  const conflicts = entries?.filter((entry) => entry.conflict !== null).length ?? 0;
  return (
    <section className="schedule" aria-labelledby="page-title">
      <div className="schedule__head">
        <h1 id="page-title">Scheduled changes</h1>
        {entries !== null && (
          <span className="schedule__count" role="status">
            {total === 0 ? 'none waiting' : `${formatCount(total)} waiting`}
            {conflicts > 0 && `, ${formatCount(conflicts)} with a conflict`}
          </span>
        )}
        <span className="schedule__spacer" />
        <button type="button" className="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {notice && <p className="schedule__notice">{notice}</p>}
      {entries === null ? (
        !error && <p className="schedule__sub">Reading the schedule…</p>
      ) : entries.length === 0 ? (
        <p className="schedule__empty">
          Nothing is scheduled. A customer rate plan change with a future effective date waits here
          until its day, and can be cancelled here until then.
        </p>
      ) : (
        <>
          <CancelBar />
          <ScheduleTable entries={entries} />
          {entries.length < total && (
            <button type="button" className="button schedule__more" onClick={() => void more()}>
              Show {formatCount(Math.min(200, total - entries.length))} more of{' '}
              {formatCount(total - entries.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}

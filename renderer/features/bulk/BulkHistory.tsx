import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { HistoryFilters } from './HistoryFilters';
import { HISTORY_PAGE, noHistoryFilters, useHistoryStore } from './historyStore';
import { HistoryTable } from './HistoryTable';
import './BulkHistory.css';

/** Every bulk change, newest first, with filters and how each ended; a click opens one. */
export function BulkHistory() {
  const { entries, total, error, loadingMore, filters, load, more, watch } = useHistoryStore(
    useShallow((state) => ({
      entries: state.entries,
      total: state.total,
      error: state.error,
      loadingMore: state.loadingMore,
      filters: state.filters,
      load: state.load,
      more: state.more,
      watch: state.watch,
    })),
  );
  const filtered = JSON.stringify(filters) !== JSON.stringify(noHistoryFilters);

  useEffect(() => {
    watch(true);
    void load();
    return () => watch(false);
  }, [load, watch]);

  const left = entries ? total - entries.length : 0;
  return (
    <section className="bulk-history" aria-labelledby="page-title">
      <div className="bulk-history__title">
        <h1 id="page-title">Bulk changes</h1>
        {entries && (
          <p className="bulk-history__count" role="status">
            {formatCount(total)} {total === 1 ? 'bulk change' : 'bulk changes'}
            {filtered && ' match'}
          </p>
        )}
      </div>
      <HistoryFilters />
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {entries === null ? (
        !error && <p className="bulk-history__empty">Reading bulk changes…</p>
      ) : entries.length === 0 ? (
        <p className="bulk-history__empty">
          {filtered
            ? 'No bulk change matches these filters.'
            : 'No bulk changes yet. Import a customer’s file, or pick devices on the Devices page, to start one.'}
        </p>
      ) : (
        <div className="bulk-history__table">
          <HistoryTable entries={entries} />
          {left > 0 && (
            <button
              type="button"
              className="button bulk-history__more"
              disabled={loadingMore}
              onClick={() => void more()}
            >
              Show {formatCount(Math.min(left, HISTORY_PAGE))} more of {formatCount(left)}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

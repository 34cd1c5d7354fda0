import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useNavigation } from '../../app/navigationStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { BulkActions } from './BulkActions';
import { BulkHeader } from './BulkHeader';
import { useBulkProgressStore } from './bulkProgressStore';
import { useBulkViewStore } from './bulkViewStore';
import { ChangeRowsGrid } from './ChangeRowsGrid';
import { DeviceHistoryPanel } from './DeviceHistoryPanel';
import { useDeviceRowsStore } from './deviceRowsStore';
import { ProgressPanel } from './ProgressPanel';
import { RowsToolbar } from './RowsToolbar';
import './BulkChangeView.css';

/** One bulk change, live: what it is, how far it got, what to do about it, and every device. */
export function BulkChangeView({ bulkChangeId }: { bulkChangeId: number }) {
  const { detail, loadError, error, notice, busy, open, closeView } = useBulkViewStore(
    useShallow((state) => ({
      detail: state.bulkChangeId === bulkChangeId ? state.detail : null,
      loadError: state.bulkChangeId === bulkChangeId ? state.loadError : null,
      error: state.bulkChangeId === bulkChangeId ? state.error : null,
      notice: state.bulkChangeId === bulkChangeId ? state.notice : null,
      busy: state.busy,
      open: state.open,
      closeView: state.close,
    })),
  );
  const model = useBulkProgressStore((state) => state.byId[bulkChangeId]);
  const { total, search, rowsError, selected, reloadRows } = useDeviceRowsStore(
    useShallow((state) => {
      // Until the rows store has moved to this change, what it holds is another change's.
      const current = state.bulkChangeId === bulkChangeId;
      return {
        total: current ? state.total : null,
        search: state.search,
        rowsError: current ? state.error : null,
        selected: current ? state.selected : null,
        reloadRows: state.reload,
      };
    }),
  );
  const close = useNavigation((state) => state.closeBulkChange);
  const gridId = useId();

  useEffect(() => {
    void open(bulkChangeId);
    return closeView;
  }, [bulkChangeId, open, closeView]);

  return (
    <section className="bulk-view" aria-labelledby="page-title">
      <button
        type="button"
        className="button button--small button--quiet bulk-view__back"
        onClick={close}
      >
        ← All bulk changes
      </button>
      {detail ? (
        <BulkHeader detail={detail} model={model} />
      ) : (
        <h1 id="page-title">Bulk change #{bulkChangeId}</h1>
      )}
      {loadError && <ErrorBanner error={loadError} onRetry={() => void open(bulkChangeId)} />}
      {model && <ProgressPanel model={model} detail={detail} />}
      {model && <BulkActions model={model} busy={busy} />}
      {error && <ErrorBanner error={error} />}
      {notice && (
        <p className="bulk-view__notice" role="status">
          {notice}
        </p>
      )}
      {model && <RowsToolbar counts={model.counts} controls={gridId} />}
      {rowsError && <ErrorBanner error={rowsError} onRetry={reloadRows} />}
      <div className="bulk-view__rows">
        {total === 0 ? (
          <p className="change-grid__empty" id={gridId}>
            {search ? `No device here matches “${search}”.` : 'No devices to show here.'}
          </p>
        ) : (
          <ChangeRowsGrid id={gridId} label={`Devices of bulk change #${bulkChangeId}`} />
        )}
        {selected && <DeviceHistoryPanel row={selected} />}
      </div>
    </section>
  );
}

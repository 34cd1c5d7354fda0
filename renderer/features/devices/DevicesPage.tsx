import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { deviceCount } from '../../ui/format';
import { DeviceGrid } from './DeviceGrid';
import { FilterChips } from './FilterChips';
import { FilterPickers } from './FilterPickers';
import { NoDevices } from './NoDevices';
import { PastedListChip } from './PastedListChip';
import { PasteDialog } from './PasteDialog';
import { PasteReport } from './PasteReport';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { useDevicesStore } from './store';
import './DevicesPage.css';

/** The inventory: search, filter, paste a list, select devices and take them on to a change. */
export function DevicesPage() {
  const { total, totalIsStale, error, ensurePages, loadFacets, loadFilterOptions, reload } =
    useDevicesStore(
      useShallow((state) => ({
        total: state.total,
        totalIsStale: state.totalIsStale,
        error: state.error,
        ensurePages: state.ensurePages,
        loadFacets: state.loadFacets,
        loadFilterOptions: state.loadFilterOptions,
        reload: state.reload,
      })),
    );

  useEffect(() => {
    // Core answers in order: the first rows are asked for before the counts behind the filters.
    ensurePages(0, 0);
    void loadFacets();
    void loadFilterOptions();
  }, [ensurePages, loadFacets, loadFilterOptions]);

  return (
    <section className="devices-page" aria-labelledby="page-title">
      <div className="devices-page__title">
        <h1 id="page-title">Devices</h1>
        <p className="devices-page__count" role="status" aria-busy={totalIsStale}>
          {total === null ? 'Counting devices…' : deviceCount(total)}
        </p>
      </div>
      <div className="devices-page__filters">
        <div className="devices-page__find">
          <SearchBox />
          <PasteDialog />
        </div>
        <FilterChips />
      </div>
      <div className="devices-page__filters">
        <FilterPickers />
        <PastedListChip />
      </div>
      <PasteReport />
      {error && <ErrorBanner error={error} onRetry={reload} />}
      {total === 0 && !totalIsStale ? <NoDevices /> : <DeviceGrid />}
      <SelectionBar />
    </section>
  );
}

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { deviceCount } from '../../ui/format';
import { DeviceGrid } from './DeviceGrid';
import { FilterChips } from './FilterChips';
import { NoDevices } from './NoDevices';
import { SearchBox } from './SearchBox';
import { useDevicesStore } from './store';
import './DevicesPage.css';

/** The inventory: search and filter every device in the workspace. */
export function DevicesPage() {
  const { total, totalIsStale, error, loadFacets, reload } = useDevicesStore(
    useShallow((state) => ({
      total: state.total,
      totalIsStale: state.totalIsStale,
      error: state.error,
      loadFacets: state.loadFacets,
      reload: state.reload,
    })),
  );

  useEffect(() => {
    void loadFacets();
  }, [loadFacets]);

  return (
    <section className="devices-page" aria-labelledby="page-title">
      <div className="devices-page__title">
        <h1 id="page-title">Devices</h1>
        <p className="devices-page__count" role="status" aria-busy={totalIsStale}>
          {total === null ? 'Counting devices…' : deviceCount(total)}
        </p>
      </div>
      <div className="devices-page__filters">
        <SearchBox />
        <FilterChips />
      </div>
      {error && <ErrorBanner error={error} onRetry={reload} />}
      {total === 0 && !totalIsStale ? <NoDevices /> : <DeviceGrid />}
    </section>
  );
}

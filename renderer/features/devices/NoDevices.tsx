import { useShallow } from 'zustand/react/shallow';
import { hasFilters, useDevicesStore } from './store';
import './NoDevices.css';

/** What the grid shows instead of rows when nothing matches. */
export function NoDevices() {
  const { filtered, clearFilters } = useDevicesStore(
    useShallow((state) => ({
      filtered: hasFilters(state.filters),
      clearFilters: state.clearFilters,
    })),
  );
  if (!filtered) {
    return (
      <div className="no-devices">
        <p className="no-devices__title">This workspace has no devices yet.</p>
      </div>
    );
  }
  return (
    <div className="no-devices">
      <p className="no-devices__title">No devices match these filters.</p>
      <p>Check the digits you searched for, or turn a filter off.</p>
      <button type="button" className="button button--primary" onClick={clearFilters}>
        Clear filters
      </button>
    </div>
  );
}

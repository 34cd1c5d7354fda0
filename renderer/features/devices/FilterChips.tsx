import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Carrier, carrierLabels } from '../../../shared/domain/carriers';
import { DeviceStatus } from '../../../shared/domain/devices';
import { FilterChip } from './FilterChip';
import { StatusLabel } from './StatusLabel';
import { useDevicesStore } from './store';
import './FilterChips.css';

/** Carrier and status filters, each value with its count in the whole workspace; two groups. */
export function FilterChips() {
  const { facets, filters, toggleCarrier, toggleStatus } = useDevicesStore(
    useShallow((state) => ({
      facets: state.facets,
      filters: state.filters,
      toggleCarrier: state.toggleCarrier,
      toggleStatus: state.toggleStatus,
    })),
  );
  const carrierLabel = useId();
  const statusLabel = useId();
  return (
    <>
      <div className="filter-chips__group" role="group" aria-labelledby={carrierLabel}>
        <span className="filter-chips__label" id={carrierLabel}>
          Carrier
        </span>
        {Carrier.options.map((carrier) => (
          <FilterChip
            key={carrier}
            pressed={filters.carriers.includes(carrier)}
            count={facets?.byCarrier[carrier]}
            onToggle={() => toggleCarrier(carrier)}
          >
            {carrierLabels[carrier]}
          </FilterChip>
        ))}
      </div>
      <div className="filter-chips__group" role="group" aria-labelledby={statusLabel}>
        <span className="filter-chips__label" id={statusLabel}>
          Status
        </span>
        {DeviceStatus.options.map((status) => (
          <FilterChip
            key={status}
            pressed={filters.statuses.includes(status)}
            count={facets?.byStatus[status]}
            onToggle={() => toggleStatus(status)}
          >
            <StatusLabel status={status} />
          </FilterChip>
        ))}
      </div>
    </>
  );
}

import { useShallow } from 'zustand/react/shallow';
import { FilterChip } from './FilterChip';
import { useDevicesStore } from './store';

/** While the grid shows a pasted list: says so, with its count; pressing it shows every device again. */
export function PastedListChip() {
  const { list, filters, setFilters } = useDevicesStore(
    useShallow((state) => ({
      list: state.filters.list,
      filters: state.filters,
      setFilters: state.setFilters,
    })),
  );
  if (!list) return null;
  return (
    <FilterChip
      pressed
      count={list.devices}
      onToggle={() => setFilters({ ...filters, list: null })}
    >
      Pasted list
    </FilterChip>
  );
}

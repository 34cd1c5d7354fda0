import type { ReactNode } from 'react';
import { formatCount } from '../../ui/format';
import './FilterChip.css';

interface Props {
  pressed: boolean;
  /** Devices in the whole workspace with this value; absent until counted. */
  count: number | undefined;
  onToggle: () => void;
  children: ReactNode;
}

/** A filter value the desk turns on and off. */
export function FilterChip({ pressed, count, onToggle, children }: Props) {
  return (
    <button type="button" className="filter-chip" aria-pressed={pressed} onClick={onToggle}>
      <span className="filter-chip__label">{children}</span>{' '}
      {count !== undefined && <span className="filter-chip__count">{formatCount(count)}</span>}
    </button>
  );
}

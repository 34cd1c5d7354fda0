import type { StatusCounts } from './progressModel';
import './StatusBar.css';

/** The finished statuses first, then the rows under way; what is left is the bar's background. */
const segments = [
  { key: 'succeeded', count: (c: StatusCounts) => c.SUCCEEDED },
  { key: 'failed', count: (c: StatusCounts) => c.FAILED },
  { key: 'review', count: (c: StatusCounts) => c.NEEDS_REVIEW },
  { key: 'cancelled', count: (c: StatusCounts) => c.CANCELLED },
  { key: 'sending', count: (c: StatusCounts) => c.IN_FLIGHT + c.AWAITING_CARRIER },
] as const;

/** A bar split by status; the numbers beside it say the same in words for screen readers. */
export function StatusBar({
  counts,
  total,
  size = 'large',
}: {
  counts: StatusCounts;
  total: number;
  size?: 'large' | 'small';
}) {
  return (
    <div className="status-bar" data-size={size} aria-hidden>
      {total > 0 &&
        segments.map(({ key, count }) => {
          const n = count(counts);
          return n === 0 ? null : (
            <span
              key={key}
              className="status-bar__part"
              data-part={key}
              style={{ width: `${(n / total) * 100}%` }}
            />
          );
        })}
    </div>
  );
}

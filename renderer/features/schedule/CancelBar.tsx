import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../ui/format';
import { useScheduleStore } from './scheduleStore';

const changes = (n: number) => `${formatCount(n)} scheduled ${n === 1 ? 'change' : 'changes'}`;

/** How many rows are ticked, and cancelling them after a confirm. */
export function CancelBar() {
  const { count, busy, cancelSelected } = useScheduleStore(
    useShallow((state) => ({
      count: state.selected.size,
      busy: state.busy,
      cancelSelected: state.cancelSelected,
    })),
  );
  const [confirming, setConfirming] = useState(false);
  if (count === 0) return null;
  return (
    <div className="schedule__bar" role="region" aria-label="Selected changes">
      {confirming ? (
        <>
          <span>
            Cancel {changes(count)}? Nothing has been sent for them; they will not run on their
            date.
          </span>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              void cancelSelected();
            }}
          >
            Cancel {count === 1 ? 'it' : 'them'}
          </button>
          <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <>
          <span>{formatCount(count)} selected</span>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Cancel selected
          </button>
        </>
      )}
    </div>
  );
}

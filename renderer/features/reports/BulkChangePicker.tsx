import { useShallow } from 'zustand/react/shallow';
import { formatDateTime } from '../../ui/dateTime';
import { bulkStateLabel } from '../bulk/labels';
import { useChoicesStore } from './choicesStore';

interface Props {
  id: string;
  describedBy: string;
  value: number | null;
  onChange: (bulkChangeId: number | null) => void;
}

/** The newest bulk changes by number, title, state and day; one opened from elsewhere is kept. */
export function BulkChangePicker({ id, describedBy, value, onChange }: Props) {
  const { entries } = useChoicesStore(useShallow((state) => ({ entries: state.bulkChanges })));
  const listed = entries ?? [];
  const missing = value !== null && !listed.some((entry) => entry.id === value);
  return (
    <select
      id={id}
      aria-describedby={describedBy}
      className="control reports__picker"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
    >
      <option value="">
        {entries === null
          ? 'Reading bulk changes…'
          : listed.length === 0
            ? 'No bulk changes yet'
            : 'Choose a bulk change…'}
      </option>
      {missing && <option value={value}>{`Bulk change #${value}`}</option>}
      {listed.map((entry) => (
        <option key={entry.id} value={entry.id}>
          {`#${entry.id} ${entry.title} — ${bulkStateLabel(entry.status, entry.paused)}, ${formatDateTime(entry.createdAt)}`}
        </option>
      ))}
    </select>
  );
}

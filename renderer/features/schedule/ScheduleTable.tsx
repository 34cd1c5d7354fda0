import type { ScheduledChange } from '../../../shared/contract/bulkView';
import { carrierLabels } from '../../../shared/domain/carriers';
import { changeTypeLabels } from '../../../shared/domain/changes';
import { useNavigation } from '../../app/navigationStore';
import { fieldName } from '../import/fieldNames';
import { ModeBadge } from '../settings/ModeBadge';
import { dueWords } from './dueWords';
import { useScheduleStore } from './scheduleStore';

interface Props {
  entries: readonly ScheduledChange[];
}

function Row({ entry, sandbox }: { entry: ScheduledChange; sandbox: boolean }) {
  const openBulkChange = useNavigation((state) => state.openBulkChange);
  const ticked = useScheduleStore((state) => state.selected.has(entry.deviceChangeId));
  const toggle = useScheduleStore((state) => state.toggle);
  const due = dueWords(entry.dueAt);
  const device = entry.iccid ?? `device change ${entry.deviceChangeId}`;
  return (
    <tr data-conflict={entry.conflict !== null || undefined}>
      <td>
        <input
          type="checkbox"
          checked={ticked}
          aria-label={`Select ${device}, due ${due.when}`}
          onChange={() => toggle(entry.deviceChangeId)}
        />
      </td>
      <td>
        {due.when}
        <span className="schedule__sub">{due.away}</span>
      </td>
      <td>
        <button
          type="button"
          className="schedule__link"
          onClick={() => openBulkChange(entry.bulkChangeId)}
        >
          #{entry.bulkChangeId} {entry.bulkTitle}
        </button>
        <span className="schedule__sub">{changeTypeLabels[entry.changeType]}</span>
      </td>
      <th scope="row" className="mono">
        {device}
      </th>
      <td>
        {entry.carrier ? carrierLabels[entry.carrier] : '—'}{' '}
        {sandbox && <ModeBadge mode="sandbox" />}
      </td>
      <td>
        <ul className="schedule__changes">
          {entry.changes.map((change) => (
            <li key={change.field}>
              <span className="schedule__field">{fieldName(change.field)}</span>{' '}
              {change.from ?? 'none'} → <strong>{change.to ?? 'none'}</strong>
            </li>
          ))}
        </ul>
      </td>
      <td>
        {entry.conflict && (
          <span className="schedule__conflict">
            <strong>Conflict:</strong> {entry.conflict}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The waiting changes, soonest first, each with its bulk change, device and what it will do. */
export function ScheduleTable({ entries }: Props) {
  const allTicked = useScheduleStore(
    (state) => entries.length > 0 && entries.every((e) => state.selected.has(e.deviceChangeId)),
  );
  const toggleAll = useScheduleStore((state) => state.toggleAll);
  return (
    <table className="table schedule__table" aria-labelledby="page-title">
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              checked={allTicked}
              aria-label="Select every listed change"
              onChange={toggleAll}
            />
          </th>
          <th scope="col">Due</th>
          <th scope="col">Bulk change</th>
          <th scope="col">Device (ICCID)</th>
          <th scope="col">Carrier</th>
          <th scope="col">What changes</th>
          <th scope="col">Conflict</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <Row key={entry.deviceChangeId} entry={entry} sandbox={entry.sandbox} />
        ))}
      </tbody>
    </table>
  );
}

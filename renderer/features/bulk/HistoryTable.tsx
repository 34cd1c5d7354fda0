import type { BulkHistoryEntry } from '../../../shared/contract/bulkView';
import { carrierLabels } from '../../../shared/domain/carriers';
import { changeTypeLabels } from '../../../shared/domain/changes';
import { useNavigation } from '../../app/navigationStore';
import { formatDateTime } from '../../ui/dateTime';
import { formatCount } from '../../ui/format';
import { bulkStateLabel } from './labels';
import { outcomeText } from './progressText';
import { StatusBar } from './StatusBar';

function Row({ entry, sandbox }: { entry: BulkHistoryEntry; sandbox: boolean }) {
  const openBulkChange = useNavigation((state) => state.openBulkChange);
  const under = entry.counts.PENDING + entry.counts.IN_FLIGHT + entry.counts.AWAITING_CARRIER;
  return (
    <tr onClick={() => openBulkChange(entry.id)}>
      <td className="num mono">#{entry.id}</td>
      <th scope="row" className="history-table__title">
        <button
          type="button"
          className="history-table__open"
          onClick={(event) => {
            event.stopPropagation();
            openBulkChange(entry.id);
          }}
        >
          {entry.title}
        </button>
        <span className="history-table__sub">
          {changeTypeLabels[entry.changeType]}
          {entry.sourceName && ` · ${entry.sourceName}`}
        </span>
      </th>
      <td>
        <span className="bulk-state" data-status={entry.paused ? 'PAUSED' : entry.status}>
          {bulkStateLabel(entry.status, entry.paused)}
        </span>
      </td>
      <td>
        {entry.carriers.length === 0
          ? 'In the console'
          : entry.carriers.map((carrier) => carrierLabels[carrier]).join(', ')}
        {sandbox && <span className="sandbox-badge">Sandbox</span>}
      </td>
      <td>{entry.createdBy}</td>
      <td>{formatDateTime(entry.createdAt)}</td>
      <td className="num">{formatCount(entry.total)}</td>
      <td className="history-table__result">
        <StatusBar counts={entry.counts} total={entry.total} size="small" />
        <span>
          {outcomeText(entry.counts)}
          {under > 0 && `, ${formatCount(under)} to go`}
        </span>
      </td>
    </tr>
  );
}

/** Bulk changes, newest first; a click opens one. */
export function HistoryTable({ entries }: { entries: readonly BulkHistoryEntry[] }) {
  return (
    <table className="table history-table" aria-label="Bulk changes">
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Bulk change</th>
          <th scope="col">Status</th>
          <th scope="col">Carriers</th>
          <th scope="col">By</th>
          <th scope="col">Created</th>
          <th scope="col" className="num">
            Devices
          </th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <Row key={entry.id} entry={entry} sandbox={entry.sandbox} />
        ))}
      </tbody>
    </table>
  );
}

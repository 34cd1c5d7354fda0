import type { ReconciliationSummary } from '../../../shared/contract/reports';
import { formatDateTime } from '../../ui/dateTime';
import { formatCount } from '../../ui/format';

const states: Record<ReconciliationSummary['state'], string> = {
  running: 'Running',
  complete: 'Complete',
  cancelled: 'Stopped part way',
};

interface Props {
  runs: readonly ReconciliationSummary[];
  /** The run on screen, if any. */
  shown: number | null;
  onShow: (run: ReconciliationSummary) => void;
}

/** Runs of one bulk change, newest first: when, how far, and what they found so far. */
export function RunsTable({ runs, shown, onShow }: Props) {
  return (
    <table className="table reports__runs">
      <caption>Earlier runs</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Run</th>
          <th scope="col" className="num">
            Devices
          </th>
          <th scope="col" className="num">
            Matching
          </th>
          <th scope="col" className="num">
            Differences
          </th>
          <th scope="col" className="num">
            Not checked
          </th>
          <th scope="col">
            <span className="visually-hidden">Report</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.reconciliationId}>
            <td>{formatDateTime(run.startedAt)}</td>
            <td>{states[run.state]}</td>
            <td className="num">{formatCount(run.devices)}</td>
            <td className="num">{formatCount(run.matching)}</td>
            <td className="num" data-differences={run.differences > 0}>
              {formatCount(run.differences)}
            </td>
            <td className="num">{formatCount(run.notChecked)}</td>
            <td>
              <button
                type="button"
                className="button button--small"
                aria-pressed={shown === run.reconciliationId}
                aria-label={`Show the run of ${formatDateTime(run.startedAt)}`}
                onClick={() => onShow(run)}
              >
                Show
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

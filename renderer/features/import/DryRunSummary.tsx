import type { ImportCheck } from '../../../shared/contract/imports';
import { carrierLabels } from '../../../shared/domain/carriers';
import { aboutDuration } from '../../ui/duration';
import { deviceCount, formatCount } from '../../ui/format';
import './DryRunSummary.css';

const rows = (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/** What the change will do: rows ready or refused, per carrier, the bulk changes and the calls. */
export function DryRunSummary({ check }: { check: ImportCheck }) {
  return (
    <div className="dry-run">
      <div className="dry-run__counts" role="status" aria-label="Result of the check">
        <Count value={check.ok} label="ready" tone="ok" />
        <Count value={check.warnings} label="with warnings" tone="warning" />
        <Count value={check.errors} label="with errors" tone="error" />
        <p className="dry-run__total">of {rows(check.total)}</p>
      </div>
      <div className="dry-run__tables">
        <table className="table">
          <caption>By carrier</caption>
          <thead>
            <tr>
              <th scope="col">Carrier</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Ready
              </th>
              <th scope="col" className="num">
                Warnings
              </th>
              <th scope="col" className="num">
                Errors
              </th>
            </tr>
          </thead>
          <tbody>
            {check.byCarrier.map((line) => (
              <tr key={line.carrier ?? 'none'}>
                <th scope="row">
                  {line.carrier ? carrierLabels[line.carrier] : 'Device not found'}
                </th>
                <td className="num">{formatCount(line.rows)}</td>
                <td className="num">{formatCount(line.ok)}</td>
                <td className="num">{formatCount(line.warnings)}</td>
                <td className="num">{formatCount(line.errors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>Carrier calls</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                Devices
              </th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col">Takes</th>
            </tr>
          </thead>
          <tbody>
            {check.lanes.length === 0 && (
              <tr>
                <td colSpan={4} className="dry-run__muted">
                  {check.ok + check.warnings === 0
                    ? 'None: no row is ready.'
                    : 'None: this change is made in the console only.'}
                </td>
              </tr>
            )}
            {check.lanes.map((lane) => (
              <tr key={lane.accountName}>
                <th scope="row">{lane.accountName}</th>
                <td className="num">{formatCount(lane.devices)}</td>
                <td className="num">{formatCount(lane.calls)}</td>
                <td>{aboutDuration(lane.estimatedSeconds)}</td>
              </tr>
            ))}
          </tbody>
          {check.lanes.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  All together (accounts run side by side)
                </th>
                <td>{aboutDuration(check.estimatedSeconds)}</td>
              </tr>
            </tfoot>
          )}
        </table>
        <div className="dry-run__lists">
          <h3 className="dry-run__caption">
            {check.groups.length > 1
              ? `The ${check.groups.length} bulk changes it makes`
              : 'The bulk change it makes'}
          </h3>
          {check.groups.length === 0 ? (
            <p className="field__hint">None: no row is ready.</p>
          ) : (
            <ul className="dry-run__list">
              {check.groups.map((group, index) => (
                <li key={index}>
                  {group.label}{' '}
                  <span className="dry-run__muted">— {deviceCount(group.devices)}</span>
                </li>
              ))}
            </ul>
          )}
          {check.commonProblems.length > 0 && (
            <>
              <h3 className="dry-run__caption">Most common problems</h3>
              <ul className="dry-run__list">
                {check.commonProblems.map((problem) => (
                  <li key={problem.message}>
                    <span className="dry-run__rows">{rows(problem.rows)}</span>: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function Count({ value, label, tone }: { value: number; label: string; tone: string }) {
  return (
    <p className="dry-run__count" data-tone={tone} data-zero={value === 0 || undefined}>
      <span className="dry-run__number">{formatCount(value)}</span> {label}
    </p>
  );
}

import type { BulkDetail } from '../../../shared/contract/bulkView';
import { formatCount } from '../../ui/format';
import { laneRows, type LaneRow } from './laneRows';
import type { ProgressModel } from './progressModel';
import { doneText, etaText, phaseOf, rateText, type Phase } from './progressText';
import { StatusBar } from './StatusBar';
import './ProgressPanel.css';

const phaseWords: Record<Phase, string> = {
  draft: 'Draft: not submitted yet',
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting on the carriers',
  paused: 'Paused',
  finished: 'Finished',
};

const legend = [
  { part: 'succeeded', label: 'done', count: (m: ProgressModel) => m.counts.SUCCEEDED },
  { part: 'failed', label: 'failed', count: (m: ProgressModel) => m.counts.FAILED },
  { part: 'review', label: 'to review', count: (m: ProgressModel) => m.counts.NEEDS_REVIEW },
  { part: 'cancelled', label: 'cancelled', count: (m: ProgressModel) => m.counts.CANCELLED },
  {
    part: 'sending',
    label: 'at the carrier',
    count: (m: ProgressModel) => m.counts.IN_FLIGHT + m.counts.AWAITING_CARRIER,
  },
  { part: 'waiting', label: 'not sent yet', count: (m: ProgressModel) => m.counts.PENDING },
];

function laneState(lane: LaneRow, phase: Phase): string {
  if (lane.state !== 'finished' && phase === 'paused') return 'Paused';
  if (lane.state !== 'finished' && phase === 'draft') return 'Not submitted';
  switch (lane.state) {
    case 'finished':
      return 'Finished';
    case 'waiting':
      return lane.reason ? `Waiting: ${lane.reason}` : 'Waiting for the carrier';
    case 'running':
      return 'Sending';
    case 'idle':
      return 'Up next';
  }
}

const optional = (n: number | null) => (n === null ? '—' : formatCount(n));

/** Counts per status and per carrier, the rate, the time left, and why any carrier is waiting. */
export function ProgressPanel({
  model,
  detail,
}: {
  model: ProgressModel;
  detail: BulkDetail | null;
}) {
  const phase = phaseOf(model);
  const facts = [doneText(model), rateText(model), etaText(model)].filter(Boolean);
  const lanes = laneRows(model, detail);
  return (
    <section className="progress-panel" aria-label="Progress">
      <p className="progress-panel__line" role="status" aria-label="Progress of the bulk change">
        <span className="progress-panel__phase" data-phase={phase}>
          {phaseWords[phase]}
        </span>
        <span className="progress-panel__facts">{facts.join(' · ')}</span>
      </p>
      <StatusBar counts={model.counts} total={model.total} />
      <ul className="progress-panel__legend" aria-label="Devices by status">
        {legend.map(({ part, label, count }) => (
          <li key={part} data-zero={count(model) === 0 || undefined}>
            <span className="status-dot" data-part={part} aria-hidden />
            <span className="progress-panel__count">{formatCount(count(model))}</span> {label}
          </li>
        ))}
      </ul>
      {lanes.length > 0 && (
        <table className="table progress-panel__lanes" aria-label="Progress per carrier">
          <thead>
            <tr>
              <th scope="col">Carrier</th>
              <th scope="col" className="num">
                Done
              </th>
              <th scope="col">
                <span className="visually-hidden">Share done</span>
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                To review
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {lanes.map((lane) => (
              <tr key={lane.key}>
                <th scope="row">{lane.name}</th>
                <td className="num">
                  {formatCount(lane.done)} / {formatCount(lane.total)}
                </td>
                <td>
                  <progress
                    className="progress-panel__lane-bar"
                    max={Math.max(1, lane.total)}
                    value={lane.done}
                    aria-hidden
                  />
                </td>
                <td className="num">{optional(lane.failed)}</td>
                <td className="num">{optional(lane.review)}</td>
                <td className="progress-panel__state" data-state={lane.state}>
                  {laneState(lane, phase)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { isFinalBulkStatus } from '../../../shared/domain/changes';
import { aboutDuration } from '../../ui/duration';
import { formatCount } from '../../ui/format';
import { laneLabel } from './labels';
import type { LaneProgress, ProgressModel, StatusCounts } from './progressModel';

// The progress model in the desk's words: what the change is doing, how far, how fast, how long.

export type Phase = 'draft' | 'queued' | 'running' | 'waiting' | 'paused' | 'finished';

/** What the bulk change is doing, for the words and colour of the progress line. */
export function phaseOf(model: ProgressModel): Phase {
  if (isFinalBulkStatus(model.status)) return 'finished';
  if (model.status === 'DRAFT') return 'draft';
  if (model.paused) return 'paused';
  const open = model.lanes.filter((lane) => lane.done < lane.total);
  if (open.length > 0 && open.every((lane) => lane.state === 'waiting')) return 'waiting';
  return model.status === 'QUEUED' && model.done === 0 ? 'queued' : 'running';
}

/** `1,204 of 3,000 devices done`. */
export const doneText = ({ done, total }: ProgressModel): string =>
  `${formatCount(done)} of ${formatCount(total)} ${total === 1 ? 'device' : 'devices'} done`;

/** `42 a second`, or null when there is no rate to show. */
export function rateText(model: ProgressModel): string | null {
  if (model.ratePerSecond === null) return null;
  const rate = model.ratePerSecond;
  const shown = rate >= 10 ? formatCount(Math.round(rate)) : rate.toFixed(1);
  return `${shown} a second`;
}

/**
 * `about 3 min left`; while a carrier waits, that the time left depends on it; while running
 * without a rate yet, that the time left is being worked out.
 */
export function etaText(model: ProgressModel): string | null {
  const phase = phaseOf(model);
  if (phase !== 'running') return null;
  const [waiting, ...others] = waitingLanes(model);
  if (waiting)
    return others.length > 0
      ? 'time left depends on the carriers that are waiting'
      : `time left depends on ${laneLabel(waiting.carrier)}`;
  if (model.etaSeconds === null) return 'working out the time left';
  return `${aboutDuration(model.etaSeconds)} left`;
}

/** The lanes held up on their carrier with work left; each says why in `reason`. */
export const waitingLanes = (model: ProgressModel): LaneProgress[] =>
  model.lanes.filter((lane) => lane.state === 'waiting' && lane.done < lane.total);

/** How a finished bulk change ended, in one line: `2,980 succeeded, 20 failed`. */
export function outcomeText(counts: StatusCounts): string {
  const parts: string[] = [`${formatCount(counts.SUCCEEDED)} succeeded`];
  if (counts.FAILED > 0) parts.push(`${formatCount(counts.FAILED)} failed`);
  if (counts.NEEDS_REVIEW > 0) parts.push(`${formatCount(counts.NEEDS_REVIEW)} to review`);
  if (counts.CANCELLED > 0) parts.push(`${formatCount(counts.CANCELLED)} cancelled`);
  return parts.join(', ');
}

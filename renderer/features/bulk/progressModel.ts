import type { BulkProgress, BulkSummary } from '../../../shared/contract/bulk';
import type { BulkDetail } from '../../../shared/contract/bulkView';
import type { BulkStatus, DeviceChangeStatus } from '../../../shared/domain/changes';

export type StatusCounts = Readonly<Record<DeviceChangeStatus, number>>;

/** One carrier's part of the progress; `carrier` is `local` for changes made only in the console. */
export interface LaneProgress {
  /** The lane's carrier account (absent in streams recorded before core named it). */
  accountId?: number | null;
  carrier: string;
  done: number;
  total: number;
  state: 'running' | 'idle' | 'waiting';
  /** Why a waiting lane waits, in the desk's words. */
  reason: string | null;
}

/** A lane's pace: its smoothed rate, since when it is measured, and the report the next rate is measured from. */
export interface Pace {
  rate: number | null;
  since: number;
  at: number;
  done: number;
}

/** Where a bulk change stands, as the view shows it: counts, lanes, a smoothed rate and ETA. */
export interface ProgressModel {
  bulkChangeId: number;
  status: BulkStatus;
  paused: boolean;
  counts: StatusCounts;
  done: number;
  total: number;
  lanes: readonly LaneProgress[];
  /** Devices finished per second by the lanes still working; null while not running or not known yet. */
  ratePerSecond: number | null;
  /** Until the slowest lane is through; null while not running or not known yet. */
  etaSeconds: number | null;
  /** Each lane's pace, by `carrier#n` (the n-th lane of that carrier). */
  paces: Readonly<Record<string, Pace>>;
}

/** How long a lane's rate remembers: a burst or a stall moves it over a few seconds, not at once. */
const SMOOTHING_SECONDS = 4;
/** Reports closer together than this are too short a window to measure a rate over. */
const MIN_SAMPLE_SECONDS = 0.2;
/** Below this a lane's ETA would be hours guessed from a trickle: the time left is not known. */
const MIN_RATE = 0.01;
/**
 * A lane's own rate is trusted for the ETA once measured this long; before, core's overall rate
 * stands in (an asynchronous carrier's first answers trickle in and would make hours of it).
 */
const TRUSTED_AFTER_MS = 3_000;

const doneOf = (c: StatusCounts) => c.SUCCEEDED + c.FAILED + c.NEEDS_REVIEW + c.CANCELLED;
const totalOf = (c: StatusCounts) => doneOf(c) + c.PENDING + c.IN_FLIGHT + c.AWAITING_CARRIER;
const running = (status: BulkStatus, paused: boolean) =>
  !paused && (status === 'QUEUED' || status === 'PROCESSING');

/** Queued or processing and not paused: its events keep coming, with its rate. */
export const isRunning = (model: ProgressModel): boolean => running(model.status, model.paused);

/** Lanes by `carrier#n`: events name only the carrier, and keep their lanes in one order. */
function laneKeys(lanes: readonly LaneProgress[]): string[] {
  const seen = new Map<string, number>();
  return lanes.map((lane) => {
    const n = seen.get(lane.carrier) ?? 0;
    seen.set(lane.carrier, n + 1);
    return `${lane.carrier}#${n}`;
  });
}

const freshPaces = (lanes: readonly LaneProgress[], at: number): Record<string, Pace> =>
  Object.fromEntries(
    laneKeys(lanes).map((key, i) => [key, { rate: null, since: at, at, done: lanes[i]!.done }]),
  );

/** The starting point before any progress event: a bulk change's counts as core last read them. */
export function progressFromSummary(summary: BulkSummary | BulkDetail, at: number): ProgressModel {
  const lanes: LaneProgress[] =
    'lanes' in summary
      ? summary.lanes.map((lane) => ({
          accountId: lane.accountId,
          carrier: lane.carrier,
          done: doneOf(lane.counts),
          total: totalOf(lane.counts),
          state: 'idle',
          reason: null,
        }))
      : [];
  return {
    bulkChangeId: summary.id,
    status: summary.status,
    paused: summary.paused,
    counts: summary.counts,
    done: doneOf(summary.counts),
    total: totalOf(summary.counts),
    lanes,
    ratePerSecond: null,
    etaSeconds: null,
    paces: freshPaces(lanes, at),
  };
}

/**
 * A lane's pace after a report: a time-weighted moving average of what it finished since. Its
 * first rate waits for its first finished rows (an asynchronous carrier answers seconds after
 * the calls), and a waiting lane starts over: its stall says nothing of its pace once back.
 */
function nextPace(previous: Pace | undefined, lane: LaneProgress, at: number): Pace {
  const { done } = lane;
  if (!previous || done < previous.done || lane.state === 'waiting')
    return { rate: null, since: at, at, done };
  const seconds = (at - previous.at) / 1000;
  if (seconds < MIN_SAMPLE_SECONDS) return previous;
  if (previous.rate === null && done === previous.done) return previous;
  const measured = (done - previous.done) / seconds;
  const weight = 1 - Math.exp(-seconds / SMOOTHING_SECONDS);
  const rate =
    previous.rate === null ? measured : previous.rate + weight * (measured - previous.rate);
  return { rate, since: previous.since, at, done };
}

/**
 * Takes one `bulk:progress` report that arrived at `at` (ms). Each lane's rate is smoothed over
 * a few seconds, so the ETA neither jumps with each batch nor hides a stall; lanes run side by
 * side, so the time left is the slowest lane's. Until every working lane has a rate, core's
 * overall rate stands in. A pause, an end or a retry (rows put back) starts the measuring over.
 */
export function advance(
  previous: ProgressModel | undefined,
  event: BulkProgress,
  at: number,
): ProgressModel {
  const base = {
    bulkChangeId: event.bulkChangeId,
    status: event.status,
    paused: event.paused,
    counts: event.counts,
    done: event.done,
    total: event.total,
    lanes: event.lanes,
  };
  const prior =
    previous?.bulkChangeId === event.bulkChangeId && isRunning(previous) ? previous : undefined;
  if (!running(event.status, event.paused) || !prior)
    return {
      ...base,
      ratePerSecond: running(event.status, event.paused) ? positive(event.ratePerSecond) : null,
      etaSeconds: running(event.status, event.paused) ? event.etaSeconds : null,
      paces: freshPaces(event.lanes, at),
    };
  const keys = laneKeys(event.lanes);
  const paces = Object.fromEntries(
    keys.map((key, i) => [key, nextPace(prior.paces[key], event.lanes[i]!, at)]),
  );
  const open = keys
    .map((key, i) => ({ lane: event.lanes[i]!, pace: paces[key]! }))
    .filter(({ lane }) => lane.done < lane.total);
  // A lane waiting on its carrier may wait a minute or an hour: no honest ETA until it is back.
  if (open.some(({ lane }) => lane.state === 'waiting')) {
    const rate = open.reduce((sum, { pace }) => sum + (pace.rate ?? 0), 0);
    return { ...base, ratePerSecond: rate, etaSeconds: null, paces };
  }
  const measured = open.every(
    ({ pace }) => pace.rate !== null && at - pace.since >= TRUSTED_AFTER_MS,
  );
  if (!measured || open.length === 0) {
    const rate = positive(event.ratePerSecond);
    return {
      ...base,
      ratePerSecond: rate,
      etaSeconds: etaOf(rate, event.total - event.done),
      paces,
    };
  }
  const rate = open.reduce((sum, { pace }) => sum + pace.rate!, 0);
  const lanesLeft = open.map(({ lane, pace }) => etaOf(pace.rate, lane.total - lane.done));
  const etaSeconds = lanesLeft.includes(null) ? null : Math.max(...(lanesLeft as number[]));
  return { ...base, ratePerSecond: rate, etaSeconds, paces };
}

const positive = (rate: number): number | null => (rate > 0 ? rate : null);

function etaOf(rate: number | null, remaining: number): number | null {
  if (remaining <= 0) return 0;
  return rate === null || rate < MIN_RATE ? null : remaining / rate;
}

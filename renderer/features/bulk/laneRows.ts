import type { BulkDetail } from '../../../shared/contract/bulkView';
import { accountLabel, laneLabel } from './labels';
import type { LaneProgress, ProgressModel } from './progressModel';

/** One line of the per-carrier table: an account of the change, or the console's own lane. */
export interface LaneRow {
  key: string;
  /** The account as the desk knows it, or the carrier for a lane the header does not list. */
  name: string;
  done: number;
  total: number;
  /** From the last read of the header; null for a lane the header does not list. */
  failed: number | null;
  review: number | null;
  state: LaneProgress['state'] | 'finished';
  reason: string | null;
}

/**
 * The header's accounts (names, sandbox, counts per status) with the live lanes laid over them:
 * a live lane's done/total and state are newer than the header's last read, matched by account.
 */
export function laneRows(model: ProgressModel, detail: BulkDetail | null): LaneRow[] {
  const live = [...model.lanes];
  const take = (accountId: number, carrier: string) => {
    // Core names each lane's account; recorded streams from before that only name the carrier.
    let at = live.findIndex((lane) => lane.accountId === accountId);
    if (at < 0) at = live.findIndex((lane) => lane.accountId == null && lane.carrier === carrier);
    return at < 0 ? undefined : live.splice(at, 1)[0];
  };
  const rows: LaneRow[] = (detail?.lanes ?? []).map((account) => {
    const lane = take(account.accountId, account.carrier);
    const c = account.counts;
    const done = lane?.done ?? c.SUCCEEDED + c.FAILED + c.NEEDS_REVIEW + c.CANCELLED;
    const total = lane?.total ?? done + c.PENDING + c.IN_FLIGHT + c.AWAITING_CARRIER;
    return {
      key: `account-${account.accountId}`,
      name: accountLabel(account.carrier, account.accountName),
      done,
      total,
      failed: c.FAILED,
      review: c.NEEDS_REVIEW,
      state: done >= total ? 'finished' : (lane?.state ?? 'idle'),
      reason: lane?.reason ?? null,
    };
  });
  live.forEach((lane, index) =>
    rows.push({
      key: `lane-${lane.carrier}-${index}`,
      name: laneLabel(lane.carrier),
      done: lane.done,
      total: lane.total,
      failed: null,
      review: null,
      state: lane.done >= lane.total ? 'finished' : lane.state,
      reason: lane.reason,
    }),
  );
  return rows;
}

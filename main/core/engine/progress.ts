import type { Carrier } from '../../../shared/domain/carriers';
import type { BulkProgress } from '../../../shared/contract/bulk';
import type { Db } from '../store/open';
import { statusCounts } from './bulkChanges';
import type { LaneState } from './lane';
import { cached } from '../store/statements';

interface Pace {
  startedAt: number;
  doneAtStart: number;
}

/** Counts per status and per carrier, the real rate since this engine began on it, and an ETA. */
export class ProgressTracker {
  private readonly pace = new Map<number, Pace>();
  private readonly lastSent = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 250,
  ) {}

  /** The progress of a bulk change, or undefined if one was sent too recently (unless `force`). */
  next(bulkId: number, lanes: LaneState[], force = false): BulkProgress | undefined {
    const now = Date.now();
    if (!force && now - (this.lastSent.get(bulkId) ?? 0) < this.intervalMs) return undefined;
    this.lastSent.set(bulkId, now);
    return this.snapshot(bulkId, lanes, now);
  }

  snapshot(bulkId: number, lanes: LaneState[], now = Date.now()): BulkProgress {
    const counts = statusCounts(this.db, bulkId);
    const done = counts.SUCCEEDED + counts.FAILED + counts.NEEDS_REVIEW + counts.CANCELLED;
    const total = done + counts.PENDING + counts.IN_FLIGHT + counts.AWAITING_CARRIER;
    const pace = this.pace.get(bulkId) ?? { startedAt: now, doneAtStart: done };
    this.pace.set(bulkId, pace);
    const seconds = (now - pace.startedAt) / 1000;
    const rate = seconds > 0.5 ? (done - pace.doneAtStart) / seconds : 0;
    const bulk = cached(this.db, 'SELECT status, paused FROM bulk_changes WHERE id = ?').get(
      bulkId,
    ) as { status: BulkProgress['status']; paused: number };
    const byCarrier = cached(
      this.db,
      `SELECT coalesce(a.carrier, 'local') AS carrier, a.id AS accountId, sum(dc.status IN ('SUCCEEDED', 'FAILED', 'NEEDS_REVIEW', 'CANCELLED')) AS done, count(*) AS total
         FROM device_changes dc LEFT JOIN carrier_accounts a ON a.id = dc.lane_account_id WHERE dc.bulk_change_id = ? GROUP BY dc.lane_account_id`,
    ).all(bulkId) as {
      carrier: Carrier | 'local';
      accountId: number | null;
      done: number;
      total: number;
    }[];
    return {
      bulkChangeId: bulkId,
      status: bulk.status,
      paused: bulk.paused === 1,
      counts,
      done,
      total,
      ratePerSecond: Math.round(rate * 100) / 100,
      etaSeconds: rate > 0 ? Math.ceil((total - done) / rate) : null,
      lanes: byCarrier.map((row) => {
        const lane = lanes.find((l) => l.accountId === row.accountId);
        return {
          accountId: row.accountId,
          carrier: row.carrier,
          done: row.done,
          total: row.total,
          state: lane?.state ?? 'idle',
          reason: lane?.reason ?? null,
        };
      }),
    };
  }
}

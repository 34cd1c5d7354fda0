import type { BulkProgress } from '../../shared/contract/bulk';
import { isFinalBulkStatus } from '../../shared/domain/changes';

/** What the taskbar (Windows) or dock (macOS) shows: a fraction, or nothing (-1). */
export interface TaskbarProgress {
  progress: number;
  mode: 'none' | 'normal' | 'paused' | 'error';
}

/**
 * The bulk changes running in this session, from core's progress events. Only a change seen
 * running counts: a queued one may be waiting days for its date, and a final event for an old
 * change (a review resolved today) is no news.
 */
export class BulkTally {
  private readonly running = new Map<number, BulkProgress>();

  /** Takes one progress event; answers the change's id when it just reached a final status. */
  take(progress: BulkProgress): number | undefined {
    const id = progress.bulkChangeId;
    if (isFinalBulkStatus(progress.status)) {
      const wasRunning = this.running.delete(id);
      return wasRunning ? id : undefined;
    }
    if (progress.status === 'PROCESSING') this.running.set(id, progress);
    else this.running.delete(id);
    return undefined;
  }

  /** All running changes as one bar: red once any device failed, paused when none can move. */
  taskbar(): TaskbarProgress {
    const all = [...this.running.values()];
    if (all.length === 0) return { progress: -1, mode: 'none' };
    const total = all.reduce((sum, p) => sum + p.total, 0);
    const done = all.reduce((sum, p) => sum + p.done, 0);
    const failed = all.some((p) => p.counts.FAILED + p.counts.NEEDS_REVIEW > 0);
    const stuck = all.every((p) => p.paused || p.lanes.some((lane) => lane.state === 'waiting'));
    return {
      progress: total > 0 ? done / total : 0,
      mode: failed ? 'error' : stuck ? 'paused' : 'normal',
    };
  }
}

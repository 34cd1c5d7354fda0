import { emptyStatusCounts } from '../../../shared/domain/changes';
import { describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../../shared/contract/bulk';
import { BulkTally } from '../../../main/shell/bulkTally';

const noCounts = emptyStatusCounts();

function progress(
  bulkChangeId: number,
  status: BulkProgress['status'],
  done: number,
  total: number,
  more: Partial<BulkProgress> = {},
): BulkProgress {
  return {
    bulkChangeId,
    status,
    paused: false,
    counts: { ...noCounts, SUCCEEDED: done, PENDING: total - done },
    done,
    total,
    ratePerSecond: 1,
    etaSeconds: null,
    lanes: [{ carrier: 'jasper', done, total, state: 'running', reason: null }],
    ...more,
  };
}

describe('the taskbar tally of running bulk changes', () => {
  it('shows nothing until a change is running, then all running changes as one bar', () => {
    const tally = new BulkTally();
    expect(tally.taskbar()).toEqual({ progress: -1, mode: 'none' });
    tally.take(progress(1, 'QUEUED', 0, 100));
    expect(tally.taskbar()).toEqual({ progress: -1, mode: 'none' });
    tally.take(progress(1, 'PROCESSING', 30, 100));
    tally.take(progress(2, 'PROCESSING', 10, 300));
    expect(tally.taskbar()).toEqual({ progress: 0.1, mode: 'normal' });
    tally.take(progress(1, 'PROCESSING', 90, 100));
    expect(tally.taskbar().progress).toBeCloseTo(0.25);
  });

  it('turns red once any device failed or needs review, and yellow when nothing can move', () => {
    const tally = new BulkTally();
    tally.take(progress(1, 'PROCESSING', 5, 10, { paused: true }));
    expect(tally.taskbar().mode).toBe('paused');
    tally.take(
      progress(2, 'PROCESSING', 1, 10, {
        lanes: [{ carrier: 'pond', done: 1, total: 10, state: 'waiting', reason: 'unreachable' }],
      }),
    );
    expect(tally.taskbar().mode).toBe('paused');
    tally.take(progress(3, 'PROCESSING', 1, 10));
    expect(tally.taskbar().mode).toBe('normal');
    tally.take({ ...progress(3, 'PROCESSING', 2, 10), counts: { ...noCounts, NEEDS_REVIEW: 1 } });
    expect(tally.taskbar().mode).toBe('error');
  });

  it('announces a change that ends once, and only if it was seen running', () => {
    const tally = new BulkTally();
    tally.take(progress(1, 'PROCESSING', 1, 2));
    expect(tally.take(progress(1, 'PARTIAL', 2, 2))).toBe(1);
    expect(tally.take(progress(1, 'PARTIAL', 2, 2))).toBeUndefined();
    // A review resolved today on a change that ended last week is no news.
    expect(tally.take(progress(7, 'PROCESSED', 2, 2))).toBeUndefined();
    // Future-dated rows keep a change queued for days: not running, not on the taskbar.
    tally.take(progress(8, 'QUEUED', 0, 50));
    expect(tally.take(progress(8, 'CANCELLED', 50, 50))).toBeUndefined();
    expect(tally.taskbar()).toEqual({ progress: -1, mode: 'none' });
  });
});

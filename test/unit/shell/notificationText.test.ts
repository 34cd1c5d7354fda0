import { emptyStatusCounts } from '../../../shared/domain/changes';
import { describe, expect, it } from 'vitest';
import type { BulkSummary } from '../../../shared/contract/bulk';
import { finishedNotice } from '../../../main/shell/notificationText';

function summary(
  status: BulkSummary['status'],
  counts: Partial<BulkSummary['counts']>,
): BulkSummary {
  return {
    id: 12,
    title: 'Suspend Acme spares',
    changeType: 'statusUpdate',
    status,
    paused: false,
    createdBy: 'desk',
    createdAt: '2026-03-01T09:00:00Z',
    completedAt: '2026-03-01T09:05:00Z',
    counts: { ...emptyStatusCounts(), ...counts },
  };
}

describe('the notice when a bulk change ends', () => {
  it('names the change and counts what happened, for each final status', () => {
    expect(finishedNotice(summary('PROCESSED', { SUCCEEDED: 480 }))).toEqual({
      title: 'Bulk change finished',
      body: '#12 “Suspend Acme spares”: 480 devices changed.',
    });
    expect(
      finishedNotice(summary('PARTIAL', { SUCCEEDED: 470, FAILED: 8, NEEDS_REVIEW: 2 })),
    ).toEqual({
      title: 'Bulk change finished with problems',
      body: '#12 “Suspend Acme spares”: 470 devices changed, 8 failed, 2 need review.',
    });
    expect(finishedNotice(summary('ERROR', { FAILED: 1 }))).toEqual({
      title: 'Bulk change failed',
      body: '#12 “Suspend Acme spares”: no device changed; 1 failed.',
    });
    expect(finishedNotice(summary('CANCELLED', { SUCCEEDED: 1, CANCELLED: 359 }))).toEqual({
      title: 'Bulk change cancelled',
      body: '#12 “Suspend Acme spares”: 1 device changed before it was cancelled; 359 not sent.',
    });
  });
});

import type { BulkSummary } from '../../shared/contract/bulk';

const counts = new Intl.NumberFormat();
const n = (count: number) => counts.format(count);
const devices = (count: number) => `${n(count)} ${count === 1 ? 'device' : 'devices'}`;

/** The OS notification for a bulk change that reached its final status: what happened, in counts. */
export function finishedNotice(summary: BulkSummary): { title: string; body: string } {
  const {
    SUCCEEDED: changed,
    FAILED: failed,
    NEEDS_REVIEW: review,
    CANCELLED: cancelled,
  } = summary.counts;
  const name = `#${summary.id} “${summary.title}”`;
  const problems = [
    failed > 0 ? `${n(failed)} failed` : null,
    review > 0 ? `${n(review)} need review` : null,
    cancelled > 0 ? `${n(cancelled)} cancelled` : null,
  ].filter((part) => part !== null);
  switch (summary.status) {
    case 'PROCESSED':
      return { title: 'Bulk change finished', body: `${name}: ${devices(changed)} changed.` };
    case 'CANCELLED':
      return {
        title: 'Bulk change cancelled',
        body: `${name}: ${devices(changed)} changed before it was cancelled; ${n(cancelled)} not sent.`,
      };
    case 'ERROR':
      return {
        title: 'Bulk change failed',
        body: `${name}: no device changed; ${problems.join(', ')}.`,
      };
    default:
      return {
        title: 'Bulk change finished with problems',
        body: `${name}: ${devices(changed)} changed, ${problems.join(', ')}.`,
      };
  }
}

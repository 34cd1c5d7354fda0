import type { BulkSummary } from '../../shared/contract/bulk';
import type { DeviceChangeStatus } from '../../shared/domain/changes';
import type { OutputMode } from './progressView';

const countWords: Record<DeviceChangeStatus, string> = {
  PENDING: 'pending',
  IN_FLIGHT: 'in flight',
  AWAITING_CARRIER: 'awaiting the carrier',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  NEEDS_REVIEW: 'to review',
  CANCELLED: 'cancelled',
};

const totalOf = (s: BulkSummary) => Object.values(s.counts).reduce((a, b) => a + b, 0);
const statusOf = (s: BulkSummary) => (s.paused ? `${s.status} (paused)` : s.status);
const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

/** `12 succeeded, 1 failed`: the counts that are not zero. */
function countsText(s: BulkSummary): string {
  const parts = (Object.keys(countWords) as DeviceChangeStatus[])
    .filter((status) => s.counts[status] > 0)
    .map((status) => `${s.counts[status].toLocaleString('en-US')} ${countWords[status]}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** One bulk change: a short block for a person, or a `{"type":"summary",…}` line. */
export function summaryText(s: BulkSummary, mode: OutputMode): string {
  if (mode === 'json') return JSON.stringify({ type: 'summary', ...s });
  return [
    `Bulk change ${s.id}: ${s.title}`,
    `  Status:    ${statusOf(s)}`,
    `  Type:      ${s.changeType}`,
    `  Created:   ${when(s.createdAt)} by ${s.createdBy}`,
    ...(s.completedAt ? [`  Completed: ${when(s.completedAt)}`] : []),
    `  Devices:   ${totalOf(s).toLocaleString('en-US')} (${countsText(s)})`,
  ].join('\n');
}

/** Several bulk changes: a table for a person, or one summary line each. */
export function summaryTable(list: BulkSummary[], mode: OutputMode): string {
  if (mode === 'json') return list.map((s) => summaryText(s, 'json')).join('\n');
  if (list.length === 0) return 'No bulk changes yet.';
  const header = ['ID', 'STATUS', 'TYPE', 'DEVICES', 'SUCCEEDED', 'FAILED', 'CREATED', 'TITLE'];
  const rows = list.map((s) => [
    String(s.id),
    statusOf(s),
    s.changeType,
    totalOf(s).toLocaleString('en-US'),
    s.counts.SUCCEEDED.toLocaleString('en-US'),
    s.counts.FAILED.toLocaleString('en-US'),
    when(s.createdAt),
    s.title,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((cells) =>
      cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

import { accountLabel } from '../../../shared/domain/carriers';
import { changeTypeLabels, type StatusCounts } from '../../../shared/domain/changes';
import { bulkDetail } from '../bulkView/detail';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { changeRows } from './changeRows';
import type { ReportSource } from './reportSource';
import { duration, type ZonedTime } from './zonedTime';

/** "SUCCEEDED 97, FAILED 3": the statuses that have rows, in the contract's order. */
const countsText = (counts: StatusCounts) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${n.toLocaleString('en-US')}`)
    .join(', ') || 'no devices';

/**
 * A bulk change as an audit report: what was asked, by whom, when, from which file, how it
 * ended per status and carrier, and one row per device with before → after and outcome.
 */
export function bulkChangeReport(db: Db, bulkChangeId: number, time: ZonedTime): ReportSource {
  const detail = bulkDetail(db, bulkChangeId);
  const sha256 = cached(db, 'SELECT source_sha256 FROM bulk_changes WHERE id = ?')
    .pluck()
    .get(bulkChangeId) as string | null;
  const rows = changeRows(
    db,
    {
      where: 'AND dc.bulk_change_id = @bulk',
      params: { bulk: bulkChangeId },
      columns: [
        'iccid',
        'imei',
        'msisdn',
        'carrier',
        'account',
        'change',
        'requestId',
        'attempts',
        'outcome',
        'reason',
        'created',
        'updated',
        'completed',
      ],
    },
    time,
  );
  const perCarrier = new Map<string, StatusCounts>();
  for (const lane of detail.lanes) {
    perCarrier.set(accountLabel(lane.carrier, lane.accountName), lane.counts);
  }
  return {
    title: `Bulk change #${detail.id}: ${detail.title}`,
    sheetName: 'Devices',
    fileStem: `bulk-change-${detail.id}-report`,
    summary: [
      { label: 'Bulk change', value: `#${detail.id}` },
      { label: 'Title', value: detail.title },
      { label: 'Change type', value: changeTypeLabels[detail.changeType] },
      { label: 'Parameters', value: detail.description },
      { label: 'Status', value: detail.status },
      { label: 'Submitted by', value: detail.createdBy },
      { label: 'Created', value: time.format(detail.createdAt) },
      { label: 'Submitted', value: time.format(detail.submittedAt) },
      { label: 'Completed', value: time.format(detail.completedAt) },
      { label: 'Duration', value: duration(detail.submittedAt, detail.completedAt) },
      {
        label: 'Source file',
        value: detail.sourceName ?? 'None (devices chosen in the app or the CLI)',
      },
      { label: 'Source file SHA-256', value: sha256 ?? 'Not recorded' },
      { label: 'Devices', value: detail.total.toLocaleString('en-US') },
      { label: 'Outcomes', value: countsText(detail.counts) },
      ...[...perCarrier].map(([label, counts]) => ({ label, value: countsText(counts) })),
      { label: 'Time zone', value: time.timeZone },
    ],
    columns: rows.columns,
    total: detail.total,
    page: rows.page,
    pages: rows.pages,
  };
}

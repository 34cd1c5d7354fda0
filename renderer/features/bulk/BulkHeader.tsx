import type { BulkDetail } from '../../../shared/contract/bulkView';
import { changeTypeLabels } from '../../../shared/domain/changes';
import { formatDateTime } from '../../ui/dateTime';
import { deviceCount } from '../../ui/format';
import { accountLabel, bulkStateLabel } from './labels';
import type { ProgressModel } from './progressModel';

/** What the change is, who sent it when, from which file, and on which carrier accounts. */
export function BulkHeader({
  detail,
  model,
}: {
  detail: BulkDetail;
  model: ProgressModel | undefined;
}) {
  const status = model?.status ?? detail.status;
  const paused = model?.paused ?? detail.paused;
  return (
    <div className="bulk-header">
      <div className="bulk-header__title">
        <h1 id="page-title">
          Bulk change #{detail.id}
          <span className="bulk-header__name">{detail.title}</span>
        </h1>
        <span className="bulk-state" data-status={paused ? 'PAUSED' : status}>
          {bulkStateLabel(status, paused)}
        </span>
      </div>
      <p className="bulk-header__what">
        {detail.description || changeTypeLabels[detail.changeType]} · {deviceCount(detail.total)}
      </p>
      <dl className="bulk-header__facts">
        <div>
          <dt>By</dt>
          <dd>{detail.createdBy}</dd>
        </div>
        <div>
          <dt>{detail.submittedAt ? 'Submitted' : 'Created'}</dt>
          <dd>{formatDateTime(detail.submittedAt ?? detail.createdAt)}</dd>
        </div>
        {detail.completedAt && (
          <div>
            <dt>Finished</dt>
            <dd>{formatDateTime(detail.completedAt)}</dd>
          </div>
        )}
        <div>
          <dt>From</dt>
          <dd>
            {detail.sourceName ?? 'No file: devices picked in the console or the command line'}
          </dd>
        </div>
        <div>
          <dt>Carriers</dt>
          <dd className="bulk-header__carriers">
            {detail.lanes.length === 0
              ? 'None: made in the console only'
              : detail.lanes.map((lane) => (
                  <span key={lane.accountId} className="bulk-header__carrier">
                    {accountLabel(lane.carrier, lane.accountName)}
                    {lane.mode === 'sandbox' && (
                      <span
                        className="sandbox-badge"
                        title="Sent to the built-in carrier simulator, never to a real carrier."
                      >
                        Sandbox
                      </span>
                    )}
                  </span>
                ))}
          </dd>
        </div>
      </dl>
    </div>
  );
}

import type { AuditLog } from '../audit/auditLog';
import { summary } from '../bulk/service';
import type { CoreHandlers } from '../handlers';
import type { Db } from '../store/open';
import { bulkDetail } from './detail';
import { deviceHistory } from './deviceHistory';
import { failedRowsFile } from './failedRows';
import { bulkHistory } from './history';
import { resolveReview } from './resolveReview';
import { bulkRows } from './rows';
import { scheduleList } from './schedule';
import { cancelScheduled } from './scheduleCancel';

type BulkViewChannel =
  | 'bulk:detail'
  | 'bulk:rows'
  | 'bulk:deviceHistory'
  | 'bulk:resolveReview'
  | 'bulk:failedRows'
  | 'bulk:history'
  | 'schedule:list'
  | 'schedule:cancel';

export interface BulkViewDeps {
  db: Db;
  audit: AuditLog;
  createdBy: string;
  /** After rows change state outside the engine (resolved, cancelled), so progress is re-announced. */
  onChanged?: (bulkChangeIds: number[]) => void;
}

/** The bulk change view, history and schedule channels. */
export function bulkViewHandlers({
  db,
  audit,
  createdBy,
  onChanged,
}: BulkViewDeps): Pick<CoreHandlers, BulkViewChannel> {
  return {
    'bulk:detail': ({ bulkChangeId }) => bulkDetail(db, bulkChangeId),
    'bulk:rows': (request) => bulkRows(db, request),
    'bulk:deviceHistory': ({ deviceChangeId }) => deviceHistory(db, deviceChangeId),
    'bulk:resolveReview': (request) => {
      resolveReview(db, audit, createdBy, request);
      onChanged?.([request.bulkChangeId]);
      return summary(db, request.bulkChangeId);
    },
    'bulk:failedRows': ({ bulkChangeId, format }) => failedRowsFile(db, bulkChangeId, format),
    'bulk:history': (request) => bulkHistory(db, request),
    'schedule:list': (page) => scheduleList(db, page),
    'schedule:cancel': ({ deviceChangeIds }) => {
      const { cancelled, bulkChangeIds } = cancelScheduled(db, audit, createdBy, deviceChangeIds);
      onChanged?.(bulkChangeIds);
      return { cancelled };
    },
  };
}

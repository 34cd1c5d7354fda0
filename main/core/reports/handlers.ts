import type { Progress } from '../../../shared/contract/workspace';
import type { CoreHandlers } from '../handlers';
import { throttleProgress } from '../progress';
import type { Db } from '../store/open';
import { exportReport } from './exportReport';
import { openReport, reportPage } from './reportSource';

type ReportChannel =
  'reports:bulkChange' | 'reports:compliance' | 'reports:deviceHistory' | 'reports:export';

export interface ReportDeps {
  db: Db;
  /** A long export reports how many rows it has written here. */
  progress?: (progress: Progress) => void;
}

/** The report preview and export channels. */
export function reportHandlers({ db, progress }: ReportDeps): Pick<CoreHandlers, ReportChannel> {
  return {
    'reports:bulkChange': ({ offset, limit, timeZone, bulkChangeId }) =>
      reportPage(openReport(db, { kind: 'bulkChange', bulkChangeId, timeZone }), offset, limit),
    'reports:compliance': ({ offset, limit, ...filters }) =>
      reportPage(openReport(db, { kind: 'compliance', ...filters }), offset, limit),
    'reports:deviceHistory': ({ offset, limit, timeZone, identifier }) =>
      reportPage(openReport(db, { kind: 'deviceHistory', identifier, timeZone }), offset, limit),
    'reports:export': ({ report, format }) => {
      const send = progress && throttleProgress(progress);
      return exportReport(db, report, format, (done, total) =>
        send?.({ task: 'reports:export', label: 'Writing the report', done, total }),
      );
    },
  };
}

import type { ReportPage, ReportSpec } from '../../../shared/contract/reports';
import type { Db } from '../store/open';
import { bulkChangeReport } from './bulkChangeReport';
import { complianceReport } from './complianceReport';
import { deviceHistoryReport } from './deviceHistoryReport';
import { reconciliationReport } from './reconcile/reconciliationReport';
import type { SheetReport } from './sheetReport';
import { localZone, zonedTime } from './zonedTime';

/** A report that can also show a page of its rows, for a preview. */
export interface ReportSource extends SheetReport {
  page: (offset: number, limit: number) => string[][];
}

/** The report a spec asks for, its times in the spec's zone or this computer's. */
export function openReport(db: Db, spec: ReportSpec): ReportSource {
  const time = zonedTime(spec.timeZone ?? localZone());
  switch (spec.kind) {
    case 'bulkChange':
      return bulkChangeReport(db, spec.bulkChangeId, time);
    case 'compliance':
      return complianceReport(db, spec, time);
    case 'deviceHistory':
      return deviceHistoryReport(db, spec.identifier, time);
    case 'reconciliation':
      return reconciliationReport(db, spec.reconciliationId, time);
  }
}

/** A preview: the report's header and one page of its rows. */
export function reportPage(source: ReportSource, offset: number, limit: number): ReportPage {
  return {
    title: source.title,
    summary: source.summary,
    columns: source.columns.map((c) => c.label),
    rows: source.page(offset, limit),
    total: source.total,
  };
}

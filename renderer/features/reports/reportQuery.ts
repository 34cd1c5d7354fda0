import type { Result } from '../../../shared/contract';
import type { ReportPage, ReportSpec } from '../../../shared/contract/reports';
import { api } from '../../api/client';

/** Asks core for one page of the report `spec` describes, on the channel of its kind. */
export function readReportPage(
  spec: ReportSpec,
  offset: number,
  limit: number,
): Promise<Result<ReportPage>> {
  const page = { offset, limit, timeZone: spec.timeZone };
  switch (spec.kind) {
    case 'bulkChange':
      return api.invoke('reports:bulkChange', { ...page, bulkChangeId: spec.bulkChangeId });
    case 'compliance': {
      const { kind: _kind, timeZone: _zone, ...filters } = spec;
      return api.invoke('reports:compliance', { ...page, ...filters });
    }
    case 'deviceHistory':
      return api.invoke('reports:deviceHistory', { ...page, identifier: spec.identifier });
    case 'reconciliation':
      return api.invoke('reports:reconciliation', {
        ...page,
        reconciliationId: spec.reconciliationId,
      });
  }
}

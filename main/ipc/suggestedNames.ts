import type { ParsedRequestOf } from '../../shared/contract';
import type { ReportSpec } from '../../shared/contract/reports';

// What the save dialog offers; the desk can change it. One plain name, whatever the stored text.
const plain = (text: string) => text.replace(/[^\w.-]/g, '_');

function reportStem(spec: ReportSpec): string {
  switch (spec.kind) {
    case 'bulkChange':
      return `bulk-change-${spec.bulkChangeId}`;
    case 'compliance':
      return `compliance-${spec.from}-to-${spec.to}`;
    case 'deviceHistory':
      return `device-history-${plain(spec.identifier)}`;
    case 'reconciliation':
      return `reconciliation-${spec.reconciliationId}`;
  }
}

/** The file name main's save dialog suggests for an export or an evidence pack. */
export function suggestedName(
  request: ParsedRequestOf<'reports:export'> | ParsedRequestOf<'reports:evidencePack'>,
): string {
  return 'report' in request
    ? `${reportStem(request.report)}.${request.format}`
    : `evidence-bulk-change-${request.bulkChangeId}.zip`;
}

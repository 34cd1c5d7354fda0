import { importFieldLabels, type FileDownload } from '../../../shared/contract/imports';
import type { ImportField } from '../../../shared/contract/imports';
import { customerName, siteName } from '../changes/customerAssignment.customers';
import { planCode } from '../changes/customerRatePlanChange.catalog';
import { CoreError } from '../errors';
import { groupLabel } from '../import/groups';
import { templateColumns } from '../import/templates';
import type { Db } from '../store/open';
import { cached } from '../store/statements';
import { requireBulk } from './bulkRecord';
import { csvFile, xlsxFile } from './sheetFile';

interface FailedRow {
  iccid: string | null;
  requestJson: string;
  error: string | null;
  resolvedBy: string | null;
  resolutionReason: string | null;
}

type Values = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const id = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * What a template column held for the whole change, in the words the import reads back: the
 * status move, plan codes and customer names rather than ids.
 */
function columnValue(db: Db, field: ImportField, params: Values): string {
  switch (field) {
    case 'targetStatus':
      return capitalized(text(params.action));
    case 'carrierRatePlan':
      return text(params.ratePlan);
    case 'customerRatePlan':
      return planCode(db, id(params.customerRatePlanId)) ?? '';
    case 'customer':
      return customerName(db, id(params.customerId)) ?? '';
    case 'site':
      return siteName(db, id(params.siteId)) ?? '';
    case 'effectiveDate':
      return text(params.effectiveDate);
    default:
      return '';
  }
}

function reasonOf(row: FailedRow): string {
  const error = row.error ?? 'Failed; the carrier gave no reason.';
  return row.resolvedBy === null
    ? error
    : `${error} Marked failed by ${row.resolvedBy} after review: ${row.resolutionReason ?? ''}`;
}

/**
 * The failed rows of a bulk change as a file in its change type's import template layout, plus
 * the reason per row: fix the rows, open the file in Import, and the columns map themselves.
 */
export function failedRowsFile(db: Db, bulkChangeId: number, format: 'xlsx' | 'csv'): FileDownload {
  const bulk = requireBulk(db, bulkChangeId);
  const rows = cached(
    db,
    `SELECT coalesce(d.iccid, dc.iccid) AS iccid, dc.request_json AS requestJson, dc.error_message AS error,
       dc.resolved_by AS resolvedBy, dc.resolution_reason AS resolutionReason
     FROM device_changes dc LEFT JOIN devices d ON d.id = dc.device_id
     WHERE dc.bulk_change_id = ? AND dc.status = 'FAILED' ORDER BY dc.id`,
  ).all(bulkChangeId) as FailedRow[];
  if (rows.length === 0)
    throw new CoreError('conflict', `Bulk change ${bulkChangeId} has no failed rows to download.`);
  const params = JSON.parse(
    cached(db, "SELECT json_remove(request_json, '$.swaps') FROM bulk_changes WHERE id = ?")
      .pluck()
      .get(bulkChangeId) as string,
  ) as Values;
  const description = groupLabel(bulk.changeType, params, db);
  const fields = templateColumns[bulk.changeType];
  const shared = new Map(fields.map((f) => [f, columnValue(db, f, params)]));
  // A swap's new ICCID and IMEI differ per row: they are in each row's own request.
  const swaps = fields.includes('newIccid') || fields.includes('newImei');
  const content = [
    [...fields.map((f) => importFieldLabels[f]), 'Reason'],
    ...rows.map((row) => {
      const request = swaps ? (JSON.parse(row.requestJson) as Values) : {};
      return [
        ...fields.map((f) =>
          f === 'iccid'
            ? (row.iccid ?? '')
            : f === 'newIccid' || f === 'newImei'
              ? text(request[f])
              : shared.get(f)!,
        ),
        reasonOf(row),
      ];
    }),
  ];
  const sheet = {
    fileStem: `bulk-${bulkChangeId}-failed-rows`,
    rows: content,
    widths: [...fields.map(() => 24), 100],
    help: [
      `The ${rows.length.toLocaleString('en-US')} failed rows of bulk change #${bulkChangeId} "${bulk.title}".`,
      `The change was: ${description}.`,
      'Fix what the Reason column says, then open this file in Import: the columns are recognised, and the Reason column is ignored.',
      'Settings without a column here (a pool, a data allocation, a zip code) are chosen on the Import form again.',
      'Delete the rows you do not want to send again.',
    ],
  };
  return format === 'csv' ? csvFile(sheet) : xlsxFile(sheet);
}

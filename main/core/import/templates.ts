import * as XLSX from 'xlsx';
import {
  importFieldLabels,
  type FileDownload,
  type ImportField,
} from '../../../shared/contract/imports';
import { changeTypeLabels, type ChangeType } from '../../../shared/domain/changes';
import { luhnCheckDigit } from '../../../shared/identifiers';

/** The columns each change type reads from a file, the identifier first. */
export const templateColumns: Record<ChangeType, readonly ImportField[]> = {
  statusUpdate: ['iccid', 'targetStatus', 'carrierRatePlan'],
  carrierRatePlanChange: ['iccid', 'carrierRatePlan'],
  customerRatePlanChange: ['iccid', 'customerRatePlan', 'effectiveDate'],
  customerAssignment: ['iccid', 'customer', 'site', 'customerRatePlan'],
  identifierChange: ['iccid', 'newIccid', 'newImei'],
};

const exampleIccid = (body: string) => `${body}${luhnCheckDigit(body)}`;

const examples: Partial<Record<ImportField, string>> = {
  iccid: exampleIccid('890141032111185107'),
  targetStatus: 'Suspend',
  carrierRatePlan: 'the plan code from the carrier catalog',
  customerRatePlan: 'the customer plan code',
  customer: 'the customer name as in the console',
  site: 'the site name',
  effectiveDate: '2026-12-01',
  newIccid: exampleIccid('890141032111185108'),
  newImei: '356938035643809',
};

const notes: Partial<Record<ImportField, string>> = {
  iccid:
    'Or IMEI, MSISDN or EID in a column of that name. Keep the column formatted as Text so Excel keeps every digit.',
  targetStatus:
    'Activate, Suspend, Restore or Deactivate. Leave the column out to choose one status for every row on the form.',
  carrierRatePlan: 'Optional for a status update (plan to activate on).',
  effectiveDate: 'Optional: year-month-day; empty means now. Up to a year ahead.',
  newImei: 'Give a new ICCID, a new IMEI, or both, per row.',
};

/** A workbook with the columns a change type takes, an example row, and notes per column. */
export function template(changeType: ChangeType): FileDownload {
  const fields = templateColumns[changeType];
  const sheet = XLSX.utils.aoa_to_sheet([
    fields.map((f) => importFieldLabels[f]),
    fields.map((f) => examples[f] ?? ''),
  ]);
  // The example row's cells are Text, the format identifiers need to keep every digit.
  for (let c = 0; c < fields.length; c++) {
    const cell = sheet[XLSX.utils.encode_cell({ r: 1, c })] as XLSX.CellObject | undefined;
    if (cell) cell.z = '@';
  }
  sheet['!cols'] = fields.map(() => ({ wch: 24 }));
  const help = XLSX.utils.aoa_to_sheet([
    ['Column', 'What to put in it'],
    ...fields.map((f) => [importFieldLabels[f], notes[f] ?? '']),
    [],
    ['Delete the example row before importing. Title rows above the header are fine.'],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Devices');
  XLSX.utils.book_append_sheet(book, help, 'How to fill it in');
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return {
    fileName: `${changeTypeLabels[changeType].replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-template.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
  };
}

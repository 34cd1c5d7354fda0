import type { ColumnMapping, ImportField } from '../../../shared/contract/imports';
import {
  validateEid,
  validateIccid,
  validateImei,
  validateMsisdn,
} from '../../../shared/identifiers';
import type { Cell } from './read';

/** Headers as customers write them, compared after lower-casing and dropping all but letters and digits. */
const synonyms: Record<ImportField, string[]> = {
  iccid: [
    'iccid',
    'sim',
    'simnumber',
    'simno',
    'simid',
    'simcard',
    'simcardnumber',
    'iccidnumber',
    'iccidno',
    'icc',
    'iccidsim',
    'currenticcid',
    'oldiccid',
  ],
  imei: [
    'imei',
    'deviceimei',
    'imeinumber',
    'imeino',
    'hardwareid',
    'deviceid',
    'currentimei',
    'oldimei',
    'imeisv',
  ],
  msisdn: [
    'msisdn',
    'mdn',
    'phone',
    'phonenumber',
    'mobilenumber',
    'number',
    'line',
    'linenumber',
    'ctn',
    'mobile',
    'telephone',
  ],
  eid: ['eid', 'euiccid', 'esimid', 'euicc'],
  targetStatus: [
    'status',
    'newstatus',
    'targetstatus',
    'action',
    'requestedstatus',
    'changestatusto',
    'statusto',
    'setstatus',
    'desiredstatus',
  ],
  carrierRatePlan: [
    'rateplan',
    'carrierrateplan',
    'plan',
    'newplan',
    'newrateplan',
    'plancode',
    'carrierplan',
    'serviceplan',
    'priceplan',
    'ratecode',
  ],
  customerRatePlan: [
    'customerrateplan',
    'customerplan',
    'billingplan',
    'customerrateplancode',
    'billingrateplan',
  ],
  customer: [
    'customer',
    'customername',
    'account',
    'accountname',
    'newcustomer',
    'client',
    'company',
  ],
  site: ['site', 'sitename', 'location', 'newsite', 'branch', 'store'],
  effectiveDate: [
    'effectivedate',
    'effective',
    'date',
    'startdate',
    'changedate',
    'scheduleddate',
    'effectiveon',
    'when',
  ],
  newIccid: [
    'newiccid',
    'newsim',
    'replacementiccid',
    'replacementsim',
    'toiccid',
    'newsimnumber',
    'swaptoiccid',
  ],
  newImei: ['newimei', 'replacementimei', 'toimei', 'newdeviceimei', 'swaptoimei'],
};

export const normalizeHeader = (text: string): string =>
  text.toLowerCase().replace(/[^a-z0-9]/g, '');

const byHeader = new Map<string, ImportField>(
  (Object.entries(synonyms) as [ImportField, string[]][]).flatMap(([field, words]) =>
    words.map((word) => [word, field] as const),
  ),
);

/** The field a header names, if any. */
export function fieldOfHeader(header: string): ImportField | undefined {
  return byHeader.get(normalizeHeader(header));
}

export const cellText = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : typeof cell === 'string' ? cell.trim() : String(cell);

/** What a column's values look like, tested on a sample: the identifier kind most of them are. */
function fieldOfContent(values: Cell[]): ImportField | undefined {
  const present = values.filter((v) => cellText(v) !== '');
  if (present.length === 0) return undefined;
  const share = (test: (v: Cell) => boolean) => present.filter(test).length / present.length;
  const text = (v: Cell) => (typeof v === 'number' ? v : cellText(v));
  // Damaged ids still say what they were meant to be: a huge number is an ICCID that lost digits.
  if (share((v) => validateIccid(text(v)).ok || (typeof v === 'number' && v > 8e18)) >= 0.6)
    return 'iccid';
  if (share((v) => validateEid(text(v)).ok) >= 0.6) return 'eid';
  if (share((v) => validateImei(text(v)).ok) >= 0.6) return 'imei';
  if (share((v) => /^\+?\d[\d\s-]{9,16}$/.test(cellText(v)) && validateMsisdn(text(v)).ok) >= 0.6)
    return 'msisdn';
  return undefined;
}

/**
 * Guesses what each column is: first by its header, then (for columns whose header says
 * nothing) by the values under it. Each field is used once, the leftmost column winning.
 */
export function detectMapping(headers: string[], sample: Cell[][]): ColumnMapping {
  const mapping: ColumnMapping = [];
  const used = new Set<ImportField>();
  headers.forEach((header, column) => {
    const field = fieldOfHeader(header);
    if (field && !used.has(field)) {
      used.add(field);
      mapping.push({ column, field });
    }
  });
  headers.forEach((_header, column) => {
    if (mapping.some((m) => m.column === column)) return;
    const field = fieldOfContent(sample.map((row) => row[column] ?? null));
    if (field && !used.has(field)) {
      used.add(field);
      mapping.push({ column, field });
    }
  });
  return mapping.sort((a, b) => a.column - b.column);
}

/** How much a row looks like a header: the number of its cells that name a field. */
export const headerScore = (row: Cell[]): number =>
  row.filter((cell) => typeof cell === 'string' && fieldOfHeader(cell) !== undefined).length;

/** Whether a row holds at least one value that is a valid identifier (so it is data, not a title). */
export const looksLikeData = (row: Cell[]): boolean =>
  row.some((cell) => {
    const text = typeof cell === 'number' ? cell : cellText(cell);
    return text !== '' && (validateIccid(text).ok || validateImei(text).ok || validateEid(text).ok);
  });

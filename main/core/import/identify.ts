import type { identifierFields, ImportField } from '../../../shared/contract/imports';
import {
  validateEid,
  validateIccid,
  validateImei,
  validateMsisdn,
  type IdentifierResult,
} from '../../../shared/identifiers';
import { devicesWithAny } from '../changes/devices';
import type { DeviceRecord } from '../changes/handler';
import type { Db } from '../store/open';
import { cellText } from './fields';
import type { RowValues } from './rowParams';

type IdField = (typeof identifierFields)[number];

const validators: Record<IdField, (input: string | number) => IdentifierResult> = {
  iccid: validateIccid,
  imei: validateImei,
  msisdn: validateMsisdn,
  eid: validateEid,
};

const kindLabels: Record<IdField, string> = {
  iccid: 'ICCID',
  imei: 'IMEI',
  msisdn: 'MSISDN',
  eid: 'EID',
};

/** The device a row names, or what is wrong with the identifier it gives. */
export type Identified =
  | { ok: true; field: IdField; shown: string; device: DeviceRecord }
  | { ok: false; field: ImportField | null; shown: string; message: string };

type Named =
  { ok: true; field: IdField; shown: string; digits: string } | Extract<Identified, { ok: false }>;

/**
 * The row's most specific identifier (ICCID, then IMEI, EID, MSISDN), checked for format and
 * check digits; Excel damage is named as such.
 */
function nameOf(values: RowValues): Named {
  const field = (['iccid', 'imei', 'eid', 'msisdn'] as const).find(
    (f) => cellText(values[f]) !== '',
  );
  if (!field)
    return {
      ok: false,
      field: null,
      shown: '',
      message:
        'This row has no ICCID, IMEI, MSISDN or EID. Fill one in, or delete the row if it is not a device.',
    };
  const cell = values[field]!;
  const shown = cellText(cell);
  const checked = validators[field](typeof cell === 'number' ? cell : shown);
  return checked.ok
    ? { ok: true, field, shown, digits: checked.value }
    : { ok: false, field, shown, message: checked.message };
}

/** Finds each row's device, looking a whole batch up at once, one query per identifier kind. */
export function identifyAll(db: Db, rows: readonly RowValues[]): Identified[] {
  const named = rows.map(nameOf);
  const wanted = new Map<IdField, string[]>();
  for (const n of named) {
    if (!n.ok) continue;
    const list = wanted.get(n.field);
    if (list) list.push(n.digits);
    else wanted.set(n.field, [n.digits]);
  }
  const found = new Map(
    [...wanted].map(([kind, digits]) => [kind, devicesWithAny(db, kind, digits)] as const),
  );
  return named.map((n): Identified => {
    if (!n.ok) return n;
    const devices = found.get(n.field)?.get(n.digits) ?? [];
    const label = kindLabels[n.field];
    if (devices.length === 1)
      return { ok: true, field: n.field, shown: n.shown, device: devices[0]! };
    return {
      ok: false,
      field: n.field,
      shown: n.shown,
      message:
        devices.length === 0
          ? `No device in the inventory has ${label} ${n.digits}. Check the number against the customer's list; if the device is new, sync its carrier account first.`
          : `${label} ${n.digits} belongs to ${devices.length} devices; give the ICCID instead.`,
    };
  });
}

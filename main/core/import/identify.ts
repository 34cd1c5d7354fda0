import type { identifierFields, ImportField } from '../../../shared/contract/imports';
import {
  validateEid,
  validateIccid,
  validateImei,
  validateMsisdn,
  type IdentifierResult,
} from '../../../shared/identifiers';
import { devicesWith } from '../changes/devices';
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

/**
 * Finds the row's device by the most specific identifier it has (ICCID, then IMEI, EID,
 * MSISDN), after checking format and check digits; Excel damage is named as such.
 */
export function identify(db: Db, values: RowValues): Identified {
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
  if (!checked.ok) return { ok: false, field, shown, message: checked.message };
  const found = devicesWith(db, field, checked.value);
  if (found.length === 0)
    return {
      ok: false,
      field,
      shown,
      message: `No device in the inventory has ${kindLabels[field]} ${checked.value}. Check the number against the customer's list; if the device is new, sync its carrier account first.`,
    };
  if (found.length > 1)
    return {
      ok: false,
      field,
      shown,
      message: `${kindLabels[field]} ${checked.value} belongs to ${found.length} devices; give the ICCID instead.`,
    };
  return { ok: true, field, shown, device: found[0]! };
}

import { validateEid } from './eid';
import { validateIccid } from './iccid';
import { validateImei, validateImeisv } from './imei';
import { validateMsisdn } from './msisdn';
import type { IdentifierKind, IdentifierResult } from './types';

/** Validates `input` as the given kind of identifier. */
export function validateIdentifier(kind: IdentifierKind, input: string | number): IdentifierResult {
  switch (kind) {
    case 'iccid':
      return validateIccid(input);
    case 'imei':
      return validateImei(input);
    case 'imeisv':
      return validateImeisv(input);
    case 'msisdn':
      return validateMsisdn(input);
    case 'eid':
      return validateEid(input);
  }
}

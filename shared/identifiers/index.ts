// Public surface for SIM/device identifier validation; shared by renderer and Node.
export type { IdentifierKind, IdentifierProblem, IdentifierResult } from './types';
export { luhnCheckDigit, isLuhnValid } from './luhn';
export { eidCheckDigits, isEidValid } from './mod97';
export { cleanDigits } from './normalize';
export { describeIdentifier } from './describe';
export { validateIccid } from './iccid';
export { validateImei, validateImeisv } from './imei';
export { validateMsisdn } from './msisdn';
export { validateEid } from './eid';
export { validateIdentifier } from './validate';

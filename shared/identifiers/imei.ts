import { isLuhnValid, luhnCheckDigit } from './luhn';
import { cleanInput } from './normalize';
import { fail, pass } from './result';
import type { IdentifierResult } from './types';

// IMEI = TAC (8) + serial (6) + Luhn digit; IMEISV = TAC (8) + serial (6) + software version (2).
const IMEI_LENGTH = 15;
const IMEISV_LENGTH = 16;

const EXCEL_ZERO =
  'Excel may have dropped a leading zero: format the column as Text and re-export.';

/** Validates an IMEI (device serial number): 15 digits ending in a Luhn check digit. */
export function validateImei(input: string | number): IdentifierResult {
  const cleaned = cleanInput(input, 'IMEI');
  if (!cleaned.ok) return fail('imei', cleaned.raw, cleaned.problem, cleaned.message);
  const { raw, digits, notes } = cleaned;
  const n = digits.length;

  if (n === IMEI_LENGTH - 1) {
    // Leading zeros don't change a Luhn sum, so a value that only lost a zero still passes;
    // one that fails cannot be explained by the lost zero alone.
    if (isLuhnValid(digits)) {
      return fail(
        'imei',
        raw,
        'leading_zero_lost',
        `IMEI ${digits} has 14 digits; an IMEI has 15. ${EXCEL_ZERO}`,
      );
    }
    return fail(
      'imei',
      raw,
      'check_digit_missing',
      `IMEI ${digits} has 14 digits; an IMEI has 15, ending in a check digit. A dropped leading zero ` +
        "alone doesn't explain it, so the check digit is probably missing: copy the full 15-digit IMEI " +
        'from the device, its box, or by dialling *#06#.',
    );
  }
  if (n === IMEISV_LENGTH) {
    const imei = digits.slice(0, 14) + String(luhnCheckDigit(digits.slice(0, 14)));
    return fail(
      'imei',
      raw,
      'bad_length',
      `IMEI ${digits} has 16 digits, so it looks like an IMEISV (IMEI plus a 2-digit software version). ` +
        `The matching 15-digit IMEI is ${imei}; use that, or put this value in an IMEISV column.`,
    );
  }
  if (n !== IMEI_LENGTH) {
    return fail('imei', raw, 'bad_length', `IMEI ${digits} has ${n} digits; an IMEI has 15.`);
  }
  if (!isLuhnValid(digits)) {
    return fail(
      'imei',
      raw,
      'check_digit',
      `IMEI ${digits} fails its check digit: check for a typo in the digits.`,
    );
  }
  return pass('imei', digits, notes);
}

/** Validates an IMEISV (IMEI with software version): 16 digits, no check digit. */
export function validateImeisv(input: string | number): IdentifierResult {
  const cleaned = cleanInput(input, 'IMEISV');
  if (!cleaned.ok) return fail('imeisv', cleaned.raw, cleaned.problem, cleaned.message);
  const { raw, digits, notes } = cleaned;
  const n = digits.length;

  if (n === IMEI_LENGTH) {
    // A real IMEI always passes Luhn; an IMEISV missing its zero passes only by chance (1 in 10).
    if (isLuhnValid(digits)) {
      return fail(
        'imeisv',
        raw,
        'bad_length',
        `IMEISV ${digits} has 15 digits and a valid check digit, so it looks like an IMEI, not an IMEISV ` +
          '(16 digits). Put it in an IMEI column, or if it really is an IMEISV, Excel may have dropped a ' +
          'leading zero: format the column as Text and re-export.',
      );
    }
    return fail(
      'imeisv',
      raw,
      'leading_zero_lost',
      `IMEISV ${digits} has 15 digits; an IMEISV has 16. ${EXCEL_ZERO}`,
    );
  }
  if (n !== IMEISV_LENGTH) {
    return fail('imeisv', raw, 'bad_length', `IMEISV ${digits} has ${n} digits; an IMEISV has 16.`);
  }
  return pass('imeisv', digits, notes);
}

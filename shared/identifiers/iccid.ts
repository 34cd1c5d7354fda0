import { isLuhnValid } from './luhn';
import { cleanInput } from './normalize';
import { excelRoundedMessage, looksExcelRounded } from './excel';
import { fail, pass } from './result';
import type { IdentifierProblem, IdentifierResult } from './types';

// ITU-T E.118: '89' is the telecom industry prefix; 19 or 20 digits with a Luhn digit last.
const PREFIX = '89';

/** Validates an ICCID (SIM card number): 89 prefix, 19 or 20 digits, Luhn check digit. */
export function validateIccid(input: string | number): IdentifierResult {
  const cleaned = cleanInput(input, 'ICCID');
  if (!cleaned.ok) return fail('iccid', cleaned.raw, cleaned.problem, cleaned.message);
  const { raw, digits, notes } = cleaned;
  const n = digits.length;
  const reject = (problem: IdentifierProblem, message: string) =>
    fail('iccid', raw, problem, message);

  if (cleaned.fromNumber) {
    // Even a safe JS number has at most 16 digits, so an ICCID number has always lost some.
    return reject(
      'scientific_notation',
      `ICCID ${digits} arrived as a number instead of text. An ICCID has 19 or 20 digits, more than ` +
        'a spreadsheet number can hold, so digits have been lost. Format the column as Text in Excel and export again.',
    );
  }
  if (n >= 2 && !digits.startsWith(PREFIX)) {
    return reject(
      'bad_prefix',
      `ICCID ${digits} does not start with 89; every SIM card number (ICCID) does. ` +
        'Check that this is the SIM number and not a phone number or IMEI from another column.',
    );
  }
  const luhnOk = isLuhnValid(digits);
  if (!luhnOk && looksExcelRounded(digits)) {
    return reject('scientific_notation', excelRoundedMessage('ICCID', digits));
  }
  if (n === 18 && !luhnOk) {
    return reject(
      'check_digit_missing',
      `ICCID ${digits} has 18 digits; an ICCID has 19 or 20, ending in a check digit. The check digit ` +
        'may have been cut off: copy the full number from the SIM card or the carrier portal.',
    );
  }
  if (n !== 19 && n !== 20) {
    const hint =
      n === 32 ? ' A 32-digit number starting with 89 is usually an EID (eSIM chip ID).' : '';
    return reject('bad_length', `ICCID ${digits} has ${n} digits; an ICCID has 19 or 20.${hint}`);
  }
  if (!luhnOk) {
    // A 19-digit value may be a 20-digit ICCID whose check digit a spreadsheet dropped.
    const cutOff = n === 19 ? ", or that the last digit wasn't cut off" : '';
    return reject(
      'check_digit',
      `ICCID ${digits} fails its check digit: check for a typo in the digits${cutOff}.`,
    );
  }
  return pass('iccid', digits, notes);
}

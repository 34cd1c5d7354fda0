import { isEidValid } from './mod97';
import { cleanInput } from './normalize';
import { excelRoundedMessage, looksExcelRounded } from './excel';
import { fail, pass } from './result';
import type { IdentifierResult } from './types';

const EID_LENGTH = 32;

/** Validates an EID (eSIM chip ID): 32 digits with ISO/IEC 7064 MOD 97-10 check digits. */
export function validateEid(input: string | number): IdentifierResult {
  const cleaned = cleanInput(input, 'EID');
  if (!cleaned.ok) return fail('eid', cleaned.raw, cleaned.problem, cleaned.message);
  const { raw, digits, notes } = cleaned;
  const n = digits.length;

  if (cleaned.fromNumber) {
    return fail(
      'eid',
      raw,
      'scientific_notation',
      `EID ${digits} arrived as a number instead of text. An EID has 32 digits, far more than a ` +
        'spreadsheet number can hold, so digits have been lost. Format the column as Text in Excel and export again.',
    );
  }
  if (n === EID_LENGTH - 2) {
    return fail(
      'eid',
      raw,
      'check_digit_missing',
      `EID ${digits} has 30 digits; an EID has 32, ending in two check digits. The check digits may ` +
        'have been cut off: copy the full EID from the device or the carrier portal.',
    );
  }
  if (n !== EID_LENGTH) {
    const hint =
      (n === 19 || n === 20) && digits.startsWith('89')
        ? ' A 19 or 20-digit number starting with 89 is usually an ICCID (SIM card number).'
        : '';
    return fail('eid', raw, 'bad_length', `EID ${digits} has ${n} digits; an EID has 32.${hint}`);
  }
  if (!isEidValid(digits)) {
    if (looksExcelRounded(digits)) {
      return fail('eid', raw, 'scientific_notation', excelRoundedMessage('EID', digits));
    }
    return fail(
      'eid',
      raw,
      'check_digit',
      `EID ${digits} fails its check digits: check for a typo in the digits.`,
    );
  }
  return pass('eid', digits, notes);
}

import { cleanInput } from './normalize';
import { fail, pass } from './result';
import type { IdentifierResult } from './types';

// E.164: at most 15 digits including the country code; the '+' is only notation.
// Canonical form here is digits only with the country code, e.g. '15551234567'.
const MAX_DIGITS = 15;
// Shortest real E.164 numbers (e.g. Niue, +683 xxxx) have 7 digits.
const MIN_DIGITS = 7;
// Without a '+' we can't tell a short foreign number from a local one, so demand room for a country code.
const MIN_DIGITS_WITHOUT_PLUS = 11;
const NANP_COUNTRY_CODE = '1';

// NANP NPA-NXX-XXXX: area code and exchange must each start with 2-9.
function nanpProblem(tenDigits: string): string | undefined {
  if (!/^[2-9]/.test(tenDigits)) {
    return `its area code ${tenDigits.slice(0, 3)} starts with ${tenDigits.charAt(0)}, but US/Canada area codes start with 2-9`;
  }
  if (!/^\d{3}[2-9]/.test(tenDigits)) {
    return `its exchange ${tenDigits.slice(3, 6)} starts with ${tenDigits.charAt(3)}, but US/Canada exchanges start with 2-9`;
  }
  return undefined;
}

/** Validates an MSISDN/MDN (phone number) and normalises it to E.164 digits without '+'. */
export function validateMsisdn(input: string | number): IdentifierResult {
  const cleaned = cleanInput(input, 'MSISDN', true);
  if (!cleaned.ok) return fail('msisdn', cleaned.raw, cleaned.problem, cleaned.message);
  const { raw, digits, notes, hadPlus } = cleaned;
  const n = digits.length;

  if (digits.startsWith('00')) {
    return fail(
      'msisdn',
      raw,
      'bad_prefix',
      `MSISDN ${digits} starts with 00, the international dialling prefix. Write it with + instead ` +
        `of the 00, e.g. +${digits.slice(2)}.`,
    );
  }
  if (digits.startsWith('0')) {
    return fail(
      'msisdn',
      raw,
      'bad_prefix',
      `MSISDN ${digits} starts with 0, a national dialling prefix, so the country is unknown. ` +
        'Write it in international form: + then the country code, without the leading 0.',
    );
  }
  if (n > MAX_DIGITS) {
    const hint =
      (n === 19 || n === 20) && digits.startsWith('89')
        ? ' A 19 or 20-digit number starting with 89 is usually an ICCID (SIM card number).'
        : '';
    return fail(
      'msisdn',
      raw,
      'bad_length',
      `MSISDN ${digits} has ${n} digits; a phone number has at most 15, including the country code.${hint}`,
    );
  }
  if (digits.startsWith(NANP_COUNTRY_CODE)) {
    if (n !== 11) {
      return fail(
        'msisdn',
        raw,
        'bad_length',
        `MSISDN ${digits} has ${n} digits; a US/Canada number with country code 1 has 11 ` +
          '(1 plus a 10-digit number).',
      );
    }
    const problem = nanpProblem(digits.slice(1));
    if (problem) {
      return fail(
        'msisdn',
        raw,
        'bad_prefix',
        `MSISDN ${digits} is not a valid US/Canada number: ${problem}. Check for a typo.`,
      );
    }
    return pass('msisdn', digits, notes);
  }
  if (!hadPlus && n === 10) {
    // A bare 10-digit number is how US/Canada MDNs are written; other countries need a '+'.
    const problem = nanpProblem(digits);
    if (problem) {
      return fail(
        'msisdn',
        raw,
        'bad_prefix',
        `MSISDN ${digits} is not a valid US/Canada number: ${problem}. If it is from another ` +
          'country, write it with + and the country code.',
      );
    }
    return pass('msisdn', NANP_COUNTRY_CODE + digits, [
      ...notes,
      'added country code 1 (US/Canada 10-digit number)',
    ]);
  }
  const minimum = hadPlus ? MIN_DIGITS : MIN_DIGITS_WITHOUT_PLUS;
  if (n < minimum) {
    return fail(
      'msisdn',
      raw,
      'bad_length',
      hadPlus
        ? `MSISDN ${digits} has ${n} digits, too few for a phone number with its country code.`
        : `MSISDN ${digits} has ${n} digits, too few to include a country code. Write it in ` +
            'international form: + then the country code and number.',
    );
  }
  return pass('msisdn', digits, notes);
}

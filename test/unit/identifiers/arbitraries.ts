// fast-check generators shared by the identifier property tests.
import fc from 'fast-check';
import { eidCheckDigits, luhnCheckDigit } from '../../../shared/identifiers';

const digit = fc.constantFrom(...'0123456789');

/** Exactly `length` decimal digits (leading zeros allowed). */
export function digits(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: digit, minLength: length, maxLength: length });
}

/** Appends the Luhn check digit. */
export function withLuhn(body: string): string {
  return body + String(luhnCheckDigit(body));
}

/** A valid 19- or 20-digit ICCID with the 89 prefix. */
export const validIccid = fc
  .constantFrom(19, 20)
  .chain((length) => digits(length - 3))
  .map((body) => withLuhn(`89${body}`));

/** A valid 15-digit IMEI. */
export const validImei = digits(14).map(withLuhn);

/** A valid 32-digit EID. */
export const validEid = digits(30).map((body) => body + eidCheckDigits(body));

/** `value` with one digit replaced by a different digit. */
export function withOneDigitChanged(value: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: value.length - 1 }), fc.integer({ min: 1, max: 9 }))
    .map(([index, delta]) => {
      const changed = (Number(value.charAt(index)) + delta) % 10;
      return value.slice(0, index) + String(changed) + value.slice(index + 1);
    });
}

/** `value` with spaces and dashes sprinkled between characters and whitespace around it. */
export function withSeparators(value: string): fc.Arbitrary<string> {
  const separator = fc.constantFrom('', '', ' ', '-', '  ', ' - ', '\u00a0', '\u2013');
  return fc
    .tuple(
      fc.array(separator, { minLength: value.length - 1, maxLength: value.length - 1 }),
      fc.constantFrom('', ' ', '\t', '  '),
      fc.constantFrom('', ' ', '\n', '\r\n'),
    )
    .map(([separators, before, after]) => {
      let out = value.charAt(0);
      for (let i = 1; i < value.length; i++) out += (separators[i - 1] ?? '') + value.charAt(i);
      return before + out + after;
    });
}

/** How Excel shows a long number it has converted, e.g. '8.90126E+18' (or '8,90126E+18'). */
export const scientificNotation = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.string({ unit: digit, maxLength: 14 }),
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom('.', ','),
    fc.constantFrom('E', 'e'),
    fc.constantFrom('+', ''),
  )
  .map(([lead, fraction, exponent, point, e, sign]) =>
    fraction === ''
      ? `${lead}${e}${sign}${exponent}`
      : `${lead}${point}${fraction}${e}${sign}${exponent}`,
  );

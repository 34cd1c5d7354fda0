import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, luhnCheckDigit } from '../../../shared/identifiers';
import { digits, withLuhn, withOneDigitChanged } from './arbitraries';

describe('luhnCheckDigit', () => {
  it('computes the check digit of well-known IMEIs', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(luhnCheckDigit('35209900176148')).toBe(1);
  });

  it('computes the check digit of a real-looking ICCID', () => {
    expect(luhnCheckDigit('8901410321111851072')).toBe(0);
  });

  it('treats leading zeros as not changing the check digit', () => {
    expect(luhnCheckDigit('01015420323751')).toBe(luhnCheckDigit('1015420323751'));
  });

  it('refuses anything that is not digits, because that is a programming error', () => {
    expect(() => luhnCheckDigit('12a4')).toThrow(RangeError);
  });

  it('always produces a digit that makes the whole number valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }).chain(digits), (body) => {
        const check = luhnCheckDigit(body);
        expect(check).toBeGreaterThanOrEqual(0);
        expect(check).toBeLessThanOrEqual(9);
        expect(isLuhnValid(body + String(check))).toBe(true);
      }),
    );
  });
});

describe('isLuhnValid', () => {
  it('accepts known-valid numbers', () => {
    expect(isLuhnValid('490154203237518')).toBe(true);
    expect(isLuhnValid('89014103211118510720')).toBe(true);
  });

  it('rejects a number whose last digit was changed', () => {
    expect(isLuhnValid('490154203237519')).toBe(false);
  });

  it('says no to empty strings and non-digits instead of throwing', () => {
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4901 5420 3237 518')).toBe(false);
    expect(isLuhnValid('49015420323751x')).toBe(false);
  });

  it('catches every single-digit typo', () => {
    const changed = fc
      .integer({ min: 1, max: 25 })
      .chain(digits)
      .map(withLuhn)
      .chain(withOneDigitChanged);
    fc.assert(
      fc.property(changed, (value) => {
        expect(isLuhnValid(value)).toBe(false);
      }),
    );
  });

  it('catches every swap of two adjacent different digits except 09 <-> 90', () => {
    const swapped = fc
      .integer({ min: 1, max: 25 })
      .chain(digits)
      .map(withLuhn)
      .chain((valid) => fc.tuple(fc.constant(valid), fc.nat({ max: valid.length - 2 })))
      .filter(([valid, i]) => valid.charAt(i) !== valid.charAt(i + 1));
    fc.assert(
      fc.property(swapped, ([valid, i]) => {
        const a = valid.charAt(i);
        const b = valid.charAt(i + 1);
        const value = valid.slice(0, i) + b + a + valid.slice(i + 2);
        // Doubling maps 0 -> 0 and 9 -> 18 -> 9, so swapping 0 and 9 leaves the sum unchanged.
        const invisible = (a === '0' && b === '9') || (a === '9' && b === '0');
        expect(isLuhnValid(value)).toBe(invisible);
      }),
    );
  });
});

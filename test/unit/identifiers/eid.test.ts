import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eidCheckDigits, isEidValid, validateEid } from '../../../shared/identifiers';
import { digits, validEid, withOneDigitChanged, withSeparators } from './arbitraries';

// The commonly cited example EID; its mod 97 is 1.
const EID = '89049032123451234512345678901235';
// Built with eidCheckDigits; its check digits ('81') also verified by hand via mod 97.
const EID_2 = '89044047000000000000000012345681';

describe('eidCheckDigits', () => {
  it('reproduces the check digits of the commonly cited example EID', () => {
    expect(eidCheckDigits(EID.slice(0, 30))).toBe('35');
    expect(eidCheckDigits(EID_2.slice(0, 30))).toBe('81');
  });

  it('pads small check digits to two characters', () => {
    // Found by search: 98 - (body * 100 mod 97) is 8 here.
    const body = '890490321234512345123456789021';
    expect(eidCheckDigits(body)).toBe('08');
    expect(isEidValid(`${body}08`)).toBe(true);
  });

  it('refuses anything but exactly 30 digits, because that is a programming error', () => {
    expect(() => eidCheckDigits('8904903212345123451234567890')).toThrow(RangeError);
    expect(() => eidCheckDigits('89049032123451234512345678901x')).toThrow(RangeError);
  });

  it('always returns two digits between 02 and 98 that make the EID valid', () => {
    fc.assert(
      fc.property(digits(30), (body) => {
        const check = eidCheckDigits(body);
        expect(check).toMatch(/^\d\d$/);
        expect(Number(check)).toBeGreaterThanOrEqual(2);
        expect(Number(check)).toBeLessThanOrEqual(98);
        expect(isEidValid(body + check)).toBe(true);
      }),
    );
  });
});

describe('isEidValid', () => {
  it('accepts EIDs whose 32-digit value mod 97 is 1', () => {
    expect(isEidValid(EID)).toBe(true);
    expect(isEidValid(EID_2)).toBe(true);
  });

  it('rejects a Luhn-style check: the last digits must satisfy mod 97', () => {
    expect(isEidValid('89049032123451234512345678901234')).toBe(false);
  });

  it('rejects values that are not exactly 32 digits', () => {
    expect(isEidValid(EID.slice(1))).toBe(false);
    expect(isEidValid(`${EID}0`)).toBe(false);
    expect(isEidValid('')).toBe(false);
  });
});

describe('validateEid', () => {
  it('accepts a valid EID unchanged', () => {
    expect(validateEid(EID)).toEqual({ ok: true, kind: 'eid', value: EID, notes: [] });
  });

  it('accepts an EID pasted in groups of four', () => {
    expect(validateEid('8904 9032 1234 5123 4512 3456 7890 1235')).toMatchObject({
      ok: true,
      value: EID,
      notes: ['removed spaces'],
    });
  });

  it('rejects an EID with a typo, naming it', () => {
    const result = validateEid('89049032123451234512345678901236');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(result.ok || result.message).toContain('89049032123451234512345678901236');
  });

  it('says the check digits may be cut off when only 30 digits are given', () => {
    expect(validateEid(EID.slice(0, 30))).toMatchObject({ problem: 'check_digit_missing' });
  });

  it('recognises an ICCID pasted into the EID column', () => {
    const result = validateEid('89014103211118510720');
    expect(result).toMatchObject({ problem: 'bad_length' });
    expect(result.ok || result.message).toContain('ICCID');
  });

  it('rejects an EID that Excel turned into a number, as a string or as a JS number', () => {
    expect(validateEid('8.90490321234512E+31')).toMatchObject({ problem: 'scientific_notation' });
    expect(validateEid(8.90490321234512e31)).toMatchObject({ problem: 'scientific_notation' });
    expect(validateEid('89049032123451200000000000000000')).toMatchObject({
      problem: 'scientific_notation',
    });
  });

  it('accepts every generated valid EID and returns it unchanged', () => {
    fc.assert(
      fc.property(validEid, (eid) => {
        expect(validateEid(eid)).toEqual({ ok: true, kind: 'eid', value: eid, notes: [] });
      }),
    );
  });

  it('gives the same canonical EID wherever spaces and dashes are inserted', () => {
    const pasted = validEid.chain((eid) => fc.tuple(fc.constant(eid), withSeparators(eid)));
    fc.assert(
      fc.property(pasted, ([eid, messy]) => {
        expect(validateEid(messy)).toMatchObject({ ok: true, value: eid });
      }),
    );
  });

  it('rejects every EID with a single digit changed', () => {
    fc.assert(
      fc.property(validEid.chain(withOneDigitChanged), (typo) => {
        expect(isEidValid(typo)).toBe(false);
        expect(validateEid(typo).ok).toBe(false);
      }),
    );
  });
});

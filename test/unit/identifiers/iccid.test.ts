import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, validateIccid } from '../../../shared/identifiers';
import { validIccid, withLuhn, withOneDigitChanged, withSeparators } from './arbitraries';

// Luhn-valid, computed with luhnCheckDigit and cross-checked in the first test.
const ICCID_20 = '89014103211118510720';
const ICCID_19 = '8901260123456789011';
const ICCID_UK = '89441100682562700546';

describe('validateIccid', () => {
  it('accepts valid 19- and 20-digit ICCIDs unchanged', () => {
    for (const iccid of [ICCID_20, ICCID_19, ICCID_UK]) {
      expect(isLuhnValid(iccid)).toBe(true);
      expect(validateIccid(iccid)).toEqual({ ok: true, kind: 'iccid', value: iccid, notes: [] });
    }
  });

  it('removes spaces and dashes from a pasted ICCID and notes that it did', () => {
    expect(validateIccid(' 8901 4103-2111-1851 0720 ')).toEqual({
      ok: true,
      kind: 'iccid',
      value: ICCID_20,
      notes: ['removed spaces', 'removed dashes'],
    });
  });

  it('rejects an ICCID that Excel turned into scientific notation, and says how to fix it', () => {
    const result = validateIccid('8.90126E+18');
    expect(result).toMatchObject({
      ok: false,
      problem: 'scientific_notation',
      input: '8.90126E+18',
    });
    expect(result.ok || result.message).toBe(
      'ICCID 8.90126E+18 was turned into a number by Excel and lost its last digits. ' +
        'Format the column as Text in Excel and export again.',
    );
  });

  it('rejects an ICCID that arrives as a JS number, since no number can hold 19 digits', () => {
    expect(validateIccid(8.9012601234567e19)).toMatchObject({ problem: 'scientific_notation' });
    expect(validateIccid(890126012345678)).toMatchObject({ problem: 'scientific_notation' });
  });

  it('spots an ICCID whose last digits Excel replaced with zeros', () => {
    const result = validateIccid('8901260123456780000');
    expect(result).toMatchObject({ ok: false, problem: 'scientific_notation' });
    expect(result.ok || result.message).toContain('15');
  });

  it('still accepts a valid ICCID that happens to end in zeros', () => {
    expect(validateIccid('8901260123456700000')).toMatchObject({ ok: true });
    expect(validateIccid('89012601234567100000')).toMatchObject({ ok: true });
  });

  it('names the ICCID and hints at a cut-off digit when a 19-digit ICCID fails its check digit', () => {
    const result = validateIccid('8901260123456789012');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(result.ok || result.message).toBe(
      "ICCID 8901260123456789012 fails its check digit: check for a typo in the digits, or that the last digit wasn't cut off.",
    );
  });

  it('reports a 20-digit ICCID with a wrong check digit as a typo', () => {
    const result = validateIccid('89014103211118510721');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(result.ok || result.message).toContain('89014103211118510721');
  });

  it('suggests the check digit is missing when an 18-digit ICCID fails Luhn', () => {
    const result = validateIccid('890141032111185107');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit_missing' });
    expect(result.ok || result.message).toMatch(/18 digits.*check digit/);
  });

  it('calls an 18-digit ICCID that passes Luhn simply the wrong length', () => {
    expect(isLuhnValid('891410321111851073')).toBe(true);
    expect(validateIccid('891410321111851073')).toMatchObject({ problem: 'bad_length' });
  });

  it('rejects an ICCID that does not start with 89, suggesting a mixed-up column', () => {
    const result = validateIccid('490154203237518');
    expect(result).toMatchObject({ ok: false, problem: 'bad_prefix' });
    expect(result.ok || result.message).toContain('does not start with 89');
  });

  it('recognises a 32-digit EID pasted into the ICCID column', () => {
    const result = validateIccid('89049032123451234512345678901235');
    expect(result).toMatchObject({ problem: 'bad_length' });
    expect(result.ok || result.message).toContain('EID');
  });

  it('reports a trailing F filler instead of silently dropping it', () => {
    const result = validateIccid('8901260123456789011F');
    expect(result).toMatchObject({ ok: false, problem: 'filler_digit' });
    expect(result.ok || result.message).toContain('8901260123456789011F');
    expect(validateIccid('8901260123456789011f')).toMatchObject({ problem: 'filler_digit' });
  });

  it('treats an F in the middle as a bad character, not a filler', () => {
    expect(validateIccid('8901F60123456789011')).toMatchObject({ problem: 'bad_character' });
  });

  it('names a letter O typed instead of a zero', () => {
    const result = validateIccid('89O14103211118510720');
    expect(result).toMatchObject({ ok: false, problem: 'bad_character' });
    expect(result.ok || result.message).toContain('"O"');
  });

  it('reports an empty cell as empty', () => {
    expect(validateIccid('   ')).toMatchObject({ ok: false, problem: 'empty', input: '   ' });
  });

  it('cannot catch a 09 <-> 90 swap, because Luhn treats 0 and 9 alike', () => {
    const original = withLuhn('890126090012345678');
    const swapped = `${original.slice(0, 6)}90${original.slice(8)}`;
    expect(original.slice(6, 8)).toBe('09');
    expect(validateIccid(original).ok).toBe(true);
    expect(validateIccid(swapped).ok).toBe(true);
  });

  it('accepts every generated valid ICCID and returns it unchanged', () => {
    fc.assert(
      fc.property(validIccid, (iccid) => {
        const result = validateIccid(iccid);
        expect(result).toEqual({ ok: true, kind: 'iccid', value: iccid, notes: [] });
        if (result.ok) expect(validateIccid(result.value)).toEqual(result);
      }),
    );
  });

  it('gives the same canonical ICCID wherever spaces and dashes are inserted', () => {
    const pasted = validIccid.chain((iccid) => fc.tuple(fc.constant(iccid), withSeparators(iccid)));
    fc.assert(
      fc.property(pasted, ([iccid, messy]) => {
        expect(validateIccid(messy)).toMatchObject({ ok: true, value: iccid });
      }),
    );
  });

  it('rejects every ICCID with a single digit changed', () => {
    fc.assert(
      fc.property(validIccid.chain(withOneDigitChanged), (typo) => {
        expect(validateIccid(typo).ok).toBe(false);
      }),
    );
  });

  it('rejects every ICCID with two adjacent different digits swapped, unless they are 0 and 9', () => {
    const swapped = validIccid
      .chain((iccid) => fc.tuple(fc.constant(iccid), fc.nat({ max: iccid.length - 2 })))
      .filter(([iccid, i]) => iccid.charAt(i) !== iccid.charAt(i + 1));
    fc.assert(
      fc.property(swapped, ([iccid, i]) => {
        const a = iccid.charAt(i);
        const b = iccid.charAt(i + 1);
        const typo = iccid.slice(0, i) + b + a + iccid.slice(i + 2);
        if ((a === '0' && b === '9') || (a === '9' && b === '0')) {
          // Luhn can't see this swap; only the 89 prefix check might.
          expect(isLuhnValid(typo)).toBe(true);
        } else {
          expect(validateIccid(typo).ok).toBe(false);
        }
      }),
    );
  });
});

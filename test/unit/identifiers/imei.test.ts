import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateImei, validateImeisv } from '../../../shared/identifiers';
import { digits, validImei, withLuhn, withOneDigitChanged, withSeparators } from './arbitraries';

// The IMEI/IMEISV pair from the Wikipedia article, and a valid IMEI starting with 0.
const IMEI = '352099001761481';
const IMEISV = '3520990017614823';
const IMEI_WITH_ZERO = '010154203237519';

describe('validateImei', () => {
  it('accepts known-valid IMEIs', () => {
    expect(validateImei('490154203237518')).toEqual({
      ok: true,
      kind: 'imei',
      value: '490154203237518',
      notes: [],
    });
    expect(validateImei(IMEI)).toMatchObject({ ok: true, value: IMEI });
    expect(validateImei(IMEI_WITH_ZERO)).toMatchObject({ ok: true, value: IMEI_WITH_ZERO });
  });

  it('accepts an IMEI written in its usual 35-209900-176148-1 grouping', () => {
    expect(validateImei('35-209900-176148-1')).toEqual({
      ok: true,
      kind: 'imei',
      value: IMEI,
      notes: ['removed dashes'],
    });
  });

  it('accepts an IMEI that arrives as a safe JS number, and notes where it came from', () => {
    const result = validateImei(490154203237518);
    expect(result).toMatchObject({ ok: true, value: '490154203237518' });
    expect(result.ok && result.notes.join()).toContain('number');
  });

  it('says Excel may have dropped a leading zero when a 14-digit IMEI would be valid with one', () => {
    const result = validateImei('10154203237519');
    expect(result).toMatchObject({ ok: false, problem: 'leading_zero_lost' });
    expect(result.ok || result.message).toBe(
      'IMEI 10154203237519 has 14 digits; an IMEI has 15. Excel may have dropped a leading zero: ' +
        'format the column as Text and re-export.',
    );
  });

  it('says the same when the IMEI arrived as a number, and does not pad it', () => {
    expect(validateImei(10154203237519)).toMatchObject({
      ok: false,
      problem: 'leading_zero_lost',
      input: '10154203237519',
    });
  });

  it('says the check digit is missing when a 14-digit IMEI cannot be a lost-zero case', () => {
    // The Wikipedia IMEI without its last digit: a leading 0 would not make it valid.
    const result = validateImei('35209900176148');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit_missing' });
    expect(result.ok || result.message).toMatch(
      /^IMEI 35209900176148 has 14 digits; an IMEI has 15/,
    );
  });

  it('reports a 16-digit value as looking like an IMEISV and gives the matching IMEI', () => {
    const result = validateImei(IMEISV);
    expect(result).toMatchObject({ ok: false, problem: 'bad_length' });
    expect(result.ok || result.message).toContain('IMEISV');
    expect(result.ok || result.message).toContain(IMEI);
  });

  it('rejects an IMEI with a typo in it, naming the IMEI', () => {
    const result = validateImei('352099001761482');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(result.ok || result.message).toContain('352099001761482');
  });

  it('rejects other lengths as the wrong length', () => {
    expect(validateImei('3520990017')).toMatchObject({ problem: 'bad_length' });
    expect(validateImei('35209900176148123')).toMatchObject({ problem: 'bad_length' });
  });

  it('rejects a 16-digit JS number because Excel keeps only 15 digits', () => {
    expect(validateImei(3520990017614823)).toMatchObject({ problem: 'scientific_notation' });
  });

  it('accepts every generated valid IMEI and returns it unchanged', () => {
    fc.assert(
      fc.property(validImei, (imei) => {
        expect(validateImei(imei)).toEqual({ ok: true, kind: 'imei', value: imei, notes: [] });
      }),
    );
  });

  it('gives the same canonical IMEI wherever spaces and dashes are inserted', () => {
    const pasted = validImei.chain((imei) => fc.tuple(fc.constant(imei), withSeparators(imei)));
    fc.assert(
      fc.property(pasted, ([imei, messy]) => {
        expect(validateImei(messy)).toMatchObject({ ok: true, value: imei });
      }),
    );
  });

  it('rejects every IMEI with a single digit changed', () => {
    fc.assert(
      fc.property(validImei.chain(withOneDigitChanged), (typo) => {
        expect(validateImei(typo)).toMatchObject({ ok: false, problem: 'check_digit' });
      }),
    );
  });

  it('reports any valid IMEI that lost its leading zero as leading_zero_lost', () => {
    const zeroLed = digits(13).map((body) => withLuhn(`0${body}`));
    fc.assert(
      fc.property(zeroLed, (imei) => {
        expect(validateImei(imei).ok).toBe(true);
        expect(validateImei(imei.slice(1))).toMatchObject({
          ok: false,
          problem: 'leading_zero_lost',
        });
      }),
    );
  });
});

describe('validateImeisv', () => {
  it('accepts a 16-digit IMEISV as it is, with no check digit to verify', () => {
    expect(validateImeisv(IMEISV)).toEqual({ ok: true, kind: 'imeisv', value: IMEISV, notes: [] });
    expect(validateImeisv('35 209900 176148 23')).toMatchObject({ ok: true, value: IMEISV });
  });

  it('says a 15-digit value with a valid check digit looks like an IMEI', () => {
    const result = validateImeisv(IMEI);
    expect(result).toMatchObject({ ok: false, problem: 'bad_length' });
    expect(result.ok || result.message).toContain('looks like an IMEI');
  });

  it('says Excel may have dropped a leading zero from a 15-digit IMEISV', () => {
    const result = validateImeisv('135209900176148');
    expect(result).toMatchObject({ ok: false, problem: 'leading_zero_lost' });
    expect(result.ok || result.message).toContain('135209900176148 has 15 digits');
  });

  it('rejects other lengths as the wrong length', () => {
    expect(validateImeisv('35209900176148231')).toMatchObject({ problem: 'bad_length' });
  });

  it('accepts any 16 digits', () => {
    fc.assert(
      fc.property(digits(16), (imeisv) => {
        expect(validateImeisv(imeisv)).toMatchObject({ ok: true, value: imeisv });
      }),
    );
  });
});

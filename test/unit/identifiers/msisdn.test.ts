import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMsisdn } from '../../../shared/identifiers';
import { digits, withSeparators } from './arbitraries';

describe('validateMsisdn', () => {
  it('stores an E.164 number as digits with the country code and no +', () => {
    expect(validateMsisdn('+12125551234')).toEqual({
      ok: true,
      kind: 'msisdn',
      value: '12125551234',
      notes: [],
    });
    expect(validateMsisdn('+44 7700 900123')).toMatchObject({ ok: true, value: '447700900123' });
  });

  it('adds country code 1 to a 10-digit US/Canada MDN, and notes it', () => {
    const result = validateMsisdn('212-555-1234');
    expect(result).toMatchObject({ ok: true, value: '12125551234' });
    expect(result.ok && result.notes).toContain('added country code 1 (US/Canada 10-digit number)');
  });

  it('accepts an 11-digit US/Canada number that already has its 1', () => {
    expect(validateMsisdn('1 212 555 1234')).toMatchObject({ ok: true, value: '12125551234' });
    expect(validateMsisdn(12125551234)).toMatchObject({ ok: true, value: '12125551234' });
  });

  it('accepts international numbers written without the +', () => {
    expect(validateMsisdn('447700900123')).toMatchObject({ ok: true, value: '447700900123' });
  });

  it('accepts a 15-digit IoT number and rejects 16 digits', () => {
    expect(validateMsisdn('+882360001234567')).toMatchObject({ ok: true });
    expect(validateMsisdn('+8823600012345678')).toMatchObject({ problem: 'bad_length' });
  });

  it('rejects a US/Canada number whose exchange starts with 0 or 1', () => {
    // 555-123-4567 looks familiar, but exchange 123 cannot exist.
    const result = validateMsisdn('+15551234567');
    expect(result).toMatchObject({ ok: false, problem: 'bad_prefix' });
    expect(result.ok || result.message).toContain('exchange 123');
  });

  it('rejects a US/Canada number whose area code starts with 0 or 1', () => {
    const result = validateMsisdn('+11125551234');
    expect(result).toMatchObject({ ok: false, problem: 'bad_prefix' });
    expect(result.ok || result.message).toContain('area code 112');
  });

  it('rejects a number starting with country code 1 that is not 11 digits', () => {
    expect(validateMsisdn('+1212555123')).toMatchObject({ problem: 'bad_length' });
  });

  it('asks for + instead of the 00 international prefix, without rewriting it', () => {
    const result = validateMsisdn('0044 7700 900123');
    expect(result).toMatchObject({ ok: false, problem: 'bad_prefix' });
    expect(result.ok || result.message).toContain('+447700900123');
  });

  it('rejects a national number starting with 0, since the country is unknown', () => {
    expect(validateMsisdn('07700 900123')).toMatchObject({ ok: false, problem: 'bad_prefix' });
  });

  it('rejects a short number without + because the country code may be missing', () => {
    expect(validateMsisdn('7700900')).toMatchObject({ problem: 'bad_length' });
    expect(validateMsisdn('+6834001')).toMatchObject({ ok: true, value: '6834001' });
  });

  it('rejects a + anywhere but the start, and brackets, naming the character', () => {
    expect(validateMsisdn('44+7700900123')).toMatchObject({ problem: 'bad_character' });
    const result = validateMsisdn('(212) 555-1234');
    expect(result).toMatchObject({ problem: 'bad_character' });
    expect(result.ok || result.message).toContain('"("');
  });

  it('reports a bare + as empty', () => {
    expect(validateMsisdn(' + ')).toMatchObject({ problem: 'empty' });
  });

  it('points out an ICCID pasted into the phone number column', () => {
    const result = validateMsisdn('89014103211118510720');
    expect(result.ok || result.message).toContain('ICCID');
  });

  it('normalises every valid US/Canada MDN to 1 + 10 digits however it is written', () => {
    const mdn = fc
      .tuple(fc.integer({ min: 2, max: 9 }), digits(2), fc.integer({ min: 2, max: 9 }), digits(6))
      .map(([a, b, c, d]) => `${a}${b}${c}${d}`);
    const written = mdn.chain((ten) =>
      fc.tuple(
        fc.constant(ten),
        fc.constantFrom(ten, `1${ten}`, `+1${ten}`).chain((form) => withSeparators(form)),
      ),
    );
    fc.assert(
      fc.property(written, ([ten, messy]) => {
        expect(validateMsisdn(messy)).toMatchObject({ ok: true, value: `1${ten}` });
      }),
    );
  });

  it('keeps any + number of 7 to 15 digits outside country code 1 as its digits', () => {
    const e164 = fc
      .integer({ min: 7, max: 15 })
      .chain((n) => fc.tuple(fc.integer({ min: 2, max: 9 }), digits(n - 1)))
      .map(([first, rest]) => `${first}${rest}`);
    fc.assert(
      fc.property(e164, (number) => {
        expect(validateMsisdn(`+${number}`)).toMatchObject({ ok: true, value: number });
      }),
    );
  });
});

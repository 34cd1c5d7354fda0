import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdentifierKind } from '../../../shared/identifiers';
import {
  cleanDigits,
  describeIdentifier,
  validateEid,
  validateIccid,
  validateIdentifier,
  validateImei,
  validateImeisv,
  validateMsisdn,
} from '../../../shared/identifiers';
import { scientificNotation } from './arbitraries';

const KINDS: IdentifierKind[] = ['iccid', 'imei', 'imeisv', 'msisdn', 'eid'];
const kind = fc.constantFrom(...KINDS);

describe('cleanDigits', () => {
  it('strips surrounding whitespace, spaces and dashes', () => {
    expect(cleanDigits('  8901 4103-2111\u00a01851\t0720 \n')).toEqual({
      digits: '89014103211118510720',
    });
  });

  it('treats typographic dashes that Word and Excel insert as dashes', () => {
    expect(cleanDigits('35\u2013209900\u2014176148\u22121')).toEqual({ digits: '352099001761481' });
  });

  it('keeps leading zeros in text', () => {
    expect(cleanDigits('010154203237519')).toEqual({ digits: '010154203237519' });
  });

  it('turns a safe whole JS number into its digits', () => {
    expect(cleanDigits(490154203237518)).toEqual({ digits: '490154203237518' });
  });

  it('rejects a JS number beyond 15 digits, since Excel has already rounded it', () => {
    expect(cleanDigits(8.90126e18)).toMatchObject({ problem: 'scientific_notation' });
    expect(cleanDigits(Number.MAX_SAFE_INTEGER)).toMatchObject({
      problem: 'scientific_notation',
    });
  });

  it('rejects negative, fractional and non-finite numbers', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(cleanDigits(n)).toMatchObject({ problem: 'bad_character' });
    }
  });

  it('rejects dots rather than guessing they are separators', () => {
    const result = cleanDigits('8901.4103.2111');
    expect(result).toMatchObject({ problem: 'bad_character' });
    expect('message' in result && result.message).toContain('"."');
  });

  it('names invisible characters by their code so they can be found', () => {
    const result = cleanDigits('3520990\u200b01761481');
    expect('message' in result && result.message).toContain('U+200B');
  });

  it('reports an empty or separator-only cell as empty', () => {
    expect(cleanDigits('')).toMatchObject({ problem: 'empty' });
    expect(cleanDigits(' - ')).toMatchObject({ problem: 'empty' });
  });

  it('reports a European-style 8,90126E+18 as scientific notation', () => {
    expect(cleanDigits('8,90126E+18')).toMatchObject({ problem: 'scientific_notation' });
  });
});

describe('describeIdentifier', () => {
  it('names every kind in words a desk worker knows', () => {
    expect(describeIdentifier('iccid')).toBe('ICCID (SIM card number)');
    for (const k of KINDS) expect(describeIdentifier(k)).toMatch(/^[A-Z]+ \(.+\)$/);
  });
});

describe('validateIdentifier', () => {
  it('dispatches to the validator for each kind', () => {
    const samples: [IdentifierKind, string, (input: string) => unknown][] = [
      ['iccid', '89014103211118510720', validateIccid],
      ['imei', '490154203237518', validateImei],
      ['imeisv', '3520990017614823', validateImeisv],
      ['msisdn', '+12125551234', validateMsisdn],
      ['eid', '89049032123451234512345678901235', validateEid],
    ];
    for (const [k, value, validate] of samples) {
      expect(validateIdentifier(k, value)).toEqual(validate(value));
      expect(validateIdentifier(k, value)).toMatchObject({ ok: true, kind: k });
    }
  });

  it('rejects Excel scientific notation as scientific_notation for every kind', () => {
    fc.assert(
      fc.property(kind, scientificNotation, fc.constantFrom('', ' '), (k, sci, pad) => {
        const result = validateIdentifier(k, pad + sci + pad);
        expect(result).toMatchObject({ ok: false, kind: k, problem: 'scientific_notation' });
        expect(result.ok || result.message).toContain(sci);
        expect(result.ok || result.message).toContain('Text');
      }),
    );
  });

  it('rejects every JS number too big to be exact as scientific_notation', () => {
    const unsafe = fc.double({ min: 2 ** 53, max: 1e40, noNaN: true });
    fc.assert(
      fc.property(kind, unsafe, (k, n) => {
        expect(validateIdentifier(k, n)).toMatchObject({ problem: 'scientific_notation' });
      }),
    );
  });

  it('gives every failure a message that names the value as typed or as cleaned', () => {
    const anyInput = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'0123456789 -+.Ff8'), maxLength: 40 }),
      fc.integer({ min: -1, max: Number.MAX_SAFE_INTEGER }),
      fc.double(),
    );
    fc.assert(
      fc.property(kind, anyInput, (k, input) => {
        const result = validateIdentifier(k, input);
        if (result.ok) return;
        const raw = String(input);
        const shown = raw.trim();
        const cleaned = raw.replace(/[\s\-\u2010-\u2015\u2212]/g, '').replace(/^\+/, '');
        expect(result.input).toBe(raw);
        expect(result.kind).toBe(k);
        expect(result.message.length).toBeGreaterThan(0);
        expect(result.message.includes(shown) || result.message.includes(cleaned)).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { effectiveDateProblem, parseEffectiveDate } from '../../../main/core/import/dates';

describe('effective dates from a file', () => {
  it('reads ISO days, moments, Excel serial days and unambiguous day/month orders', () => {
    expect(parseEffectiveDate('2026-12-01')).toEqual({ ok: true, value: '2026-12-01' });
    expect(parseEffectiveDate('2026-12-01T09:30')).toEqual({
      ok: true,
      value: '2026-12-01T09:30:00',
    });
    expect(parseEffectiveDate(46357)).toEqual({ ok: true, value: '2026-12-01' });
    expect(parseEffectiveDate('25/12/2026')).toEqual({ ok: true, value: '2026-12-25' });
    expect(parseEffectiveDate('12/25/2026')).toEqual({ ok: true, value: '2026-12-25' });
  });

  it('refuses dates that could be misread or are not days', () => {
    expect(parseEffectiveDate('03/04/2026')).toEqual({
      ok: false,
      message:
        '03/04/2026 could be read as day/month or month/day. Write the date as 2026-12-01 (year-month-day).',
    });
    expect(parseEffectiveDate('2026-02-30')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a day of the calendar'),
    });
    expect(parseEffectiveDate('next Tuesday')).toMatchObject({ ok: false });
  });

  it('allows today up to a year ahead', () => {
    const now = new Date(2026, 10, 22, 15, 0).getTime();
    expect(effectiveDateProblem('2026-11-22', now)).toBeUndefined();
    expect(effectiveDateProblem('2027-11-22', now)).toBeUndefined();
    expect(effectiveDateProblem('2026-11-21', now)).toBe(
      '2026-11-21 is in the past. Give today or a later date, or leave the date empty to change now.',
    );
    expect(effectiveDateProblem('2028-01-01', now)).toContain('more than a year ahead');
  });
});

import { describe, expect, it } from 'vitest';
import { ComplianceReportSpec } from '../../../shared/contract/reports';

const problems = (from: string, to = '2026-03-31') => {
  const result = ComplianceReportSpec.safeParse({ kind: 'compliance', from, to });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the days of a compliance report', () => {
  it('accepts every day on the calendar, 29 February of a leap year too', () => {
    expect(problems('2026-02-28')).toEqual([]);
    expect(problems('2028-02-29')).toEqual([]);
    expect(problems('2026-12-31')).toEqual([]);
  });

  it('refuses a day the month does not have, saying how many days it has', () => {
    expect(problems('2026-02-31')).toEqual(['2026-02-31 is not a day; February 2026 has 28 days.']);
    expect(problems('2026-02-29')).toEqual(['2026-02-29 is not a day; February 2026 has 28 days.']);
    expect(problems('2026-04-31')).toEqual(['2026-04-31 is not a day; April 2026 has 30 days.']);
    expect(problems('2026-03-00')).toEqual(['2026-03-00 is not a day; March 2026 has 31 days.']);
    expect(problems('2026-13-01')).toEqual(['2026-13-01 is not a day; months run from 01 to 12.']);
  });

  it('asks for YYYY-MM-DD once when the day is written another way', () => {
    expect(problems('31/03/2026')).toEqual(['A day is written YYYY-MM-DD.']);
  });
});

import { describe, expect, it } from 'vitest';
import { excelDateText } from '../../../../main/core/import/read/excelDate';
import { excelSerial } from '../../../support/spreadsheets';

describe('Excel date serials as text', () => {
  it('gives the date, or the date and time to the minute when it has a time of day', () => {
    expect(excelDateText(45356, false)).toBe('2024-03-05');
    expect(excelDateText(45356.6041666667, false)).toBe('2024-03-05T14:30');
    expect(excelDateText(excelSerial('2024-07-01T23:59'), false)).toBe('2024-07-01T23:59');
  });

  it('rounds to the second before cutting to minutes, as Excel shows a stored 10:30', () => {
    expect(excelDateText(45356 + 10.5 / 24 - 1e-9, false)).toBe('2024-03-05T10:30');
    expect(excelDateText(45356 + 10.5 / 24 + 45 / 86400, false)).toBe('2024-03-05T10:30');
  });

  it('counts from 1904 in workbooks that say so', () => {
    expect(excelDateText(excelSerial('2024-03-05', true), true)).toBe('2024-03-05');
  });

  it("follows Excel's phantom 29 February 1900 and refuses serials Excel can't show", () => {
    expect(excelDateText(1, false)).toBe('1900-01-01');
    expect(excelDateText(59, false)).toBe('1900-02-28');
    expect(excelDateText(61, false)).toBe('1900-03-01');
    expect(excelDateText(-1, false)).toBeNull();
    expect(excelDateText(3_000_000, false)).toBeNull();
  });
});

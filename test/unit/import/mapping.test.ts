import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../../main/core/import/fields';
import { findHeaderRow, toTable } from '../../../main/core/import/table';
import { luhnCheckDigit } from '../../../shared/identifiers';

const iccid = (n: number) => {
  const body = `8901410321111851${String(n).padStart(2, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
};

describe('finding the header', () => {
  it('skips title rows above a header that names fields', () => {
    const grid = [
      ['Acme Logistics'],
      ['Sent 2026-11-20'],
      [],
      ['ICCID', 'Target Status'],
      [iccid(1), 'Suspend'],
    ];
    expect(findHeaderRow(grid)).toBe(4);
  });

  it('takes the row above the first identifier when no header word is known', () => {
    const grid = [['Asset list'], ['Kennung', 'Bemerkung'], [iccid(1), 'x'], [iccid(2), 'y']];
    expect(findHeaderRow(grid)).toBe(2);
  });

  it('has no header row when the first row is already data', () => {
    expect(findHeaderRow([[iccid(1)], [iccid(2)]])).toBe(0);
  });

  it('numbers data rows as the spreadsheet shows them and leaves blank rows out', () => {
    const table = toTable({ name: 'S', rows: [['ICCID'], [iccid(1)], [], ['  '], [iccid(2)]] }, 1);
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(toTable({ name: 'S', rows: [[iccid(1), null, 'x']] }, 0).headers).toEqual([
      'Column A',
      'Column B',
      'Column C',
    ]);
  });
});

describe('guessing columns', () => {
  it('reads customers’ header words', () => {
    expect(
      detectMapping(
        ['SIM No.', 'Device IMEI', 'MDN', 'New Status', 'Rate Plan', 'Effective Date', 'Site'],
        [],
      ),
    ).toEqual([
      { column: 0, field: 'iccid' },
      { column: 1, field: 'imei' },
      { column: 2, field: 'msisdn' },
      { column: 3, field: 'targetStatus' },
      { column: 4, field: 'carrierRatePlan' },
      { column: 5, field: 'effectiveDate' },
      { column: 6, field: 'site' },
    ]);
  });

  it('recognises identifier columns by their content, including Excel-damaged ICCIDs', () => {
    const sample = [
      ['x', iccid(1), '356938035643809', 8.90141032111185e18],
      ['y', iccid(2), '490154203237518', 8.90141032111185e18],
    ];
    expect(detectMapping(['Ref', 'Kennung', 'Geraet', 'Alt'], sample)).toEqual([
      { column: 1, field: 'iccid' },
      { column: 2, field: 'imei' },
    ]);
  });

  it('uses each field once, the leftmost column winning', () => {
    expect(detectMapping(['ICCID', 'SIM'], [])).toEqual([{ column: 0, field: 'iccid' }]);
  });
});

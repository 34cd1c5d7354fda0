import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  columnName,
  hasIdentifier,
  mappedColumns,
  withField,
} from '../../../renderer/features/import/mapping';

const columns = [
  { index: 0, header: 'Sim Number', samples: [] },
  { index: 1, header: 'Device IMEI', samples: [] },
  { index: 2, header: 'New Status', samples: [] },
  { index: 3, header: '', samples: [] },
];

describe('column mapping', () => {
  it('names columns by their spreadsheet letter', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(columnName(columns[3]!)).toBe('Column D');
    expect(columnName(columns[0]!)).toBe('Sim Number');
  });

  it('reads a field from one column only: giving it to another lets the first go', () => {
    const start = withField([], 1, 'iccid');
    expect(start).toEqual([{ column: 1, field: 'iccid' }]);
    const moved = withField(withField(start, 2, 'targetStatus'), 0, 'iccid');
    expect(moved).toEqual([
      { column: 0, field: 'iccid' },
      { column: 2, field: 'targetStatus' },
    ]);
    expect(withField(moved, 0, null)).toEqual([{ column: 2, field: 'targetStatus' }]);
  });

  it('knows whether any column identifies the device', () => {
    expect(hasIdentifier([{ column: 2, field: 'targetStatus' }])).toBe(false);
    expect(hasIdentifier([{ column: 1, field: 'imei' }])).toBe(true);
  });

  it('names the column each mapped field comes from', () => {
    expect(
      mappedColumns(columns, [
        { column: 2, field: 'targetStatus' },
        { column: 3, field: 'iccid' },
      ]),
    ).toEqual({ targetStatus: 'New Status', iccid: 'Column D' });
  });
});

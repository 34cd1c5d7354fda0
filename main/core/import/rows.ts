import type { RowResult } from '../../../shared/contract/imports';
import type { CheckedRow } from './check';

type Show = 'all' | 'problems' | 'errors' | 'warnings' | 'ok';

const shows: Record<Show, (row: RowResult) => boolean> = {
  all: () => true,
  problems: (r) => r.severity !== 'ok',
  errors: (r) => r.severity === 'error',
  warnings: (r) => r.severity === 'warning',
  ok: (r) => r.severity !== 'error',
};

/** A page of the dry run, without what only submit needs. */
export function pageRows(rows: readonly CheckedRow[], show: Show, offset: number, limit: number) {
  const matching = show === 'all' ? rows : rows.filter(shows[show]);
  return {
    total: matching.length,
    rows: matching
      .slice(offset, offset + limit)
      .map(({ device: _device, request: _request, groupKey: _groupKey, ...row }): RowResult => row),
  };
}

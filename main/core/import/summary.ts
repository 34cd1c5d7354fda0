import type { ImportCheck, RowResult } from '../../../shared/contract/imports';

const COMMON = 8;

/** Counts by severity and carrier, and the problems most rows share (numbers stripped so they group). */
export function summarize(
  rows: readonly RowResult[],
): Pick<ImportCheck, 'total' | 'ok' | 'warnings' | 'errors' | 'byCarrier' | 'commonProblems'> {
  const byCarrier = new Map<string, ImportCheck['byCarrier'][number]>();
  const counts = { ok: 0, warnings: 0, errors: 0 };
  const problems = new Map<string, number>();
  for (const row of rows) {
    const key = row.carrier ?? 'none';
    const entry = byCarrier.get(key) ?? {
      carrier: row.carrier,
      rows: 0,
      ok: 0,
      warnings: 0,
      errors: 0,
    };
    entry.rows++;
    const bucket =
      row.severity === 'ok' ? 'ok' : row.severity === 'warning' ? 'warnings' : 'errors';
    entry[bucket]++;
    counts[bucket]++;
    byCarrier.set(key, entry);
    for (const problem of row.problems) {
      const shape = problem.message
        .replace(/\d{5,}/g, '…')
        .replace(/…\./g, '…')
        .replace(/"[^"]*"/g, '"…"');
      problems.set(shape, (problems.get(shape) ?? 0) + 1);
    }
  }
  return {
    total: rows.length,
    ...counts,
    byCarrier: [...byCarrier.values()].sort((a, b) => b.rows - a.rows),
    commonProblems: [...problems.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, COMMON)
      .map(([message, count]) => ({ message, rows: count })),
  };
}

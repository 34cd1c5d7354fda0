/** The day on this computer's calendar (2026-12-01), the one the desk reads. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The moment a desk calendar day (2026-12-01) starts here, `days` later, as stored timestamps are written. */
export function dayStartIso(day: string, days = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + days).toISOString();
}

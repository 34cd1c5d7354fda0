const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** An estimate in words the desk reads at a glance: `about 40 s`, `about 3 min`, `about 2 h 10 min`. */
export function aboutDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 1) return 'under a second';
  if (seconds < MINUTE) return `about ${Math.round(seconds)} s`;
  if (seconds < HOUR) return `about ${Math.min(59, Math.round(seconds / MINUTE))} min`;
  if (seconds < DAY) {
    // Five-minute steps: an estimate to the minute after hours of calls is false precision.
    const total = Math.round(seconds / (5 * MINUTE)) * 5;
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    if (hours >= 24) return 'about 1 day';
    return minutes === 0 ? `about ${hours} h` : `about ${hours} h ${minutes} min`;
  }
  const totalHours = Math.round(seconds / HOUR);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours === 0
    ? `about ${plural(days, 'day', 'days')}`
    : `about ${plural(days, 'day', 'days')} ${hours} h`;
}

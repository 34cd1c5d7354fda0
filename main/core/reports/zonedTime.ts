/** The zone reports are written in when none is asked for: this computer's. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const QUARTER_HOUR = 15 * 60_000;

/**
 * Formats stored UTC times as ISO 8601 with the zone's offset (2026-11-22T09:31:18.193+01:00).
 * Offsets are looked up once per quarter hour, the finest step any zone's rules use, because
 * Intl is slow at 100k rows × several times each.
 */
export function zonedTime(timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const offsets = new Map<number, number>();
  const offsetMinutes = (ms: number): number => {
    const key = Math.floor(ms / QUARTER_HOUR);
    let minutes = offsets.get(key);
    if (minutes === undefined) {
      const name = parts.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
      const match = /([+-])(\d{2}):(\d{2})/.exec(name);
      minutes = match
        ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
        : 0;
      offsets.set(key, minutes);
    }
    return minutes;
  };
  const format = (stored: string | null): string => {
    if (stored === null) return '';
    const ms = Date.parse(stored);
    if (Number.isNaN(ms)) return stored;
    const minutes = offsetMinutes(ms);
    const sign = minutes < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 23)}${sign}${hh}:${mm}`;
  };
  const localDay = (ms: number) =>
    new Date(ms + offsetMinutes(ms) * 60_000).toISOString().slice(0, 10);
  /** The UTC instant, as stored, at which a YYYY-MM-DD day starts in the zone. */
  const dayStart = (day: string): string => {
    const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
    // Midnight at the offset of UTC midnight, then at the offset that lands in: on a DST day they
    // differ, and the earlier one on the day is its start.
    const first = midnightUtc - offsetMinutes(midnightUtc) * 60_000;
    const second = midnightUtc - offsetMinutes(first) * 60_000;
    const onDay = [first, second].filter((ms) => localDay(ms) === day);
    let start = onDay.length > 0 ? Math.min(...onDay) : Math.max(first, second);
    // Where the clocks jump over midnight (Santiago, Havana) the day starts at the jump, which
    // falls on a quarter hour at or before the instant found.
    while (localDay(start - QUARTER_HOUR) === day) start -= QUARTER_HOUR;
    return new Date(start).toISOString();
  };
  return { format, dayStart, timeZone };
}
export type ZonedTime = ReturnType<typeof zonedTime>;

/** A duration as the desk reads it: "2 h 05 min", "3 min 12 s", "4.2 s". */
export function duration(fromStored: string | null, toStored: string | null): string {
  if (fromStored === null || toStored === null) return '';
  const ms = Date.parse(toStored) - Date.parse(fromStored);
  if (!Number.isFinite(ms) || ms < 0) return '';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor(s / 60) % 60).padStart(2, '0')} min`;
}

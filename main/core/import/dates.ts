import type { Cell } from './read';
import { effectiveAtOf } from '../changes/customerRatePlanChange.schedule';

/** How far ahead a change may be scheduled: a year covers every billing cycle we plan for. */
const MAX_DAYS_AHEAD = 366;
const DAY_MS = 24 * 60 * 60 * 1000;
const WRITE_IT = 'Write the date as 2026-12-01 (year-month-day).';

type Parsed = { ok: true; value: string } | { ok: false; message: string };

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const realDay = (y: number, m: number, d: number) => {
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
};

/**
 * An effective date as a day or moment the schedule understands. Dates Excel kept as dates
 * arrive as ISO text; a day/month order is accepted only when it can't be misread.
 */
export function parseEffectiveDate(cell: Cell): Parsed {
  if (typeof cell === 'number') {
    // An Excel serial day number (1900 system) that was not formatted as a date.
    if (cell > 30_000 && cell < 80_000 && Number.isInteger(cell)) {
      const date = new Date(Date.UTC(1899, 11, 30) + cell * DAY_MS);
      return {
        ok: true,
        value: iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
      };
    }
    return { ok: false, message: `${cell} is not a date. ${WRITE_IT}` };
  }
  const text = String(cell ?? '').trim();
  const isoDay = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (isoDay) {
    const [y, m, d] = [Number(isoDay[1]), Number(isoDay[2]), Number(isoDay[3])];
    return realDay(y, m, d)
      ? { ok: true, value: iso(y, m, d) }
      : { ok: false, message: `${text} is not a day of the calendar. ${WRITE_IT}` };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(text))
    return Number.isNaN(Date.parse(text))
      ? { ok: false, message: `${text} is not a real moment. ${WRITE_IT}` }
      : { ok: true, value: text.length === 16 ? `${text}:00` : text };
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (slashed) {
    const [a, b, y] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (a > 12 && realDay(y, b, a)) return { ok: true, value: iso(y, b, a) };
    if (b > 12 && realDay(y, a, b)) return { ok: true, value: iso(y, a, b) };
    return {
      ok: false,
      message: `${text} could be read as day/month or month/day. ${WRITE_IT}`,
    };
  }
  return { ok: false, message: `"${text}" is not a date. ${WRITE_IT}` };
}

/** Why an effective date can't be used (in the past, or too far ahead), if it can't. */
export function effectiveDateProblem(value: string, now = Date.now()): string | undefined {
  const at = effectiveAtOf(value);
  const today = new Date(now);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  if (at < startOfToday)
    return `${value} is in the past. Give today or a later date, or leave the date empty to change now.`;
  if (at > startOfToday + MAX_DAYS_AHEAD * DAY_MS)
    return `${value} is more than a year ahead; changes can be scheduled up to a year out. Check the year.`;
  return undefined;
}

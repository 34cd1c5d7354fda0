const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const startOfDay = (date: Date) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/**
 * When a scheduled change is due, on the desk's calendar: the day (with the time unless it is
 * the start of the day, as a date-only effective date is), and how far off in days.
 */
export function dueWords(iso: string, now = new Date()): { when: string; away: string } {
  const due = new Date(iso);
  const dayOnly = due.getHours() === 0 && due.getMinutes() === 0;
  const when = dayOnly
    ? dayFormat.format(due)
    : `${dayFormat.format(due)}, ${timeFormat.format(due)}`;
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  const days = Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
  return { when, away: relative.format(days, 'day') };
}

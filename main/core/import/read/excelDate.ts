const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last day Excel shows. */
const LAST_SERIAL = 2_958_465;
/** Serial 60 is 29 February 1900, a day Excel counts although it never was. */
const PHANTOM_LEAP_DAY = 60;

/**
 * An Excel date serial as the wall-clock text Excel shows: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM`
 * when it has a time of day. Computed in UTC arithmetic, never through the local time zone, so
 * no offset or daylight-saving change can shift it. Null when the serial is not a date Excel
 * would show (negative or past 9999).
 */
export function excelDateText(serial: number, date1904: boolean): string | null {
  const days = date1904 ? serial + 1462 : serial;
  if (!(days >= 0 && days < LAST_SERIAL + 1)) return null;
  const counted = days >= 1 && days < PHANTOM_LEAP_DAY ? days + 1 : days;
  // Whole seconds first: a stored 10:30 is often 10:29:59.9999.
  const ms = Math.round((counted * MS_PER_DAY) / 1000) * 1000;
  const iso = new Date(EPOCH + ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso.slice(0, 16);
}

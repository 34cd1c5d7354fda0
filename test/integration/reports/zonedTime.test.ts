import { describe, expect, it } from 'vitest';
import { duration, zonedTime } from '../../../main/core/reports/zonedTime';

describe('report times', () => {
  it('write a stored UTC time with the offset the zone had at that moment, across a DST change', () => {
    const paris = zonedTime('Europe/Paris');
    expect(paris.format('2026-11-22T08:31:18.193Z')).toBe('2026-11-22T09:31:18.193+01:00');
    expect(paris.format('2026-07-01T12:00:00.000Z')).toBe('2026-07-01T14:00:00.000+02:00');
    expect(paris.format('2026-03-29T00:59:59.999Z')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(paris.format('2026-03-29T01:00:00.000Z')).toBe('2026-03-29T03:00:00.000+02:00');
    expect(zonedTime('America/New_York').format('2026-01-05T03:00:00.000Z')).toBe(
      '2026-01-04T22:00:00.000-05:00',
    );
    expect(zonedTime('Asia/Kolkata').format('2026-01-05T03:00:00.000Z')).toBe(
      '2026-01-05T08:30:00.000+05:30',
    );
    expect(zonedTime('UTC').format(null)).toBe('');
  });

  it('start a day at the zone’s midnight, also on the day the clocks change', () => {
    expect(zonedTime('Europe/Paris').dayStart('2026-11-22')).toBe('2026-11-21T23:00:00.000Z');
    expect(zonedTime('Europe/Paris').dayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedTime('Europe/Paris').dayStart('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(zonedTime('America/New_York').dayStart('2026-11-01')).toBe('2026-11-01T04:00:00.000Z');
  });

  it.each([
    // Clocks jump from 00:00 to 01:00: the day starts at the jump, not an hour before the day.
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z', '2026-09-06T01:00:00.000-03:00'],
    ['America/Havana', '2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-08T01:00:00.000-04:00'],
    ['Asia/Beirut', '2026-03-29', '2026-03-28T22:00:00.000Z', '2026-03-29T01:00:00.000+03:00'],
    // Clocks fall back at or after midnight: the day starts at the first midnight it shows.
    ['America/Santiago', '2026-04-05', '2026-04-05T04:00:00.000Z', '2026-04-05T00:00:00.000-04:00'],
    ['Asia/Beirut', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T00:00:00.000+02:00'],
    ['America/Havana', '2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-01T00:00:00.000-04:00'],
    ['Europe/Paris', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T00:00:00.000+02:00'],
    ['Europe/Paris', '2026-10-26', '2026-10-25T23:00:00.000Z', '2026-10-26T00:00:00.000+01:00'],
    ['Asia/Kolkata', '2026-01-05', '2026-01-04T18:30:00.000Z', '2026-01-05T00:00:00.000+05:30'],
    ['Pacific/Chatham', '2026-09-27', '2026-09-26T11:15:00.000Z', '2026-09-27T00:00:00.000+12:45'],
    ['Pacific/Chatham', '2026-09-28', '2026-09-27T10:15:00.000Z', '2026-09-28T00:00:00.000+13:45'],
    ['Pacific/Chatham', '2026-04-05', '2026-04-04T10:15:00.000Z', '2026-04-05T00:00:00.000+13:45'],
    ['UTC', '2026-02-28', '2026-02-28T00:00:00.000Z', '2026-02-28T00:00:00.000+00:00'],
  ])('start %s %s at its first instant (%s)', (zone, day, start, local) => {
    const time = zonedTime(zone);
    expect(time.dayStart(day)).toBe(start);
    expect(time.format(start)).toBe(local);
    // A minute earlier is still the day before, so a change at 23:59 lands in its own day.
    expect(time.format(new Date(Date.parse(start) - 60_000).toISOString()) < day).toBe(true);
  });

  it('give a duration in the units a desk reads', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
    expect(duration(at(0), at(4.2))).toBe('4.2 s');
    expect(duration(at(0), at(192))).toBe('3 min 12 s');
    expect(duration(at(0), at(7500))).toBe('2 h 05 min');
    expect(duration(at(0), null)).toBe('');
  });
});

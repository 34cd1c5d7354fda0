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

  it('give a duration in the units a desk reads', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
    expect(duration(at(0), at(4.2))).toBe('4.2 s');
    expect(duration(at(0), at(192))).toBe('3 min 12 s');
    expect(duration(at(0), at(7500))).toBe('2 h 05 min');
    expect(duration(at(0), null)).toBe('');
  });
});

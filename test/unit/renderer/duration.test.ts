import { describe, expect, it } from 'vitest';
import { aboutDuration } from '../../../renderer/ui/duration';

describe('aboutDuration', () => {
  it('says so when there is nothing to wait for', () => {
    expect(aboutDuration(0)).toBe('under a second');
    expect(aboutDuration(0.4)).toBe('under a second');
    expect(aboutDuration(Number.NaN)).toBe('under a second');
  });

  it('counts seconds, then minutes, then hours in five-minute steps, then days', () => {
    expect(aboutDuration(1)).toBe('about 1 s');
    expect(aboutDuration(42.4)).toBe('about 42 s');
    expect(aboutDuration(60)).toBe('about 1 min');
    expect(aboutDuration(170)).toBe('about 3 min');
    expect(aboutDuration(3599)).toBe('about 59 min');
    expect(aboutDuration(3600)).toBe('about 1 h');
    expect(aboutDuration(2 * 3600 + 9 * 60)).toBe('about 2 h 10 min');
    expect(aboutDuration(86_399)).toBe('about 1 day');
    expect(aboutDuration(86_400)).toBe('about 1 day');
    expect(aboutDuration(86_400 * 2 + 3600 * 5)).toBe('about 2 days 5 h');
  });
});

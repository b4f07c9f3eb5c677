import {
  ageInDays,
  formatDate,
  formatDuration,
  formatHandOff,
  isPast,
  plural,
  relativeTime,
} from './format';

const now = Date.parse('2026-11-28T12:00:00.000Z');

describe('format', () => {
  it('says times relative to now in the largest fitting unit', () => {
    expect(relativeTime('2026-11-28T15:00:00.000Z', now)).toBe('in 3 hours');
    expect(relativeTime('2026-11-28T11:58:00.000Z', now)).toBe('2 minutes ago');
    expect(relativeTime('2026-11-27T12:00:00.000Z', now)).toBe('yesterday');
    expect(relativeTime('2026-04-02T12:00:00.000Z', now)).toBe('8 months ago');
    expect(relativeTime('2024-11-28T12:00:00.000Z', now)).toBe('2 years ago');
    expect(relativeTime('not a date', now)).toBe('not a date');
  });

  it('counts whole days and knows past dates', () => {
    expect(ageInDays('2026-07-31', now)).toBe(120);
    expect(ageInDays('2026-12-31', now)).toBe(0);
    expect(isPast('2026-11-18', now)).toBe(true);
    expect(isPast('2027-01-27', now)).toBe(false);
  });

  it('shows the date part of ISO dates', () => {
    expect(formatDate('2026-03-14')).toBe('2026-03-14');
    expect(formatDate('2026-03-14T08:30:00.000Z')).toBe('2026-03-14');
  });

  it('reads ISO-8601 durations as people say them', () => {
    expect(formatDuration('PT0S')).toBe('immediately');
    expect(formatDuration('PT15M')).toBe('15 min');
    expect(formatDuration('PT1H30M')).toBe('1 h 30 min');
    expect(formatDuration('P1D')).toBe('1 d');
    expect(formatDuration('P1W')).toBe('7 d');
    expect(formatDuration('soon')).toBe('soon');
    expect(formatDuration('PT')).toBe('PT');
  });

  it('pluralises counts', () => {
    expect(plural(1, 'member')).toBe('1 member');
    expect(plural(3, 'member')).toBe('3 members');
    expect(plural(0, 'day')).toBe('0 days');
  });

  it('gives a hand-off within the week as weekday and time, a later one with its date', () => {
    const weekday = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/;

    expect(formatHandOff('2026-11-30T15:00:00.000Z', now)).toMatch(weekday);
    expect(formatHandOff('2026-11-30T15:00:00.000Z', now)).toMatch(
      /\d{2}:\d{2}/,
    );
    expect(formatHandOff('2026-12-14T15:00:00.000Z', now)).toMatch(/Dec 14/);
    expect(formatHandOff('2026-12-14T15:00:00.000Z', now)).not.toMatch(weekday);
    expect(formatHandOff('not a date', now)).toBe('not a date');
  });
});

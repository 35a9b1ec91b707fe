import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../renderer/features/today/correctTimes';

// November is GMT, so London wall-clock times read the same as UTC here.
describe('a corrected time is put on the day nearest the shift', () => {
  const night = { date: '2026-11-24', start: '19:00', end: '07:00' };
  const day = { date: '2026-11-25', start: '07:00', end: '19:00' };

  it('a night officer who came in ten minutes early signed in that evening, not the next evening', () => {
    expect(instantOf(night, '18:50')).toBe('2026-11-24T18:50:00.000Z');
    expect(instantOf(night, '19:05')).toBe('2026-11-24T19:05:00.000Z');
  });

  it('a night shift’s sign-out is the next morning, late or early', () => {
    expect(instantOf(night, '07:20')).toBe('2026-11-25T07:20:00.000Z');
    expect(instantOf(night, '05:30')).toBe('2026-11-25T05:30:00.000Z');
  });

  it('a day shift kept on past midnight signs out the next day; an early arrival the same morning', () => {
    expect(instantOf(day, '00:30')).toBe('2026-11-26T00:30:00.000Z');
    expect(instantOf(day, '06:40')).toBe('2026-11-25T06:40:00.000Z');
    expect(instantOf(day, '19:15')).toBe('2026-11-25T19:15:00.000Z');
  });

  it('a shift from midnight with someone in at 23:50 the evening before', () => {
    expect(instantOf({ date: '2026-11-26', start: '00:00', end: '08:00' }, '23:50')).toBe('2026-11-25T23:50:00.000Z');
  });
});

// Sat 24 Oct 2026 22:00 BST to Sun 25 Oct 06:00 GMT, 9 hours: 01:00–01:59 comes twice in it.
describe('a corrected time on the night the clocks go back', () => {
  const night = { date: '2026-10-24', start: '22:00', end: '06:00' };

  it('is the second 01:30 (GMT, 01:30 UTC) when the supervisor says so', () => {
    expect(instantOf(night, '01:30', 'GMT')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('is the first 01:30 (BST, 00:30 UTC) when they say that, or say nothing', () => {
    expect(instantOf(night, '01:30', 'BST')).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOf(night, '01:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('is the one time there is outside that hour', () => {
    expect(instantOf(night, '02:00', 'GMT')).toBe('2026-10-25T02:00:00.000Z');
    expect(instantOf(night, '00:59', 'GMT')).toBe('2026-10-24T23:59:00.000Z');
  });
});

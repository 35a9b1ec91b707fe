import { describe, expect, it } from 'vitest';
import { lateBy } from '../../../../shared/domain/attendance';

describe('lateBy', () => {
  it.each([
    [1, 'late 1 min'],
    [35, 'late 35 min'],
    [59, 'late 59 min'],
    [60, 'late 1 h'],
    [95, 'late 1 h 35 min'],
    [120, 'late 2 h'],
    [595, 'late 9 h 55 min'],
  ])('%i minutes: %s', (minutes, words) => {
    expect(lateBy(minutes)).toBe(words);
  });
});

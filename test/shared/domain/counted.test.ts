import { describe, expect, it } from 'vitest';
import { counted } from '../../../shared/domain/counted';

describe('counted', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect(counted(1, 'entry', 'entries')).toBe('1 entry');
    expect(counted(0, 'entry', 'entries')).toBe('0 entries');
    expect(counted(2, 'entry', 'entries')).toBe('2 entries');
    expect(counted(1, 'shift')).toBe('1 shift');
    expect(counted(3, 'shift')).toBe('3 shifts');
  });

  it('writes large numbers with en-GB thousands separators', () => {
    expect(counted(12345, 'log entry', 'log entries')).toBe('12,345 log entries');
  });
});

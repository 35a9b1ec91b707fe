import { describe, expect, it } from 'vitest';
import { pickerName } from '../../../../shared/domain/directory/pickerName';

const sia = (expires: string) => ({ number: '1234567812345678', sector: 'security-guarding' as const, expires });

describe('pickerName', () => {
  it.each([
    [
      'valid through its expiry day',
      { name: 'Ana Silva', services: ['security' as const], sia: sia('2026-11-30') },
      '2026-11-30',
      'Ana Silva',
    ],
    [
      'expired the day after',
      { name: 'Ana Silva', services: ['security' as const], sia: sia('2026-11-30') },
      '2026-12-01',
      'Ana Silva — SIA licence expired',
    ],
    [
      'a security officer with no licence',
      { name: 'Ben Ward', services: ['security' as const], sia: null },
      '2026-12-01',
      'Ben Ward — no SIA licence',
    ],
    ['a cleaner needs none', { name: 'Cleo Early', services: ['cleaning' as const], sia: null }, '2026-12-01', 'Cleo Early'],
  ])('%s', (_label, staff, date, expected) => {
    expect(pickerName(staff, date)).toBe(expected);
  });
});

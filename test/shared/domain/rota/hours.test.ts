import { describe, expect, it } from 'vitest';
import { minutesInDailyWindow, paidMinutes } from '../../../../shared/domain/rota';
import { shiftSpan } from '../../../../shared/domain/dates';

describe('paidMinutes', () => {
  it.each([
    // [date, start, end, break, paid minutes]
    ['2026-11-03', '07:00', '15:00', 30, 450],
    ['2026-11-03', '22:00', '06:00', 0, 480],
    ['2026-10-24', '22:00', '06:00', 0, 540], // clocks go back: 9 h
    ['2026-03-28', '22:00', '06:00', 0, 420], // clocks go forward: 7 h
    ['2026-03-28', '22:00', '06:00', 30, 390],
    ['2026-12-31', '20:00', '08:00', 60, 660], // year end
    ['2028-02-28', '22:00', '06:00', 0, 480], // into leap day
    ['2028-02-29', '00:00', '24:00', 0, 1440],
    ['2026-11-03', '09:00', '09:00', 0, 1440], // end = start is a full day
    ['2026-11-03', '09:00', '09:30', 45, 0], // a break longer than the shift pays nothing
  ] as const)('%s %s–%s less %i min is %i min', (date, start, end, breakMinutes, paid) => {
    expect(paidMinutes({ date, start, end, breakMinutes })).toBe(paid);
  });
});

describe('minutesInDailyWindow', () => {
  it.each([
    ['2026-11-03', '20:00', '08:00', 420],
    ['2026-11-03', '07:00', '19:00', 0],
    ['2026-11-03', '05:00', '13:00', 60], // the morning tail of the previous night
    ['2026-11-03', '22:00', '23:30', 30],
    ['2026-10-24', '22:00', '08:00', 480], // 23:00–06:00 is 8 h when the clocks go back
    ['2026-03-28', '22:00', '08:00', 360], // and 6 h when they go forward
  ] as const)('%s %s–%s has %i min of 23:00–06:00', (date, start, end, night) => {
    expect(minutesInDailyWindow(shiftSpan(date, start, end), date, '23:00', '06:00')).toBe(night);
  });
});

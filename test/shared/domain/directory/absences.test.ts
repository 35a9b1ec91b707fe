import { describe, expect, it } from 'vitest';
import { absenceCalendar, absenceOnDate, absenceOverlapsTime, absencesOn, monthDates } from '../../../../shared/domain/directory';
import { makeAbsence, makeStaff } from './factories';

describe('absenceOnDate', () => {
  const leave = makeAbsence({ from: '2028-02-28', to: '2028-03-01' });
  it.each([
    ['2028-02-27', false],
    ['2028-02-28', true],
    ['2028-02-29', true],
    ['2028-03-01', true],
    ['2028-03-02', false],
  ])('%s → %s', (date, expected) => {
    expect(absenceOnDate(leave, date)).toBe(expected);
  });

  it('a one-day absence covers that day only', () => {
    const day = makeAbsence({ from: '2028-02-29', to: '2028-02-29' });
    expect([absenceOnDate(day, '2028-02-28'), absenceOnDate(day, '2028-02-29'), absenceOnDate(day, '2028-03-01')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('a part-day absence still touches its dates', () => {
    expect(absenceOnDate(makeAbsence({ partDay: { start: '09:00', end: '12:00' } }), '2026-03-02')).toBe(true);
  });
});

describe('absenceOverlapsTime', () => {
  const week = makeAbsence({ from: '2026-03-02', to: '2026-03-06' });
  const morning = makeAbsence({ from: '2026-03-02', to: '2026-03-03', partDay: { start: '09:00', end: '12:00' } });
  const night = makeAbsence({ from: '2026-03-02', to: '2026-03-02', partDay: { start: '22:00', end: '02:00' } });

  it.each<[string, ReturnType<typeof makeAbsence>, string, string, string, boolean]>([
    ['whole-day: shift on the first day', week, '2026-03-02', '07:00', '15:00', true],
    ['whole-day: shift on the last day', week, '2026-03-06', '07:00', '15:00', true],
    ['whole-day: day after', week, '2026-03-07', '07:00', '15:00', false],
    ['whole-day: day before', week, '2026-03-01', '07:00', '15:00', false],
    ['whole-day: night before the first day runs into it', week, '2026-03-01', '22:00', '06:00', true],
    ['whole-day: evening before ending at midnight', week, '2026-03-01', '16:00', '24:00', false],
    ['whole-day: night from the last day runs out of it', week, '2026-03-06', '22:00', '06:00', true],
    ['part-day: inside', morning, '2026-03-02', '10:00', '11:00', true],
    ['part-day: ends as it starts', morning, '2026-03-02', '06:00', '09:00', false],
    ['part-day: starts as it ends', morning, '2026-03-03', '12:00', '20:00', false],
    ['part-day: crosses its end', morning, '2026-03-03', '11:59', '20:00', true],
    ['part-day: outside its dates', morning, '2026-03-04', '09:00', '12:00', false],
    ['part-day past midnight: early shift next day', night, '2026-03-03', '01:00', '05:00', true],
    ['part-day past midnight: morning shift next day', night, '2026-03-03', '02:00', '10:00', false],
    ['part-day past midnight: same evening', night, '2026-03-02', '18:00', '22:00', false],
  ])('%s', (_, absence, date, start, end, expected) => {
    expect(absenceOverlapsTime(absence, date, start, end)).toBe(expected);
  });

  it.each([
    ['2028-02-29', '12:00', '20:00', true],
    ['2028-02-28', '20:00', '08:00', true],
    ['2028-02-28', '08:00', '16:00', false],
    ['2028-03-01', '00:00', '06:00', false],
  ])('leap day absence: %s %s–%s → %s', (date, start, end, expected) => {
    expect(absenceOverlapsTime(makeAbsence({ from: '2028-02-29', to: '2028-02-29' }), date, start, end)).toBe(expected);
  });

  it('holds across the spring clock change', () => {
    const sunday = makeAbsence({ from: '2026-03-29', to: '2026-03-29' });
    expect(absenceOverlapsTime(sunday, '2026-03-28', '22:00', '06:00')).toBe(true);
    expect(absenceOverlapsTime(sunday, '2026-03-28', '14:00', '24:00')).toBe(false);
  });
});

describe('absencesOn', () => {
  const leave = makeAbsence({ kind: 'annual-leave', from: '2026-03-02', to: '2026-03-04' });
  const pending = makeAbsence({ kind: 'training', from: '2026-03-03', to: '2026-03-03', approved: false });
  const a = makeStaff({ name: 'A', absences: [leave] });
  const b = makeStaff({ name: 'B', absences: [pending] });
  const left = makeStaff({
    name: 'Left',
    absences: [makeAbsence({ from: '2026-03-01', to: '2026-03-31' })],
    archived: true,
    archivedOn: '2026-03-03',
  });
  const staff = [a, b, left, makeStaff({ name: 'Here' })];

  it('lists approved absences on the day', () => {
    expect(absencesOn(staff, '2026-03-03').map((x) => [x.staff.name, x.absence.kind])).toEqual([['A', 'annual-leave']]);
  });

  it('includes requests when asked', () => {
    expect(absencesOn(staff, '2026-03-03', { includePending: true }).map((x) => x.staff.name)).toEqual(['A', 'B']);
  });

  it('counts people until their archive date', () => {
    expect(absencesOn(staff, '2026-03-02').map((x) => x.staff.name)).toEqual(['A', 'Left']);
  });

  it('is empty on a day nobody is off', () => {
    expect(absencesOn(staff, '2026-03-05')).toEqual([]);
  });
});

describe('monthDates', () => {
  it.each([
    ['2028-02', 29],
    ['2026-02', 28],
    ['2026-04', 30],
    ['2026-12', 31],
  ])('%s has %i days', (month, n) => {
    const dates = monthDates(month);
    expect(dates).toHaveLength(n);
    expect(dates[0]).toBe(`${month}-01`);
  });

  it.each(['2026-13', '2026-1', 'March'])('refuses %s', (month) => {
    expect(() => monthDates(month)).toThrow(RangeError);
  });
});

describe('absenceCalendar', () => {
  const sick = makeAbsence({ kind: 'sickness', from: '2028-02-27', to: '2028-03-02' });
  const training = makeAbsence({ kind: 'training', from: '2028-02-10', to: '2028-02-10', partDay: { start: '09:00', end: '13:00' } });
  const request = makeAbsence({ kind: 'annual-leave', from: '2028-02-10', to: '2028-02-11', approved: false });
  const zoe = makeStaff({ name: 'Zoe Ward', homeSite: 'CH', absences: [sick] });
  const amy = makeStaff({ name: 'Amy Bell', homeSite: 'CH', absences: [training, request] });
  const other = makeStaff({ name: 'Other Site', homeSite: 'FH', absences: [sick] });
  const leftBefore = makeStaff({ name: 'Left January', homeSite: 'CH', archived: true, archivedOn: '2028-01-31' });
  const leftDuring = makeStaff({ name: 'Left Mid February', homeSite: 'CH', archived: true, archivedOn: '2028-02-15' });
  const cal = absenceCalendar([zoe, amy, other, leftBefore, leftDuring], 'CH', '2028-02');

  it('has a column per day of the month, leap day included', () => {
    expect(cal.dates).toHaveLength(29);
    expect(cal.dates[28]).toBe('2028-02-29');
  });

  it('has a row per team member employed in the month, by name', () => {
    expect(cal.rows.map((r) => r.name)).toEqual(['Amy Bell', 'Left Mid February', 'Zoe Ward']);
    expect(cal.rows.every((r) => r.days.length === 29)).toBe(true);
  });

  it('marks sickness that started last month and runs into the next', () => {
    const zoeRow = cal.rows[2];
    const marked = zoeRow.days.map((d, i) => (d.length ? cal.dates[i] : null)).filter(Boolean);
    expect(marked).toEqual(['2028-02-27', '2028-02-28', '2028-02-29']);
    expect(zoeRow.days[28]).toEqual([{ absenceId: sick.id, kind: 'sickness', partDay: null, status: 'approved' }]);
  });

  it('marks part days and requests alongside each other', () => {
    const amyRow = cal.rows[0];
    expect(amyRow.days[9]).toEqual([
      { absenceId: training.id, kind: 'training', partDay: { start: '09:00', end: '13:00' }, status: 'approved' },
      { absenceId: request.id, kind: 'annual-leave', partDay: null, status: 'requested' },
    ]);
    expect(amyRow.days[10].map((m) => m.kind)).toEqual(['annual-leave']);
    expect(amyRow.days[11]).toEqual([]);
  });

  it('is empty for a site with no team', () => {
    expect(absenceCalendar([zoe], 'WAT', '2028-02').rows).toEqual([]);
  });

  it('shows requested, approved and refused leave each as such: refused requests from the person’s leave requests', () => {
    const requested = makeAbsence({ kind: 'annual-leave', from: '2028-02-01', to: '2028-02-01', approved: false });
    const approved = makeAbsence({ kind: 'annual-leave', from: '2028-02-02', to: '2028-02-02', approved: true });
    const refused = {
      id: 'leave-refused-1',
      from: '2028-02-03',
      to: '2028-02-04',
      partDay: null,
      note: '',
      status: 'refused' as const,
      requestedBy: 'user-1',
      requestedAt: '2028-01-10T09:00:00.000Z',
      decidedBy: 'user-2',
      decidedAt: '2028-01-11T09:00:00.000Z',
      refusal: 'Too many off that week',
      override: null,
      openedShiftIds: [],
    };
    const ben = makeStaff({ name: 'Ben', homeSite: 'CH', absences: [requested, approved], leaveRequests: [refused] });
    const days = absenceCalendar([ben], 'CH', '2028-02').rows[0].days;
    expect(days.slice(0, 5).map((d) => d.map((m) => m.status))).toEqual([['requested'], ['approved'], ['refused'], ['refused'], []]);
    expect(days[2][0]).toEqual({ absenceId: 'leave-refused-1', kind: 'annual-leave', partDay: null, status: 'refused' });
  });
});

import { describe, expect, it } from 'vitest';
import { skippedTimeErrors } from '../../renderer/features/incidents/incidentDraft';
import { tidyTime } from '../../renderer/features/sites/timeText';
import { skippedCorrections } from '../../renderer/features/today/correctTimes';
import { blankDraft, formOf } from '../../renderer/features/staff/staffDraft';
import { validateStaff } from '../../shared/domain/directory';

describe('what people type into time boxes', () => {
  it.each([
    ['7:00', '07:00'],
    ['0700', '07:00'],
    ['730', '07:30'],
    ['19.30', '19:30'],
    [' 24:00 ', '24:00'],
    ['7', '7'],
    ['noon', 'noon'],
  ])('%s becomes %s', (typed, tidy) => expect(tidyTime(typed)).toBe(tidy));
});

describe('the staff form', () => {
  it('leaves the SIA licence out until a field of it is filled, and strips spaces from its number', () => {
    const draft = { ...blankDraft(), name: 'Priya Shah', employeeNumber: ' E-1001 ', services: ['security' as const], payRate: '£13.25' };
    expect(formOf(draft)).toMatchObject({
      sia: null,
      employeeNumber: 'E-1001',
      payRate: 13.25,
      contractedHours: 37.5,
      homeSite: null,
      optOut: null,
    });
    expect(formOf({ ...draft, siaNumber: '1234 5678 1234 5678' }).sia).toEqual({ number: '1234567812345678', sector: '', expires: '' });
  });

  it('keeps leave terms only when asked, and names a bad leave-year start', () => {
    const draft = { ...blankDraft(), name: 'Priya Shah', employeeNumber: 'E-1001', services: ['cleaning' as const], payRate: '12' };
    expect(formOf(draft).leave).toBeUndefined();
    const withLeave = {
      ...draft,
      leaveOn: true,
      leaveDaysPerWeek: '3',
      leaveExtraDays: '2',
      leaveStarted: '2026-10-01',
      leaveYearStart: '',
    };
    expect(formOf(withLeave).leave).toEqual({
      daysPerWeek: 3,
      extraDays: 2,
      carriedDays: 0,
      bankHolidaysCount: true,
      started: '2026-10-01',
      yearStart: null,
    });
    const { errors } = validateStaff({ ...formOf({ ...withLeave, leaveYearStart: '13-01' }), absences: [] }, [], {
      todayIso: '2026-11-25',
    });
    expect(errors['leave.yearStart']).toBe('Enter the month and day, e.g. 04-01');
  });

  it('names an empty pay rate and a half-filled licence as errors, not as zero or nothing', () => {
    const draft = {
      ...blankDraft(),
      name: 'Priya Shah',
      employeeNumber: 'E-1001',
      services: ['security' as const],
      siaNumber: '1234567812345678',
    };
    const { errors } = validateStaff({ ...formOf(draft), absences: [] }, [], { todayIso: '2026-11-25' });
    expect(Object.keys(errors).sort()).toEqual(['payRate', 'sia.expires', 'sia.sector']);
  });
});

describe('the incident form’s times', () => {
  it('refuses 01:30 on the night the clocks go forward, and takes the minutes either side of the skipped hour', () => {
    expect(skippedTimeErrors({ occurredAt: '2026-03-29T01:30', reportedAt: '2026-03-29T02:10' })).toEqual({
      occurredAt:
        '01:30 does not exist on Sun 29 Mar 2026: the clocks go forward from 01:00 to 02:00. Enter a time before 01:00 or from 02:00.',
    });
    expect(skippedTimeErrors({ occurredAt: '2026-03-29T00:59', reportedAt: '2026-03-29T02:00' })).toEqual({});
    // The autumn night repeats an hour rather than skipping one: 01:30 exists (twice).
    expect(skippedTimeErrors({ occurredAt: '2026-10-25T01:30', reportedAt: '2026-10-25T01:45' })).toEqual({});
  });
});

describe('correcting a night shift’s sign-out on the night the clocks go forward', () => {
  const night = { date: '2027-03-27', start: '19:00', end: '07:00' };
  it('refuses 01:30 the next morning and takes 00:30 and 02:30', () => {
    expect(skippedCorrections(night, { in: '19:05', out: '01:30' })).toEqual({
      signedOutAt: expect.stringContaining('01:30 does not exist on Sun 28 Mar 2027'),
    });
    expect(skippedCorrections(night, { in: '19:05', out: '00:30' })).toEqual({});
    expect(skippedCorrections(night, { in: '19:05', out: '02:30' })).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { paidFor } from '../../../../shared/domain/attendance';
import { makeShift } from '../rota/factories';
import { at, makeAttendance } from './helpers';

const day = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', breakMinutes: 30, staffId: 'staff-a1' });
const z = (t: string | null) => (t ? `${t}:00.000Z` : null);

describe('paidFor', () => {
  it.each([
    ['on time', '2026-11-25T07:00', '2026-11-25T15:00', 450, 'actual'],
    ['early in and late out are not paid', '2026-11-25T06:40', '2026-11-25T15:30', 450, 'actual'],
    ['late in', '2026-11-25T07:20', '2026-11-25T15:00', 430, 'actual'],
    ['left early', '2026-11-25T07:00', '2026-11-25T13:00', 330, 'actual'],
    ['never signed out', '2026-11-25T07:05', null, 445, 'no-sign-out'],
    ['a break longer than the time worked pays nothing', '2026-11-25T07:00', '2026-11-25T07:20', 0, 'actual'],
  ])('%s', (_label, inAt, outAt, minutes, basis) => {
    expect(paidFor(day, makeAttendance(day, { signedInAt: z(inAt), signedOutAt: z(outAt) }), at('2026-11-26T09:00'))).toEqual({
      minutes,
      basis,
    });
  });

  it('shows a shift not yet worked at its scheduled paid time', () => {
    expect(paidFor(day, undefined, at('2026-11-24T09:00'))).toEqual({ minutes: 450, basis: 'scheduled' });
    expect(paidFor(day, makeAttendance(day, { signedInAt: z('2026-11-25T07:00') }), at('2026-11-25T09:00'))).toEqual({
      minutes: 450,
      basis: 'scheduled',
    });
  });

  it('pays nothing for a no-show or a past shift with no record', () => {
    expect(paidFor(day, makeAttendance(day, { noShow: true }), at('2026-11-26T09:00'))).toEqual({ minutes: 0, basis: 'no-show' });
    expect(paidFor(day, undefined, at('2026-11-26T09:00'))).toEqual({ minutes: 0, basis: 'missing' });
  });

  it('pays nothing to someone the clock has made a no-show while the shift is still running', () => {
    // 07:00–15:00: nobody in by 08:00 is a no-show (the default 60 minutes); before then they may still come.
    expect(paidFor(day, undefined, at('2026-11-25T07:30'))).toEqual({ minutes: 450, basis: 'scheduled' });
    expect(paidFor(day, undefined, at('2026-11-25T08:00'))).toEqual({ minutes: 0, basis: 'missing' });
    expect(paidFor(day, undefined, at('2026-11-25T14:00'))).toEqual({ minutes: 0, basis: 'missing' });
    // The site's own no-show rule decides when.
    expect(paidFor(day, undefined, at('2026-11-25T07:40'), { graceMinutes: 10, noShowAfterMinutes: 30 })).toEqual({
      minutes: 0,
      basis: 'missing',
    });
    // A short shift with nobody in by its end is a no-show at the end, as the desk counts it.
    const short = makeShift({ date: '2026-11-25', start: '07:00', end: '07:45', breakMinutes: 0, staffId: 'staff-a1' });
    expect(paidFor(short, undefined, at('2026-11-25T07:45'))).toEqual({ minutes: 0, basis: 'missing' });
  });

  it.each([
    ['clocks back: 9 real hours', '2026-10-24', '2026-10-24T21:00', '2026-10-25T06:00', 540 - 30],
    ['clocks forward: 7 real hours', '2026-03-28', '2026-03-28T22:00', '2026-03-29T05:00', 420 - 30],
    ['an ordinary night: 8 hours', '2026-11-25', '2026-11-25T22:00', '2026-11-26T06:00', 480 - 30],
  ])('a 22:00–06:00 night, %s', (_label, date, inAt, outAt, minutes) => {
    const night = makeShift({ date, start: '22:00', end: '06:00', breakMinutes: 30, staffId: 'staff-a1' });
    expect(paidFor(night, makeAttendance(night, { signedInAt: z(inAt), signedOutAt: z(outAt) }), at('2026-12-01T00:00')).minutes).toBe(
      minutes,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { attendanceStatus, paidFor } from '../../../../shared/domain/attendance';
import type { Shift } from '../../../../shared/schemas/shift';
import { makeShift } from '../rota/factories';
import { at, makeAttendance } from './helpers';

const day = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', breakMinutes: 30, staffId: 'staff-a1' });
const z = (t: string | null) => (t ? `${t}:00.000Z` : null);
type Actual = Parameters<typeof paidFor>[1];

/** Paid time as a timesheet row works it out: the row's attendance state at `now`, then the pay. */
const paidAt = (shift: Shift, actual: Actual, now: number) => paidFor(shift, actual, now, attendanceStatus(shift, actual, now));

describe('paidFor', () => {
  it.each([
    ['on time', '2026-11-25T07:00', '2026-11-25T15:00', 450, 'actual'],
    ['early in and late out are not paid', '2026-11-25T06:40', '2026-11-25T15:30', 450, 'actual'],
    ['late in', '2026-11-25T07:20', '2026-11-25T15:00', 430, 'actual'],
    ['left early', '2026-11-25T07:00', '2026-11-25T13:00', 330, 'actual'],
    ['never signed out', '2026-11-25T07:05', null, 445, 'no-sign-out'],
    ['a break longer than the time worked pays nothing', '2026-11-25T07:00', '2026-11-25T07:20', 0, 'actual'],
  ])('%s', (_label, inAt, outAt, minutes, basis) => {
    expect(paidAt(day, makeAttendance(day, { signedInAt: z(inAt), signedOutAt: z(outAt) }), at('2026-11-26T09:00'))).toEqual({
      minutes,
      basis,
    });
  });

  it('shows a shift not yet worked at its scheduled paid time', () => {
    expect(paidAt(day, undefined, at('2026-11-24T09:00'))).toEqual({ minutes: 450, basis: 'scheduled' });
  });

  it('pays nothing for a no-show or a past shift with no record', () => {
    expect(paidAt(day, makeAttendance(day, { noShow: true }), at('2026-11-26T09:00'))).toEqual({ minutes: 0, basis: 'no-show' });
    expect(paidAt(day, undefined, at('2026-11-26T09:00'))).toEqual({ minutes: 0, basis: 'missing' });
  });

  it('takes the attendance state from the caller, who has it already for the row', () => {
    // The site's 30-minute no-show rule: at 07:40 nobody in is a no-show there, though not under the default 60.
    const site = { graceMinutes: 10, noShowAfterMinutes: 30 };
    const status = attendanceStatus(day, undefined, at('2026-11-25T07:40'), site);
    expect(paidFor(day, undefined, at('2026-11-25T07:40'), status)).toEqual({ minutes: 0, basis: 'missing' });
  });

  it('pays nothing to someone the clock has made a no-show while the shift is still running', () => {
    // 07:00–15:00: nobody in by 08:00 is a no-show (the default 60 minutes); before then they may still come.
    expect(paidAt(day, undefined, at('2026-11-25T07:30'))).toEqual({ minutes: 450, basis: 'scheduled' });
    expect(paidAt(day, undefined, at('2026-11-25T08:00'))).toEqual({ minutes: 0, basis: 'missing' });
    expect(paidAt(day, undefined, at('2026-11-25T14:00'))).toEqual({ minutes: 0, basis: 'missing' });
    // A short shift with nobody in by its end is a no-show at the end, as the desk counts it.
    const short = makeShift({ date: '2026-11-25', start: '07:00', end: '07:45', breakMinutes: 0, staffId: 'staff-a1' });
    expect(paidAt(short, undefined, at('2026-11-25T07:45'))).toEqual({ minutes: 0, basis: 'missing' });
  });

  it.each([
    ['clocks back: 9 real hours', '2026-10-24', '2026-10-24T21:00', '2026-10-25T06:00', 540 - 30],
    ['clocks forward: 7 real hours', '2026-03-28', '2026-03-28T22:00', '2026-03-29T05:00', 420 - 30],
    ['an ordinary night: 8 hours', '2026-11-25', '2026-11-25T22:00', '2026-11-26T06:00', 480 - 30],
  ])('a 22:00–06:00 night, %s', (_label, date, inAt, outAt, minutes) => {
    const night = makeShift({ date, start: '22:00', end: '06:00', breakMinutes: 30, staffId: 'staff-a1' });
    expect(paidAt(night, makeAttendance(night, { signedInAt: z(inAt), signedOutAt: z(outAt) }), at('2026-12-01T00:00')).minutes).toBe(
      minutes,
    );
  });
});

describe('paidFor while the shift is running and its person is signed in', () => {
  // Rounding: the minutes between the two instants to the nearest whole minute, less the break; the screen and
  // the payroll CSV then show hours to two decimals (205 minutes = 3.42 h, 625 minutes = 10.42 h).
  const long = makeShift({ date: '2026-11-25', start: '07:00', end: '19:00', breakMinutes: 0, staffId: 'staff-a1' });
  const lateIn = makeAttendance(long, { signedInAt: z('2026-11-25T08:35') });

  it('counts the hours so far from a late sign-in, not the whole scheduled shift', () => {
    expect(paidAt(long, lateIn, at('2026-11-25T12:00'))).toEqual({ minutes: 205, basis: 'so-far' });
  });

  it('counts from the actual sign-in to the actual sign-out once they have signed out', () => {
    const out = makeAttendance(long, { signedInAt: z('2026-11-25T08:35'), signedOutAt: z('2026-11-25T19:00') });
    expect(paidAt(long, out, at('2026-11-25T19:00'))).toEqual({ minutes: 625, basis: 'actual' });
  });

  it('counts from the scheduled start for someone who came early, and nothing before the start', () => {
    const early = makeAttendance(long, { signedInAt: z('2026-11-25T06:40') });
    expect(paidAt(long, early, at('2026-11-25T06:50'))).toEqual({ minutes: 0, basis: 'so-far' });
    expect(paidAt(long, early, at('2026-11-25T09:00'))).toEqual({ minutes: 120, basis: 'so-far' });
  });

  it('takes the unpaid break off the hours so far, as it would be if they signed out now', () => {
    // 07:00–15:00 with 30 minutes' break: in at 07:00, at 09:00 that is 2 h less the break; never below nothing.
    expect(paidAt(day, makeAttendance(day, { signedInAt: z('2026-11-25T07:00') }), at('2026-11-25T09:00'))).toEqual({
      minutes: 90,
      basis: 'so-far',
    });
    expect(paidAt(day, makeAttendance(day, { signedInAt: z('2026-11-25T07:00') }), at('2026-11-25T07:20'))).toEqual({
      minutes: 0,
      basis: 'so-far',
    });
  });

  it.each([
    // In at 22:40 on an ordinary night; at 02:10 that is 3 h 30 min across midnight.
    ['an ordinary night, across midnight', '2026-11-25', '2026-11-25T22:40', '2026-11-26T02:10', 210],
    // Clocks back (Sun 25 Oct 2026): in at 22:30 BST (21:30Z); at the second 01:30 (GMT, 01:30Z) 4 real hours, though the wall clock moved 3.
    ['the clocks going back', '2026-10-24', '2026-10-24T21:30', '2026-10-25T01:30', 240],
    // Clocks forward (Sun 28 Mar 2027): in at 22:30 GMT; at 03:30 BST (02:30Z) 4 real hours, though the wall clock moved 5.
    ['the clocks going forward', '2027-03-27', '2027-03-27T22:30', '2027-03-28T02:30', 240],
  ])('a 22:00–06:00 night, late in, %s', (_label, date, inAt, now, minutes) => {
    const night = makeShift({ date, start: '22:00', end: '06:00', breakMinutes: 0, staffId: 'staff-a1' });
    expect(paidAt(night, makeAttendance(night, { signedInAt: z(inAt) }), at(now))).toEqual({ minutes, basis: 'so-far' });
  });

  it.each([
    // Out at 06:00 GMT after the clocks went back: 22:30 BST to 06:00 GMT is 8 h 30 min.
    ['the clocks going back', '2026-10-24', '2026-10-24T21:30', '2026-10-25T06:00', 510],
    // Out at 06:00 BST after the clocks went forward: 22:30 GMT to 06:00 BST is 6 h 30 min.
    ['the clocks going forward', '2027-03-27', '2027-03-27T22:30', '2027-03-28T05:00', 390],
  ])('a 22:00–06:00 night, late in and out at the end, %s', (_label, date, inAt, outAt, minutes) => {
    const night = makeShift({ date, start: '22:00', end: '06:00', breakMinutes: 0, staffId: 'staff-a1' });
    const record = makeAttendance(night, { signedInAt: z(inAt), signedOutAt: z(outAt) });
    expect(paidAt(night, record, Date.parse(`${outAt}:00Z`))).toEqual({ minutes, basis: 'actual' });
  });
});

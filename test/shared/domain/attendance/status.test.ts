import { describe, expect, it } from 'vitest';
import { attendanceStatus, DEFAULT_STATUS_RULES } from '../../../../shared/domain/attendance';
import { makeShift } from '../rota/factories';
import { at, makeAttendance } from './helpers';

const rules = DEFAULT_STATUS_RULES;

describe('attendanceStatus with nobody signed in yet', () => {
  const day = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', staffId: 'staff-a1' });
  it.each([
    ['2026-11-25T06:59', 'upcoming', 0],
    ['2026-11-25T07:00', 'due', 0],
    ['2026-11-25T07:10', 'due', 0],
    ['2026-11-25T07:11', 'late', 11],
    ['2026-11-25T07:59', 'late', 59],
    ['2026-11-25T08:00', 'no-show', 0],
    ['2026-11-25T16:00', 'no-show', 0],
  ])('at %s (GMT) is %s, %i minutes late', (now, state, late) => {
    const s = attendanceStatus(day, undefined, at(now), rules);
    expect([s.state, s.lateMinutes]).toEqual([state, late]);
  });

  it('uses the configured grace', () => {
    expect(attendanceStatus(day, undefined, at('2026-11-25T07:11'), { ...rules, graceMinutes: 15 }).state).toBe('due');
    expect(attendanceStatus(day, undefined, at('2026-11-25T07:01'), { ...rules, graceMinutes: 0 }).state).toBe('late');
  });

  it('makes a short shift a no-show at its end, before the no-show hour', () => {
    const short = makeShift({ date: '2026-11-25', start: '05:00', end: '05:45', staffId: 'staff-a1' });
    expect(attendanceStatus(short, undefined, at('2026-11-25T05:44'), rules).state).toBe('late');
    expect(attendanceStatus(short, undefined, at('2026-11-25T05:45'), rules).state).toBe('no-show');
  });

  it('reads summer shift times as BST, an hour before UTC', () => {
    const summer = makeShift({ date: '2026-07-01', start: '07:00', end: '15:00', staffId: 'staff-a1' });
    expect(attendanceStatus(summer, undefined, at('2026-07-01T06:05'), rules).state).toBe('due');
    expect(attendanceStatus(summer, undefined, at('2026-07-01T06:20'), rules)).toMatchObject({ state: 'late', lateMinutes: 20 });
  });
});

describe('attendanceStatus after sign-in', () => {
  const day = makeShift({ date: '2026-11-25', start: '07:00', end: '15:00', staffId: 'staff-a1' });
  it.each([
    ['2026-11-25T06:40', null, 'on', false, 0],
    ['2026-11-25T07:10', null, 'on', false, 0],
    ['2026-11-25T07:11', null, 'on', true, 11],
    ['2026-11-25T07:25', '2026-11-25T15:02', 'done', true, 25],
  ])('in at %s, out at %s: %s, late %s by %i', (inAt, outAt, state, late, minutes) => {
    const a = makeAttendance(day, { signedInAt: `${inAt}:00.000Z`, signedOutAt: outAt ? `${outAt}:00.000Z` : null });
    expect(attendanceStatus(day, a, at('2026-11-25T16:00'), rules)).toMatchObject({ state, late, lateMinutes: minutes });
  });

  it('keeps a marked no-show even before the no-show hour', () => {
    const a = makeAttendance(day, { noShow: true });
    expect(attendanceStatus(day, a, at('2026-11-25T07:20'), rules)).toMatchObject({ state: 'no-show', markedNoShow: true });
  });
});

describe('attendanceStatus across midnight and clock changes', () => {
  it('measures a night shift that starts before midnight', () => {
    const night = makeShift({ date: '2026-11-25', start: '23:30', end: '07:30', staffId: 'staff-a1' });
    expect(attendanceStatus(night, undefined, at('2026-11-25T23:45'), rules)).toMatchObject({ state: 'late', lateMinutes: 15 });
    const a = makeAttendance(night, { signedInAt: '2026-11-26T00:05:00.000Z' });
    expect(attendanceStatus(night, a, at('2026-11-26T01:00'), rules)).toMatchObject({ state: 'on', lateMinutes: 35 });
    expect(attendanceStatus(night, undefined, at('2026-11-26T00:30'), rules).state).toBe('no-show');
  });

  it('is on time at 03:05 BST the morning the clocks go forward (02:05 UTC)', () => {
    const early = makeShift({ date: '2026-03-29', start: '03:00', end: '11:00', staffId: 'staff-a1' });
    const a = makeAttendance(early, { signedInAt: '2026-03-29T02:05:00.000Z' });
    expect(attendanceStatus(early, a, at('2026-03-29T03:00'), rules)).toMatchObject({ state: 'on', late: false });
  });

  it('is on time at 03:05 GMT the morning the clocks go back', () => {
    const early = makeShift({ date: '2026-10-25', start: '03:00', end: '11:00', staffId: 'staff-a1' });
    const a = makeAttendance(early, { signedInAt: '2026-10-25T03:05:00.000Z' });
    expect(attendanceStatus(early, a, at('2026-10-25T04:00'), rules)).toMatchObject({ state: 'on', late: false });
    expect(attendanceStatus(early, undefined, at('2026-10-25T03:15'), rules)).toMatchObject({ state: 'late', lateMinutes: 15 });
  });

  it('counts lateness on a night that spans the clock going back in real minutes', () => {
    const night = makeShift({ date: '2026-10-24', start: '22:00', end: '06:00', staffId: 'staff-a1' });
    // 22:00 BST is 21:00 UTC; signing in at 22:00 UTC is an hour late.
    const a = makeAttendance(night, { signedInAt: '2026-10-24T22:00:00.000Z' });
    expect(attendanceStatus(night, a, at('2026-10-25T01:00'), rules)).toMatchObject({ state: 'on', lateMinutes: 60 });
  });
});

import { describe, expect, it } from 'vitest';
import { correctionRefusal, SIGN_IN_OPENS_HOURS, SIGN_OUT_CLOSES_HOURS, signInRefusal } from '../../../../shared/domain/attendance';
import { makeShift } from '../rota/factories';
import { at } from './helpers';

const ENDED = (end: string) => `Their shift ended at ${end}. To record times they worked, use Correct.`;

describe('when the desk may sign someone in', () => {
  it('opens three hours before the start', () => {
    expect(SIGN_IN_OPENS_HOURS).toBe(3);
  });

  // Tue 8 Dec 2026, GMT: a 07:00–15:00 day shift.
  const day = makeShift({ date: '2026-12-08', start: '07:00', end: '15:00', staffId: 'staff-a1' });
  it.each([
    ['2026-12-08T03:59', 'Sign-in for this shift opens at 04:00 on Tue 8 Dec.'],
    ['2026-12-08T04:00', null],
    ['2026-12-08T09:35', null],
    ['2026-12-08T14:59', null],
    ['2026-12-08T15:00', ENDED('15:00')],
    ['2026-12-08T15:01', ENDED('15:00')],
  ])('a day shift at %s (GMT): %s', (now, refusal) => {
    expect(signInRefusal(day, at(now))).toBe(refusal);
  });

  // A 19:00–07:00 night from Mon 7 Dec: open from 16:00 that evening until 07:00 on the Tuesday.
  const night = makeShift({ date: '2026-12-07', start: '19:00', end: '07:00', staffId: 'staff-a1' });
  it.each([
    ['2026-12-07T15:59', 'Sign-in for this shift opens at 16:00 on Mon 7 Dec.'],
    ['2026-12-07T16:00', null],
    ['2026-12-08T00:30', null],
    ['2026-12-08T06:59', null],
    ['2026-12-08T07:00', ENDED('07:00')],
    ['2026-12-08T07:01', ENDED('07:00')],
  ])('a night shift at %s (GMT): %s', (now, refusal) => {
    expect(signInRefusal(night, at(now))).toBe(refusal);
  });

  it('opens the evening before for a shift that starts after midnight', () => {
    const early = makeShift({ date: '2026-12-08', start: '01:00', end: '09:00', staffId: 'staff-a1' });
    expect(signInRefusal(early, at('2026-12-07T21:59'))).toBe('Sign-in for this shift opens at 22:00 on Mon 7 Dec.');
    expect(signInRefusal(early, at('2026-12-07T22:00'))).toBeNull();
  });

  it('counts three real hours across the night the clocks go back (Sun 25 Oct 2026)', () => {
    // 04:00 GMT; three hours earlier is 01:00 GMT, the second 01:00 of that night (00:00 UTC is 01:00 BST).
    const shift = makeShift({ date: '2026-10-25', start: '04:00', end: '12:00', staffId: 'staff-a1' });
    // 01:00 happens twice that night: the message says which.
    expect(signInRefusal(shift, at('2026-10-25T00:59'))).toBe('Sign-in for this shift opens at 01:00 GMT on Sun 25 Oct.');
    expect(signInRefusal(shift, at('2026-10-25T01:00'))).toBeNull();
    // The night shift across the change starts at 19:00 BST (18:00 UTC), lasts 13 hours and ends at 07:00 GMT.
    const night = makeShift({ date: '2026-10-24', start: '19:00', end: '07:00', staffId: 'staff-a1' });
    expect(signInRefusal(night, at('2026-10-24T14:59'))).toBe('Sign-in for this shift opens at 16:00 on Sat 24 Oct.');
    expect(signInRefusal(night, at('2026-10-24T15:00'))).toBeNull();
    expect(signInRefusal(night, at('2026-10-25T06:59'))).toBeNull();
    expect(signInRefusal(night, at('2026-10-25T07:00'))).toBe(ENDED('07:00'));
  });

  it('says BST when sign-in opens in the first pass of the hour the clocks go back', () => {
    // 05:00 GMT is 05:00 UTC; three hours earlier, 02:00 UTC, is 02:00 GMT, which happens once.
    const later = makeShift({ date: '2026-10-25', start: '05:00', end: '13:00', staffId: 'staff-a1' });
    expect(signInRefusal(later, at('2026-10-25T01:59'))).toBe('Sign-in for this shift opens at 02:00 on Sun 25 Oct.');
    // 03:30 GMT is 03:30 UTC; three hours earlier, 00:30 UTC, is 01:30 BST, the first 01:30 of the night.
    const early = makeShift({ date: '2026-10-25', start: '03:30', end: '11:30', staffId: 'staff-a1' });
    expect(signInRefusal(early, at('2026-10-25T00:29'))).toBe('Sign-in for this shift opens at 01:30 BST on Sun 25 Oct.');
  });

  it('counts three real hours across the night the clocks go forward (Sun 28 Mar 2027)', () => {
    // 04:00 BST is 03:00 UTC; three hours earlier is 00:00 UTC, which is 00:00 GMT: four hours on the wall clock.
    const shift = makeShift({ date: '2027-03-28', start: '04:00', end: '12:00', staffId: 'staff-a1' });
    expect(signInRefusal(shift, at('2027-03-27T23:59'))).toBe('Sign-in for this shift opens at 00:00 on Sun 28 Mar.');
    expect(signInRefusal(shift, at('2027-03-28T00:00'))).toBeNull();
    // The 19:00–07:00 night across the change lasts 11 hours and ends at 06:00 UTC.
    const night = makeShift({ date: '2027-03-27', start: '19:00', end: '07:00', staffId: 'staff-a1' });
    expect(signInRefusal(night, at('2027-03-27T15:59'))).toBe('Sign-in for this shift opens at 16:00 on Sat 27 Mar.');
    expect(signInRefusal(night, at('2027-03-28T05:59'))).toBeNull();
    expect(signInRefusal(night, at('2027-03-28T06:00'))).toBe(ENDED('07:00'));
  });
});

describe('which corrected times a shift can have', () => {
  /** The instant of a UTC time written without the zone, as a correction sends it. */
  const iso = (utc: string) => `${utc}:00.000Z`;
  const inAt = (shift: Parameters<typeof correctionRefusal>[0], utc: string) => correctionRefusal(shift, { signedInAt: iso(utc) });
  const outAt = (shift: Parameters<typeof correctionRefusal>[0], utc: string) => correctionRefusal(shift, { signedOutAt: iso(utc) });

  it('takes a sign-out up to twelve hours after the end: a double shift at most', () => {
    expect(SIGN_OUT_CLOSES_HOURS).toBe(12);
  });

  // Tue 8 Dec 2026, GMT: a 07:00–15:00 day shift.
  const day = makeShift({ date: '2026-12-08', start: '07:00', end: '15:00', staffId: 'staff-a1' });

  it('takes a sign-in from exactly three hours before the start, not a minute sooner', () => {
    expect(inAt(day, '2026-12-08T04:00')).toBeNull();
    expect(inAt(day, '2026-12-08T03:59')).toEqual({
      message: 'A sign-in at 03:59 is too early for the 07:00–15:00 shift on Tue 8 Dec: sign-in opens at 04:00, 3 hours before it starts.',
      fields: { signedInAt: 'Sign-in opens at 04:00' },
    });
    // The day before, as a slip of the date would give.
    expect(inAt(day, '2026-12-07T07:00')?.message).toBe(
      'A sign-in at 07:00 on Mon 7 Dec is too early for the 07:00–15:00 shift on Tue 8 Dec: sign-in opens at 04:00, 3 hours before it starts.',
    );
  });

  it('takes a sign-in up to, not at, the end', () => {
    expect(inAt(day, '2026-12-08T14:59')).toBeNull();
    expect(inAt(day, '2026-12-08T15:00')).toEqual({
      message: 'A sign-in at 15:00 is too late for the 07:00–15:00 shift on Tue 8 Dec: sign-in closes when it ends, at 15:00.',
      fields: { signedInAt: 'Sign-in closes at 15:00' },
    });
  });

  it('takes a sign-out up to twelve hours after the end, not a minute later', () => {
    expect(outAt(day, '2026-12-09T03:00')).toBeNull();
    expect(outAt(day, '2026-12-09T03:01')).toEqual({
      message:
        'A sign-out at 03:01 on Wed 9 Dec is too late for the 07:00–15:00 shift on Tue 8 Dec: the latest is 03:00 on Wed 9 Dec, 12 hours after it ends.',
      fields: { signedOutAt: 'The latest sign-out is 03:00 on Wed 9 Dec' },
    });
  });

  it('names both times when both are wrong, and takes cleared times', () => {
    expect(correctionRefusal(day, { signedInAt: iso('2026-12-08T03:00'), signedOutAt: iso('2026-12-09T04:00') })).toEqual({
      message:
        'A sign-in at 03:00 is too early for the 07:00–15:00 shift on Tue 8 Dec: sign-in opens at 04:00, 3 hours before it starts. ' +
        'A sign-out at 04:00 on Wed 9 Dec is too late for the 07:00–15:00 shift on Tue 8 Dec: the latest is 03:00 on Wed 9 Dec, 12 hours after it ends.',
      fields: { signedInAt: 'Sign-in opens at 04:00', signedOutAt: 'The latest sign-out is 03:00 on Wed 9 Dec' },
    });
    expect(correctionRefusal(day, { signedInAt: null, signedOutAt: null })).toBeNull();
    expect(correctionRefusal(day, {})).toBeNull();
  });

  it('measures a night shift over midnight from its evening to the next day', () => {
    // 19:00 Mon 7 Dec to 07:00 Tue 8 Dec.
    const night = makeShift({ date: '2026-12-07', start: '19:00', end: '07:00', staffId: 'staff-a1' });
    expect(inAt(night, '2026-12-07T16:00')).toBeNull();
    expect(inAt(night, '2026-12-07T15:59')?.message).toBe(
      'A sign-in at 15:59 is too early for the 19:00–07:00 shift on Mon 7 Dec: sign-in opens at 16:00, 3 hours before it starts.',
    );
    expect(inAt(night, '2026-12-08T06:59')).toBeNull();
    expect(inAt(night, '2026-12-08T07:00')?.message).toBe(
      'A sign-in at 07:00 on Tue 8 Dec is too late for the 19:00–07:00 shift on Mon 7 Dec: sign-in closes when it ends, at 07:00 on Tue 8 Dec.',
    );
    expect(outAt(night, '2026-12-08T19:00')).toBeNull();
    expect(outAt(night, '2026-12-08T19:01')?.fields).toEqual({ signedOutAt: 'The latest sign-out is 19:00 on Tue 8 Dec' });
    // A shift from 01:00 opens the evening before.
    const early = makeShift({ date: '2026-12-08', start: '01:00', end: '09:00', staffId: 'staff-a1' });
    expect(inAt(early, '2026-12-07T22:00')).toBeNull();
    expect(inAt(early, '2026-12-07T21:59')?.message).toBe(
      'A sign-in at 21:59 on Mon 7 Dec is too early for the 01:00–09:00 shift on Tue 8 Dec: sign-in opens at 22:00 on Mon 7 Dec, 3 hours before it starts.',
    );
  });

  it('counts real hours on the night the clocks go back (Sun 25 Oct 2026), and says which 01:00', () => {
    // 04:00 GMT is 04:00 UTC: sign-in opens at 01:00 GMT, after 01:59 BST has come and gone.
    const morning = makeShift({ date: '2026-10-25', start: '04:00', end: '12:00', staffId: 'staff-a1' });
    expect(inAt(morning, '2026-10-25T01:00')).toBeNull();
    expect(inAt(morning, '2026-10-25T00:59')).toEqual({
      message:
        'A sign-in at 01:59 BST is too early for the 04:00–12:00 shift on Sun 25 Oct: sign-in opens at 01:00 GMT, 3 hours before it starts.',
      fields: { signedInAt: 'Sign-in opens at 01:00 GMT' },
    });
    // 19:00 BST Sat (18:00 UTC) to 07:00 GMT Sun (07:00 UTC), 13 hours: sign-out up to 19:00 GMT on Sunday.
    const night = makeShift({ date: '2026-10-24', start: '19:00', end: '07:00', staffId: 'staff-a1' });
    expect(inAt(night, '2026-10-24T15:00')).toBeNull();
    expect(inAt(night, '2026-10-24T14:59')?.fields).toEqual({ signedInAt: 'Sign-in opens at 16:00' });
    expect(inAt(night, '2026-10-25T06:59')).toBeNull();
    expect(outAt(night, '2026-10-25T19:00')).toBeNull();
    expect(outAt(night, '2026-10-25T19:01')?.message).toBe(
      'A sign-out at 19:01 on Sun 25 Oct is too late for the 19:00–07:00 shift on Sat 24 Oct: the latest is 19:00 on Sun 25 Oct, 12 hours after it ends.',
    );
  });

  it('counts real hours on the night the clocks go forward (Sun 28 Mar 2027)', () => {
    // 04:00 BST is 03:00 UTC: three real hours earlier is 00:00 GMT, four on the wall clock.
    const morning = makeShift({ date: '2027-03-28', start: '04:00', end: '12:00', staffId: 'staff-a1' });
    expect(inAt(morning, '2027-03-28T00:00')).toBeNull();
    expect(inAt(morning, '2027-03-27T23:59')?.message).toBe(
      'A sign-in at 23:59 on Sat 27 Mar is too early for the 04:00–12:00 shift on Sun 28 Mar: sign-in opens at 00:00, 3 hours before it starts.',
    );
    // 19:00 GMT Sat (19:00 UTC) to 07:00 BST Sun (06:00 UTC), 11 hours: sign-out up to 19:00 BST (18:00 UTC) on Sunday.
    const night = makeShift({ date: '2027-03-27', start: '19:00', end: '07:00', staffId: 'staff-a1' });
    expect(inAt(night, '2027-03-27T16:00')).toBeNull();
    expect(inAt(night, '2027-03-27T15:59')).not.toBeNull();
    expect(inAt(night, '2027-03-28T05:59')).toBeNull();
    expect(inAt(night, '2027-03-28T06:00')?.fields).toEqual({ signedInAt: 'Sign-in closes at 07:00 on Sun 28 Mar' });
    expect(outAt(night, '2027-03-28T18:00')).toBeNull();
    expect(outAt(night, '2027-03-28T18:01')?.fields).toEqual({ signedOutAt: 'The latest sign-out is 19:00 on Sun 28 Mar' });
  });
});

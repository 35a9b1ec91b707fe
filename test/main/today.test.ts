import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Shift } from '../../shared/schemas/shift';
import { openTestApp, type TestApp, okData } from '../support/app';
import { DESK_NOW, DESK_SHIFTS, DESK_STAFF, seedDesk, signedInToDesk } from '../support/deskWorld';

let t: TestApp;
const signedIn = (username: string) => signedInToDesk(t, username);
/** Moves the clock on as if the desk had been in use all along, so it does not lock. */
const advance = (iso: string, ...sessions: { lastActive: number }[]) => {
  t.clock.now = Date.parse(iso);
  for (const s of sessions) s.lastActive = t.clock.now;
};

beforeEach(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
});
afterEach(() => t.opened.close());

/** The same desk at another moment, with `shifts` on its rota besides the morning of 25 Nov. */
const deskAt = async (iso: string, ...shifts: Shift[]) => {
  t.opened.close();
  t = openTestApp({ start: iso });
  await seedDesk(t.opened.app);
  t.opened.app.repos.shifts.put(shifts);
};

describe('today:board', () => {
  it('shows the supervisor’s site with who is on, late, due next and no-shows, from the clock alone', async () => {
    const sup = await signedIn('sup.ch');
    const board = okData(await t.call('today:board', {}, sup));
    expect(board.site.code).toBe('CH');
    expect(board.sites.map((s) => s.code)).toEqual(['CH']);
    const security = board.services.find((s) => s.service === 'security')!;
    // Omar's 06:00–18:00 shift is still running, so his no-show is on now, not earlier (issue 15).
    expect(security.now.map((r) => [r.name, r.state, r.lateMinutes])).toEqual([
      ['Nia Night', 'on', 0],
      ['Omar Absent', 'no-show', 0],
      ['Sam Guard', 'late', 20],
    ]);
    expect(security.earlier).toEqual([]);
    const cleaning = board.services.find((s) => s.service === 'cleaning')!;
    expect(cleaning.now.map((r) => [r.name, r.state])).toEqual([
      ['Carla Brush', 'on'],
      ['Cleo Early', 'due'],
    ]);
    expect(board.services.find((s) => s.service === 'reception')!.next.map((r) => r.name)).toEqual(['Rhea Desk']);
    expect(board.followUps).toMatchObject([{ ref: 'CH-2026-0042', due: '2026-11-25', overdue: false }]);
    expect(board.log.map((e) => e.time)).toEqual(['06:00', '07:00']);
    expect(board.gaps.some((g) => g.service === 'security' && g.present < g.required)).toBe(true);

    advance('2026-11-25T07:11:00Z', sup);
    const later = okData(await t.call('today:board', {}, sup));
    expect(later.services.find((s) => s.service === 'cleaning')!.now.find((r) => r.name === 'Cleo Early')).toMatchObject({
      state: 'late',
      lateMinutes: 11,
    });
  });

  it('shows the published rota only: a manager’s draft for today is not on the desk until it is published', async () => {
    const draftOpen = { ...DESK_SHIFTS.openReception, id: 'shift_draft_open', start: '12:00', end: '20:00', status: 'draft' as const };
    const draftRhea = { ...DESK_SHIFTS.rhea, id: 'shift_draft_rhea', start: '16:00', end: '20:00', status: 'draft' as const };
    t.opened.app.repos.shifts.put([draftOpen, draftRhea]);
    const sup = await signedIn('sup.ch');
    const reception = () => t.call('today:board', {}, sup).then((r) => okData(r).services.find((s) => s.service === 'reception')!);
    const before = await reception();
    expect(before.open.map((o) => `${o.start}–${o.end}`)).toEqual(['08:00–18:00']);
    expect([...before.now, ...before.next, ...before.earlier].map((r) => `${r.name} ${r.start}`)).toEqual(['Rhea Desk 08:00']);

    t.opened.app.repos.shifts.put([
      { ...draftOpen, status: 'published' },
      { ...draftRhea, status: 'published' },
    ]);
    const after = await reception();
    expect(after.open.map((o) => `${o.start}–${o.end}`).sort()).toEqual(['08:00–18:00', '12:00–20:00']);
    expect([...after.now, ...after.next, ...after.earlier].map((r) => `${r.name} ${r.start}`).sort()).toEqual([
      'Rhea Desk 08:00',
      'Rhea Desk 16:00',
    ]);
  });

  it('keeps a supervisor to their own sites', async () => {
    const sup = await signedIn('sup.ch');
    const before = t.snapshot();
    expect(await t.call('today:board', { site: 'FH' }, sup)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.paul.id }, sup)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await t.call('today:assign-cover', { shiftId: DESK_SHIFTS.paul.id, staffId: DESK_STAFF.rita.id }, sup)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('signing in and out', () => {
  it('records the actual times on an attendance record that survives a restart', async () => {
    const sup = await signedIn('sup.ch');
    const inRec = okData(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup));
    expect(inRec).toMatchObject({
      shiftId: DESK_SHIFTS.cleo.id,
      staffId: DESK_STAFF.cleo.id,
      signedInAt: DESK_NOW,
      signedOutAt: null,
      createdBy: 'account_sup_ch01',
    });
    expect(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup)).toMatchObject({ ok: false, code: 'conflict' });
    advance('2026-11-25T10:02:00Z', sup);
    const outRec = okData(await t.call('today:sign-out', { shiftId: DESK_SHIFTS.cleo.id }, sup));
    expect(outRec).toMatchObject({ id: inRec.id, signedOutAt: '2026-11-25T10:02:00.000Z', rev: 2 });
    t = t.reopen();
    const stored = t.opened.app.repos.attendance.inMonths(['2026-11'], ['CH']).find((a) => a.id === inRec.id);
    expect(stored).toMatchObject({ signedInAt: DESK_NOW, signedOutAt: '2026-11-25T10:02:00.000Z' });
  });

  it('refuses to sign in someone whose shift has ended, changing nothing, and sends the desk to Correct', async () => {
    const sup = await signedIn('sup.ch');
    // Cleo never came for her 07:00–10:00; at 16:55 her shift is long over.
    advance('2026-11-25T16:55:00Z', sup);
    const before = t.snapshot();
    expect(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'Their shift ended at 10:00. To record times they worked, use Correct.',
    });
    expect(t.snapshot()).toEqual(before);
    const cleaning = okData(await t.call('today:board', {}, sup)).services.find((s) => s.service === 'cleaning')!;
    expect(cleaning.now.map((r) => r.name)).not.toContain('Cleo Early');
    expect(cleaning.earlier.find((r) => r.name === 'Cleo Early')).toMatchObject({ state: 'no-show', attendanceId: null });
  });

  it('refuses to sign in someone more than three hours before their shift, saying when sign-in opens', async () => {
    const tomorrow = { ...DESK_SHIFTS.rhea, id: 'shift_rhea_0002', date: '2026-11-26' };
    t.opened.app.repos.shifts.put([tomorrow]);
    const sup = await signedIn('sup.ch');
    const before = t.snapshot();
    // At 07:05 on Wednesday, Rhea's Thursday 08:00 opens for sign-in at 05:00 on Thursday.
    expect(await t.call('today:sign-in', { shiftId: tomorrow.id }, sup)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'Sign-in for this shift opens at 05:00 on Thu 26 Nov.',
    });
    expect(t.snapshot()).toEqual(before);
    advance('2026-11-26T05:00:00Z', sup);
    expect(okData(await t.call('today:sign-in', { shiftId: tomorrow.id }, sup))).toMatchObject({ signedInAt: '2026-11-26T05:00:00.000Z' });
  });

  it('signs in someone late while their shift is still running, and shows how late', async () => {
    const sup = await signedIn('sup.ch');
    // Omar's 06:00–18:00: at 15:55 he is very late, but the shift has two hours to run.
    advance('2026-11-25T15:55:00Z', sup);
    expect(okData(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.omar.id }, sup))).toMatchObject({
      signedInAt: '2026-11-25T15:55:00.000Z',
    });
    const security = okData(await t.call('today:board', {}, sup)).services.find((s) => s.service === 'security')!;
    expect(security.now.find((r) => r.name === 'Omar Absent')).toMatchObject({ state: 'on', late: true, lateMinutes: 595 });
  });

  it('refuses a correction that marks a no-show on a shift not yet started, as marking one is, and changes nothing', async () => {
    const sup = await signedIn('sup.ch');
    // Cleo's 07:00–10:00, at 05:00: nobody can have failed to come yet.
    advance('2026-11-25T05:00:00Z', sup);
    const before = t.snapshot();
    expect(await t.call('today:correct', { shiftId: DESK_SHIFTS.cleo.id, noShow: true, reason: 'Rang in sick' }, sup)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'This shift is not due until 07:00; mark a no-show once it has started.',
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('records both times for someone whose shift ended with no record, through a correction against the shift', async () => {
    const sup = await signedIn('sup.ch');
    advance('2026-11-25T16:55:00Z', sup);
    const rec = okData(
      await t.call(
        'today:correct',
        {
          shiftId: DESK_SHIFTS.cleo.id,
          signedInAt: '2026-11-25T07:02:00.000Z',
          signedOutAt: '2026-11-25T10:00:00.000Z',
          reason: 'Worked her shift; the desk was unattended',
        },
        sup,
      ),
    );
    expect(rec).toMatchObject({ shiftId: DESK_SHIFTS.cleo.id, staffId: DESK_STAFF.cleo.id, noShow: false });
    const before = t.snapshot();
    expect(
      await t.call('today:correct', { attendanceId: rec.id, shiftId: DESK_SHIFTS.cleo.id, signedInAt: null, reason: 'Both named' }, sup),
    ).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('Give either the attendance record or the shift') });
    expect(t.snapshot()).toEqual(before);
    expect(rec.corrections.map((c) => [c.field, c.before, c.after])).toEqual([
      ['signedInAt', null, '2026-11-25T07:02:00.000Z'],
      ['signedOutAt', null, '2026-11-25T10:00:00.000Z'],
    ]);
    const cleaning = okData(await t.call('today:board', {}, sup)).services.find((s) => s.service === 'cleaning')!;
    expect(cleaning.earlier.find((r) => r.name === 'Cleo Early')).toMatchObject({ state: 'done', attendanceId: rec.id });
  });

  it('refuses a corrected sign-in before the shift could be signed in, by shift or by record, and changes nothing', async () => {
    const sup = await signedIn('sup.ch');
    advance('2026-11-25T16:55:00Z', sup);
    const early =
      'A sign-in at 03:59 is too early for the 07:00–10:00 shift on Wed 25 Nov: sign-in opens at 04:00, 3 hours before it starts.';
    const before = t.snapshot();
    // Cleo's 07:00–10:00 has no record yet: the correction against the shift would make one.
    expect(
      await t.call(
        'today:correct',
        {
          shiftId: DESK_SHIFTS.cleo.id,
          signedInAt: '2026-11-25T03:59:00.000Z',
          signedOutAt: '2026-11-25T10:00:00.000Z',
          reason: 'Worked it',
        },
        sup,
      ),
    ).toMatchObject({ ok: false, code: 'invalid', message: early, fields: { signedInAt: 'Sign-in opens at 04:00' } });
    expect(t.snapshot()).toEqual(before);
    // Exactly three hours before the start is when the desk could have signed her in.
    const rec = okData(
      await t.call(
        'today:correct',
        {
          shiftId: DESK_SHIFTS.cleo.id,
          signedInAt: '2026-11-25T04:00:00.000Z',
          signedOutAt: '2026-11-25T10:00:00.000Z',
          reason: 'Worked it',
        },
        sup,
      ),
    );
    expect(rec).toMatchObject({ signedInAt: '2026-11-25T04:00:00.000Z', signedOutAt: '2026-11-25T10:00:00.000Z' });

    // The record now exists: neither the shift nor the record lets the sign-in move to the evening before.
    const saved = t.snapshot();
    const yesterday =
      'A sign-in at 23:00 on Tue 24 Nov is too early for the 07:00–10:00 shift on Wed 25 Nov: sign-in opens at 04:00, 3 hours before it starts.';
    for (const ref of [{ shiftId: DESK_SHIFTS.cleo.id }, { attendanceId: rec.id }]) {
      expect(await t.call('today:correct', { ...ref, signedInAt: '2026-11-24T23:00:00.000Z', reason: 'Wrong day' }, sup)).toMatchObject({
        ok: false,
        code: 'invalid',
        message: yesterday,
      });
      expect(await t.call('today:correct', { ...ref, signedInAt: '2026-11-25T10:00:00.000Z', reason: 'Came at ten' }, sup)).toMatchObject({
        ok: false,
        code: 'invalid',
        message: 'A sign-in at 10:00 is too late for the 07:00–10:00 shift on Wed 25 Nov: sign-in closes when it ends, at 10:00.',
      });
    }
    expect(t.snapshot()).toEqual(saved);
  });

  it('holds a night officer’s corrected sign-in to the evening of their shift', async () => {
    const sup = await signedIn('sup.ch');
    // Nia's 19:00–07:00 from Tue 24 Nov, signed in at 18:55: sign-in opened at 16:00 that evening.
    const before = t.snapshot();
    expect(
      await t.call('today:correct', { attendanceId: 'att_night_00001', signedInAt: '2026-11-24T15:59:00.000Z', reason: 'Came early' }, sup),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
      message: 'A sign-in at 15:59 is too early for the 19:00–07:00 shift on Tue 24 Nov: sign-in opens at 16:00, 3 hours before it starts.',
    });
    expect(t.snapshot()).toEqual(before);
    expect(
      okData(
        await t.call(
          'today:correct',
          { attendanceId: 'att_night_00001', signedInAt: '2026-11-24T16:00:00.000Z', reason: 'Came early' },
          sup,
        ),
      ),
    ).toMatchObject({ signedInAt: '2026-11-24T16:00:00.000Z' });
  });

  it('refuses a corrected sign-out more than twelve hours after the shift ended, and changes nothing', async () => {
    const sup = await signedIn('sup.ch');
    // Sam's 06:45–18:45 on Wed 25 Nov, corrected the next morning.
    advance('2026-11-26T08:00:00Z', sup);
    const times = { shiftId: DESK_SHIFTS.sam.id, signedInAt: '2026-11-25T07:05:00.000Z', reason: 'Kept on until relieved' };
    const before = t.snapshot();
    expect(await t.call('today:correct', { ...times, signedOutAt: '2026-11-26T06:46:00.000Z' }, sup)).toMatchObject({
      ok: false,
      code: 'invalid',
      message:
        'A sign-out at 06:46 on Thu 26 Nov is too late for the 06:45–18:45 shift on Wed 25 Nov: the latest is 06:45 on Thu 26 Nov, 12 hours after it ends.',
      fields: { signedOutAt: 'The latest sign-out is 06:45 on Thu 26 Nov' },
    });
    expect(t.snapshot()).toEqual(before);
    expect(okData(await t.call('today:correct', { ...times, signedOutAt: '2026-11-26T06:45:00.000Z' }, sup))).toMatchObject({
      signedOutAt: '2026-11-26T06:45:00.000Z',
    });
  });

  it('measures the window in real hours on the nights the clocks change, and says which 01:00', async () => {
    // Sun 25 Oct 2026, 04:00–12:00 GMT: sign-in opens at 01:00 GMT (01:00 UTC), after 01:59 BST.
    const back = { ...DESK_SHIFTS.sam, id: 'shift_sam_10025', date: '2026-10-25', start: '04:00', end: '12:00' };
    await deskAt('2026-10-25T13:00:00.000Z', back);
    let sup = await signedIn('sup.ch');
    const out = { signedOutAt: '2026-10-25T12:00:00.000Z', reason: 'Desk unattended' };
    expect(await t.call('today:correct', { shiftId: back.id, signedInAt: '2026-10-25T00:59:00.000Z', ...out }, sup)).toMatchObject({
      ok: false,
      code: 'invalid',
      message:
        'A sign-in at 01:59 BST is too early for the 04:00–12:00 shift on Sun 25 Oct: sign-in opens at 01:00 GMT, 3 hours before it starts.',
    });
    expect(okData(await t.call('today:correct', { shiftId: back.id, signedInAt: '2026-10-25T01:00:00.000Z', ...out }, sup))).toMatchObject({
      signedInAt: '2026-10-25T01:00:00.000Z',
    });

    // Sun 28 Mar 2027, 04:00–12:00 BST: sign-in opens at 00:00 GMT (00:00 UTC), four hours on the wall clock.
    const forward = { ...DESK_SHIFTS.sam, id: 'shift_sam_10028', date: '2027-03-28', start: '04:00', end: '12:00' };
    await deskAt('2027-03-28T13:00:00.000Z', forward);
    sup = await signedIn('sup.ch');
    const out2 = { signedOutAt: '2027-03-28T11:00:00.000Z', reason: 'Desk unattended' };
    expect(await t.call('today:correct', { shiftId: forward.id, signedInAt: '2027-03-27T23:59:00.000Z', ...out2 }, sup)).toMatchObject({
      ok: false,
      code: 'invalid',
      message:
        'A sign-in at 23:59 on Sat 27 Mar is too early for the 04:00–12:00 shift on Sun 28 Mar: sign-in opens at 00:00, 3 hours before it starts.',
    });
    expect(
      okData(await t.call('today:correct', { shiftId: forward.id, signedInAt: '2027-03-28T00:00:00.000Z', ...out2 }, sup)),
    ).toMatchObject({
      signedInAt: '2027-03-28T00:00:00.000Z',
    });
  });

  it('keeps the original value, who, when and why in a correction', async () => {
    const sup = await signedIn('sup.ch');
    const rec = okData(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup));
    expect(await t.call('today:correct', { attendanceId: rec.id, signedInAt: '2026-11-25T06:58:00.000Z', reason: '' }, sup)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const fixed = okData(
      await t.call(
        'today:correct',
        { attendanceId: rec.id, signedInAt: '2026-11-25T06:58:00.000Z', reason: 'Arrived before the desk opened' },
        sup,
      ),
    );
    expect(fixed.signedInAt).toBe('2026-11-25T06:58:00.000Z');
    expect(fixed.corrections).toEqual([
      {
        at: DESK_NOW,
        by: 'account_sup_ch01',
        reason: 'Arrived before the desk opened',
        field: 'signedInAt',
        before: DESK_NOW,
        after: '2026-11-25T06:58:00.000Z',
      },
    ]);
    expect(
      await t.call('today:correct', { attendanceId: rec.id, signedOutAt: '2026-11-25T06:00:00.000Z', reason: 'Wrong' }, sup),
    ).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses a corrected sign-in or sign-out that has not happened yet, and changes nothing', async () => {
    const sup = await signedIn('sup.ch');
    const rec = okData(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup));
    // At 07:05, a sign-in at 18:50 tonight and a sign-out at 10:00 are both still to come.
    expect(
      await t.call('today:correct', { attendanceId: rec.id, signedInAt: '2026-11-25T18:50:00.000Z', reason: 'Came in early' }, sup),
    ).toMatchObject({ ok: false, code: 'invalid', fields: { signedInAt: expect.stringContaining('has not happened yet') } });
    expect(
      await t.call('today:correct', { attendanceId: rec.id, signedOutAt: '2026-11-25T10:00:00.000Z', reason: 'Leaves at ten' }, sup),
    ).toMatchObject({ ok: false, code: 'invalid', fields: { signedOutAt: expect.stringContaining('has not happened yet') } });
    const stored = t.opened.app.repos.attendance.inMonths(['2026-11'], ['CH']).find((a) => a.id === rec.id);
    expect(stored).toMatchObject({ signedInAt: DESK_NOW, signedOutAt: null, corrections: [] });
  });

  it('says which 01:30 has not happened yet on the night the clocks go back (Sun 25 Oct 2026)', async () => {
    // 01:10 BST (00:10 UTC): the first 01:30 has not come yet, and nor has the second, an hour after it.
    const night = { ...DESK_SHIFTS.sam, id: 'shift_sam_00025', date: '2026-10-24', start: '19:00', end: '07:00' };
    await deskAt('2026-10-25T00:10:00.000Z', night);
    const sup = await signedIn('sup.ch');
    const before = t.snapshot();
    expect(
      await t.call(
        'today:correct',
        { shiftId: night.id, signedInAt: '2026-10-24T18:00:00.000Z', signedOutAt: '2026-10-25T01:30:00.000Z', reason: 'Left early' },
        sup,
      ),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
      message: '01:30 GMT on Sun 25 Oct has not happened yet; give the time it happened.',
      fields: { signedOutAt: '01:30 GMT on Sun 25 Oct has not happened yet' },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a correction that leaves a sign-out with no sign-in, and changes nothing', async () => {
    const sup = await signedIn('sup.ch');
    okData(await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup));
    advance('2026-11-25T10:02:00Z', sup);
    const rec = okData(await t.call('today:sign-out', { shiftId: DESK_SHIFTS.cleo.id }, sup));
    // Clearing the "Signed in at" box by mistake would leave her out at 10:02 having never come in.
    expect(await t.call('today:correct', { attendanceId: rec.id, signedInAt: null, reason: 'Wrong person signed in' }, sup)).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { signedInAt: expect.stringContaining('sign-out') },
    });
    const stored = t.opened.app.repos.attendance.inMonths(['2026-11'], ['CH']).find((a) => a.id === rec.id);
    expect(stored).toMatchObject({ signedInAt: DESK_NOW, signedOutAt: '2026-11-25T10:02:00.000Z', corrections: [] });
  });

  it('refuses to mark a no-show for someone whose shift has not started, and writes no record', async () => {
    const sup = await signedIn('sup.ch');
    // At 07:05 Rhea is not due until 08:00.
    expect(await t.call('today:mark-no-show', { shiftId: DESK_SHIFTS.rhea.id }, sup)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringContaining('not due until 08:00'),
    });
    expect(t.opened.app.repos.attendance.inMonths(['2026-11'], ['CH']).filter((a) => a.shiftId === DESK_SHIFTS.rhea.id)).toEqual([]);
  });

  it('marks a no-show by hand and refuses one for someone already in', async () => {
    const sup = await signedIn('sup.ch');
    expect(okData(await t.call('today:mark-no-show', { shiftId: DESK_SHIFTS.sam.id }, sup))).toMatchObject({ noShow: true });
    expect(await t.call('today:mark-no-show', { shiftId: DESK_SHIFTS.carla.id }, sup)).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('finding cover', () => {
  it('ranks people who can be there in time and break no block, then assigns with history', async () => {
    const sup = await signedIn('sup.ch');
    expect(await t.call('today:cover-candidates', { shiftId: DESK_SHIFTS.sam.id }, sup)).toMatchObject({ ok: false, code: 'conflict' });
    const options = okData(await t.call('today:cover-candidates', { shiftId: DESK_SHIFTS.omar.id }, sup));
    expect(options.cover).toEqual({ date: '2026-11-25', start: '07:35', end: '18:00' });
    const names = options.candidates.map((c) => c.name);
    expect(names).toContain('Rita Relief');
    // Working elsewhere, cleaning-only, already on shift here, or the no-show themselves: not offered.
    for (const out of ['Paul Busy', 'Cleo Early', 'Sam Guard', 'Omar Absent']) expect(names).not.toContain(out);

    const shift = okData(await t.call('today:assign-cover', { shiftId: DESK_SHIFTS.omar.id, staffId: DESK_STAFF.rita.id }, sup));
    expect(shift).toMatchObject({ staffId: DESK_STAFF.rita.id, start: '07:35', end: '18:00', updatedBy: 'account_sup_ch01', rev: 2 });
    expect(shift.history).toEqual([
      {
        at: DESK_NOW,
        by: 'account_sup_ch01',
        before: { staffId: DESK_STAFF.omar.id, date: '2026-11-25', start: '06:00' },
        after: { staffId: DESK_STAFF.rita.id, date: '2026-11-25', start: '07:35' },
      },
    ]);
    expect(await t.call('today:assign-cover', { shiftId: DESK_SHIFTS.omar.id, staffId: DESK_STAFF.paul.id }, sup)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const noShow = t.opened.app.repos.attendance.inMonths(['2026-11'], ['CH']).find((a) => a.shiftId === DESK_SHIFTS.omar.id);
    expect(noShow).toMatchObject({ staffId: DESK_STAFF.omar.id, noShow: true, signedInAt: null });
    const security = okData(await t.call('today:board', {}, sup)).services.find((x) => x.service === 'security')!;
    expect(security.now.find((r) => r.name === 'Omar Absent')).toMatchObject({ state: 'no-show', coveredBy: 'Rita Relief' });
    expect(security.next.map((r) => [r.name, r.start])).toEqual([['Rita Relief', '07:35']]);
  });

  it('refuses someone the ranking rules out', async () => {
    const sup = await signedIn('sup.ch');
    const before = t.snapshot();
    expect(await t.call('today:assign-cover', { shiftId: DESK_SHIFTS.openReception.id, staffId: DESK_STAFF.sam.id }, sup)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('timesheets and reports', () => {
  const week = { from: '2026-11-23', to: '2026-11-29', site: 'CH' };

  it('are for managers only: pay and cost never reach a supervisor', async () => {
    const sup = await signedIn('sup.ch');
    for (const c of [
      'attendance:report',
      'attendance:timesheet-csv',
      'attendance:working-time',
      'reports:hours',
      'reports:cover',
      'reports:cost',
      'reports:incidents',
    ] as const) {
      expect(await t.call(c, week, sup)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await t.call('reports:licences', { within: 90 }, sup)).toMatchObject({ ok: false, code: 'forbidden' });
    const board = JSON.stringify(okData(await t.call('today:board', {}, sup)));
    expect(board).not.toMatch(/payRate|cost/);
  });

  it('puts the sign-in, the no-show and the cover in the payroll CSV and the cover report', async () => {
    const sup = await signedIn('sup.ch');
    await t.call('today:sign-in', { shiftId: DESK_SHIFTS.cleo.id }, sup);
    await t.call('today:assign-cover', { shiftId: DESK_SHIFTS.omar.id, staffId: DESK_STAFF.rita.id }, sup);
    advance('2026-11-25T07:40:00Z', sup);
    await t.call('today:sign-in', { shiftId: DESK_SHIFTS.omar.id }, sup);

    const mgr = await signedIn('manager');
    const csv = okData(await t.call('attendance:timesheet-csv', week, mgr));
    expect(csv.filename).toBe('timesheet-CH-2026-11-23-to-2026-11-29.csv');
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true }).data;
    expect(rows.find((r) => r.Name === 'Cleo Early')).toMatchObject({
      'Employee number': 'E-2001',
      'Actual in': '2026-11-25T07:05+00:00',
      Service: 'Cleaning',
      'Late minutes': '0',
      'No-show': 'No',
    });
    expect(rows.find((r) => r.Name === 'Omar Absent')).toMatchObject({
      'Scheduled start': expect.stringMatching(/^2026-11-2\dT06:00\+00:00$/),
      'No-show': 'Yes',
      'Paid hours': '0.00',
    });
    expect(rows.find((r) => r.Name === 'Rita Relief')).toMatchObject({
      'Scheduled start': '2026-11-25T07:35+00:00',
      'Actual in': '2026-11-25T07:40+00:00',
      'Pay rate': '15.00',
    });

    const cover = okData(await t.call('reports:cover', week, mgr));
    const security = cover.rows.find((r) => r.site === 'CH' && r.service === 'security')!;
    expect(security.week).toBe('2026-11-23');
    expect(security.percent).toBeGreaterThan(0);
    expect(security.percent).toBeLessThan(100);
    expect(cover.csv.text.split('\r\n')[0]).toContain('Cover achieved %');
    // Services are named as on the rota export and the screens, not by their stored keys.
    const coverRows = Papa.parse<Record<string, string>>(cover.csv.text, { header: true }).data;
    expect(new Set(coverRows.map((r) => r.Service))).toEqual(new Set(['Reception', 'Security', 'Cleaning']));

    const people = okData(await t.call('attendance:report', week, mgr)).people;
    expect(people.find((p) => p.name === 'Omar Absent')).toMatchObject({ noShows: 1, paidMinutes: 0 });
    // Sam has not signed in at 07:40 for 06:45: 55 minutes late but not arrived, so not a late arrival.
    expect(people.find((p) => p.name === 'Sam Guard')).toMatchObject({ late: 0, notIn: 1, notInMinutes: 55 });
  });

  it('reports labour cost, incidents, licences and working time', async () => {
    const mgr = await signedIn('manager');
    const cost = okData(await t.call('reports:cost', week, mgr));
    expect(cost.rows.find((r) => r.site === 'CH')!.cost).toBeGreaterThan(0);
    expect(okData(await t.call('reports:incidents', { from: '2026-11-01', to: '2026-11-30' }, mgr)).rows).toEqual([
      { site: 'CH', category: 'security', month: '2026-11', count: 1 },
    ]);
    expect(okData(await t.call('reports:licences', { within: 60 }, mgr)).rows.map((l) => [l.name, l.daysLeft])).toEqual([
      ['Kim Expired', 25],
    ]);
    const wt = okData(await t.call('attendance:working-time', { from: '2026-11-23', to: '2026-11-29' }, mgr));
    expect(wt.records.find((r) => r.name === 'Nia Night')).toMatchObject({ shifts: 1, nightShifts: 1 });
    // Yes and No, as every other export writes a yes-or-no column.
    const wtRows = Papa.parse<Record<string, string>>(wt.csv.text, { header: true, skipEmptyLines: true }).data;
    expect(wtRows.find((r) => r.Name === 'Nia Night')).toMatchObject({ 'Young worker': 'No' });
    expect(new Set(wtRows.map((r) => r['Young worker']))).toEqual(new Set(['No']));
    expect(await t.call('reports:cost', { from: '2026-11-29', to: '2026-11-23' }, mgr)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

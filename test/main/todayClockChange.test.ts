/**
 * The desk's cover gaps on the nights the clocks change, in the hour that happens twice (01:00–01:59 on
 * Sun 25 Oct 2026) and the hour that does not exist (01:00–01:59 on Sun 28 Mar 2027). County Hall needs
 * one security officer all day on Sundays; a gap the desk has already lived through drops off the board,
 * one still to come or still running stays on it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Shift } from '../../shared/schemas/shift';
import { openTestApp, okData, type TestApp } from '../support/app';
import { DESK_PASSWORD, DESK_SHIFTS, seedDesk } from '../support/deskWorld';

let t: TestApp | null = null;
afterEach(() => t?.opened.close());

/** The CH supervisor's board at `iso`, with `shifts` on the rota. */
const boardAt = async (iso: string, ...shifts: Shift[]) => {
  t?.opened.close();
  t = openTestApp({ start: iso });
  await seedDesk(t.opened.app);
  t.opened.app.repos.shifts.put(shifts);
  const s = t.session();
  const r = await t.call('auth:sign-in', { username: 'sup.ch', password: DESK_PASSWORD }, s);
  if (!r.ok) throw new Error(r.message);
  return okData(await t.call('today:board', {}, s));
};
const sam = (date: string, start: string, end: string): Shift => ({
  ...DESK_SHIFTS.sam,
  id: `shift_dst_${start.replace(':', '')}`,
  date,
  start,
  end,
});
const securityGaps = (board: Awaited<ReturnType<typeof boardAt>>) =>
  board.gaps.filter((g) => g.service === 'security').map((g) => `${g.date} ${g.start}–${g.end} ${g.present}/${g.required}`);

describe('cover gaps on the board the night the clocks go back', () => {
  // Sam starts at 01:30 (the first 01:30, BST, 00:30 UTC): nobody on from midnight until then.
  const shift = sam('2026-10-25', '01:30', '12:00');

  it('still shows the gap before Sam starts during the first 01:00–01:59 (BST)', async () => {
    const board = await boardAt('2026-10-25T00:10:00Z', shift); // 01:10 BST
    expect(securityGaps(board)).toEqual(['2026-10-25 00:00–01:30 0/1', '2026-10-25 12:00–00:00 0/1']);
  });

  it('no longer shows that gap during the second 01:00–01:59 (GMT), after Sam has started', async () => {
    const board = await boardAt('2026-10-25T01:10:00Z', shift); // 01:10 GMT, 40 minutes after Sam started
    expect(securityGaps(board)).toEqual(['2026-10-25 12:00–00:00 0/1']);
  });
});

describe('cover gaps on the board the night the clocks go forward', () => {
  // Sam starts at 02:30 BST (01:30 UTC); 01:00–01:59 does not happen that night.
  const shift = sam('2027-03-28', '02:30', '12:00');

  it('shows the running gap until Sam starts', async () => {
    const board = await boardAt('2027-03-28T01:10:00Z', shift); // 02:10 BST
    expect(securityGaps(board)).toEqual(['2027-03-28 00:00–02:30 0/1', '2027-03-28 12:00–00:00 0/1']);
  });

  it('drops it once Sam has started', async () => {
    const board = await boardAt('2027-03-28T01:40:00Z', shift); // 02:40 BST
    expect(securityGaps(board)).toEqual(['2027-03-28 12:00–00:00 0/1']);
  });
});

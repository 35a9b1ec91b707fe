// @vitest-environment happy-dom
/**
 * The buttons the desk offers for one person on one shift, at the board's moment. Signing in is offered only while
 * the service would accept it: a shift that has ended offers Correct, to record the times they worked.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import '../noServer';
import type { TodayRow } from '../../../shared/contract/today';
import { PersonRow } from '../../../renderer/features/today/PersonRow';

const cleo = (o: Partial<TodayRow> = {}): TodayRow => ({
  shiftId: 'shift_cleo_0001',
  staffId: 'staff_cleo_0001',
  name: 'Cleo Early',
  service: 'cleaning',
  date: '2026-11-25',
  start: '07:00',
  end: '10:00',
  state: 'no-show',
  late: false,
  lateMinutes: 0,
  attendanceId: null,
  signedInAt: null,
  signedOutAt: null,
  corrections: 0,
  coveredBy: null,
  ...o,
});

let root: Root | null = null;
const show = async (row: TodayRow, nowIso: string) => {
  const host = document.createElement('ul');
  document.body.append(host);
  root = createRoot(host);
  const none = () => {};
  await act(async () =>
    root!.render(
      <PersonRow row={row} now={Date.parse(nowIso)} busy={false} onAction={none} onEarly={none} onCorrect={none} onCover={none} />,
    ),
  );
  return [...document.querySelectorAll('button')].map((b) => b.textContent?.trim());
};
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = '';
});

describe('a person on the desk', () => {
  it('whose shift has ended with nobody signing them in is offered Correct, not Sign in', async () => {
    const buttons = await show(cleo(), '2026-11-25T16:55:00.000Z');
    expect(buttons).not.toContain('Sign in Cleo Early');
    expect(buttons).toContain('Correct Cleo Early');
  });

  // Cover needs someone who can arrive 30 minutes from now (rounded up to 5) and work at least 15 of the shift.
  it('who is a no-show on a shift already over is not offered Find cover, which could only be refused', async () => {
    expect(await show(cleo(), '2026-11-25T16:55:00.000Z')).not.toContain('Find cover Cleo Early');
    // 09:20: someone called now arrives at 09:50, ten minutes before the 10:00 end.
    expect(await show(cleo(), '2026-11-25T09:20:00.000Z')).not.toContain('Find cover Cleo Early');
  });

  it('who is a no-show with time left for cover is offered Find cover', async () => {
    // 09:00: someone called now arrives at 09:30 and covers half an hour.
    expect(await show(cleo(), '2026-11-25T09:00:00.000Z')).toContain('Find cover Cleo Early');
  });

  it('who is a no-show on a shift still running can still be signed in', async () => {
    const buttons = await show(cleo(), '2026-11-25T09:55:00.000Z');
    expect(buttons).toContain('Sign in Cleo Early');
  });

  it('not due yet is offered an early sign-in from three hours before the start, not sooner', async () => {
    const rhea = cleo({ name: 'Rhea Desk', service: 'reception', start: '11:00', end: '16:00', state: 'upcoming' });
    expect(await show(rhea, '2026-11-25T07:59:00.000Z')).not.toContain('Sign in early… Rhea Desk');
    await act(async () => root?.unmount());
    document.body.innerHTML = '';
    expect(await show(rhea, '2026-11-25T08:00:00.000Z')).toContain('Sign in early… Rhea Desk');
  });
});

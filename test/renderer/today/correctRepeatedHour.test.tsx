// @vitest-environment happy-dom
/**
 * The Correct dialog on the night the clocks go back (Sun 25 Oct 2026), when 01:00–01:59 comes twice: first in BST
 * (00:00–00:59 UTC), then in GMT. A time typed in that hour asks which; any other time asks nothing.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TodayRow } from '../../../shared/contract/today';
import type { Err } from '../../../shared/result';
import '../noServer';
import { typeInto } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { CorrectDialog } = await import('../../../renderer/features/today/CorrectDialog');

// Nick's night, Sat 24 Oct 22:00 BST to Sun 25 Oct 06:00 GMT, signed in at 22:00 and not signed out.
const nick: TodayRow = {
  shiftId: 'shift_nick_0001',
  staffId: 'staff_nick_0001',
  name: 'Nick Nightly',
  service: 'security',
  date: '2026-10-24',
  start: '22:00',
  end: '06:00',
  state: 'on',
  late: false,
  lateMinutes: 0,
  attendanceId: 'att_nick_00001',
  signedInAt: '2026-10-24T21:00:00.000Z',
  signedOutAt: null,
  corrections: 0,
  coveredBy: null,
};

const sent = vi.fn<(c: unknown) => Promise<Err | null>>();
beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue(null);
  useStore.setState({ correctAttendance: sent });
});
let root: Root | null = null;
const open = async (row: TodayRow) => {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<CorrectDialog row={row} onClose={() => {}} onSaved={() => {}} />));
};
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = '';
});

const box = (label: string) =>
  [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.control as HTMLInputElement;
/** The choice of which 01:30, by its legend, as a screen reader names the group. */
const choice = (legend: string) =>
  [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
const option = (legend: string, text: string) =>
  [...choice(legend)!.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)!.querySelector('input')!;
const pick = (legend: string, text: string) => act(async () => option(legend, text).click());
const save = async (reason = 'Left at the second 01:30; forgot to sign out') => {
  await typeInto(box('Reason'), reason);
  await act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save correction')!.click());
};

describe('the Correct dialog in the hour that comes twice', () => {
  it('asks which 01:30 a typed sign-out is, and sends the second (GMT) when chosen', async () => {
    await open(nick);
    await typeInto(box('Signed out at'), '01:30');
    expect(choice('Signed out at: which 01:30?')).toBeDefined();
    expect(option('Signed out at: which 01:30?', '01:30 BST (first)').checked).toBe(true);
    await pick('Signed out at: which 01:30?', '01:30 GMT (second, an hour later)');
    await save();
    expect(sent).toHaveBeenCalledWith(
      expect.objectContaining({ attendanceId: nick.attendanceId, signedOutAt: '2026-10-25T01:30:00.000Z' }),
    );
    expect(sent.mock.calls[0][0]).not.toHaveProperty('signedInAt');
  });

  it('sends the first (BST) when that is left chosen', async () => {
    await open(nick);
    await typeInto(box('Signed out at'), '01:30');
    await save();
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ signedOutAt: '2026-10-25T00:30:00.000Z' }));
  });

  it('asks nothing for a time that comes once', async () => {
    await open(nick);
    await typeInto(box('Signed out at'), '02:00');
    await typeInto(box('Signed in at'), '00:59');
    expect(document.querySelectorAll('fieldset')).toHaveLength(0);
  });

  it('opens a sign-out recorded at 01:30 GMT as the second 01:30, keeps it when only the sign-in changes, and moves it when BST is chosen', async () => {
    const out = { ...nick, state: 'done' as const, signedOutAt: '2026-10-25T01:30:00.000Z' };
    await open(out);
    expect(box('Signed out at').value).toBe('01:30');
    expect(option('Signed out at: which 01:30?', '01:30 GMT (second, an hour later)').checked).toBe(true);
    await typeInto(box('Signed in at'), '21:55');
    await save('Came in five minutes early');
    expect(sent.mock.calls[0][0]).toMatchObject({ signedInAt: '2026-10-24T20:55:00.000Z' });
    expect(sent.mock.calls[0][0]).not.toHaveProperty('signedOutAt');

    await pick('Signed out at: which 01:30?', '01:30 BST (first)');
    await save('Left at the first 01:30');
    expect(sent.mock.calls[1][0]).toMatchObject({ signedOutAt: '2026-10-25T00:30:00.000Z' });
  });
});

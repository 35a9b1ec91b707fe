// @vitest-environment happy-dom
/**
 * The Correct dialog stops a time the shift could not have been worked at before it is sent, in the words the
 * service would use, and shows the service's own refusal when one comes back.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TodayRow } from '../../../shared/contract/today';
import type { Err } from '../../../shared/result';
// Every channel answers "not available" (no server in these tests).
import '../noServer';
import { mountEach, typeInto } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { CorrectDialog } = await import('../../../renderer/features/today/CorrectDialog');

// Cleo's 07:00–10:00 on Wed 25 Nov 2026 (GMT), ended with nobody signing her in.
const cleo: TodayRow = {
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
};

const sent = vi.fn<(c: unknown) => Promise<Err | null>>();
beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue(null);
  useStore.setState({ correctAttendance: sent });
});
mountEach(() => <CorrectDialog row={cleo} onClose={() => {}} onSaved={() => {}} />);

const box = (label: string) =>
  [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.control as HTMLInputElement;
const fill = async (signedIn: string, signedOut: string) => {
  await typeInto(box('Signed in at'), signedIn);
  await typeInto(box('Signed out at'), signedOut);
  await typeInto(box('Reason'), 'Worked her shift; the desk was unattended');
};
const save = () =>
  act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save correction')!.click());
const shown = () => document.body.textContent!.replace(/\s+/g, ' ');

describe('the Correct dialog', () => {
  it('refuses a sign-in more than three hours before the shift without sending it, saying when sign-in opened', async () => {
    await fill('03:59', '10:00');
    await save();
    expect(sent).not.toHaveBeenCalled();
    expect(shown()).toContain(
      'A sign-in at 03:59 is too early for the 07:00–10:00 shift on Wed 25 Nov: sign-in opens at 04:00, 3 hours before it starts.',
    );
    expect(box('Signed in at').getAttribute('aria-invalid')).toBe('true');
    expect(shown()).toContain('Sign-in opens at 04:00');
  });

  it('sends a sign-in exactly three hours before the start', async () => {
    await fill('04:00', '10:00');
    await save();
    expect(sent).toHaveBeenCalledWith(
      expect.objectContaining({ shiftId: cleo.shiftId, signedInAt: '2026-11-25T04:00:00.000Z', signedOutAt: '2026-11-25T10:00:00.000Z' }),
    );
  });

  it('shows the service’s refusal, by the field it names', async () => {
    sent.mockResolvedValue({
      ok: false,
      code: 'invalid',
      message: 'A sign-out at 22:01 is too late for the 07:00–10:00 shift on Wed 25 Nov: the latest is 22:00, 12 hours after it ends.',
      fields: { signedOutAt: 'The latest sign-out is 22:00' },
    });
    await fill('07:02', '10:00');
    await save();
    expect(sent).toHaveBeenCalledTimes(1);
    expect(shown()).toContain('A sign-out at 22:01 is too late for the 07:00–10:00 shift on Wed 25 Nov');
    expect(shown()).toContain('The latest sign-out is 22:00');
  });
});

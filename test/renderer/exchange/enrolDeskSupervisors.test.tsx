// @vitest-environment happy-dom
/**
 * Set up a site desk: the supervisors list shows only those of the sites chosen. A supervisor ticked and then hidden by a
 * change of sites is no longer on the screen, so the file is made without them: before, they were still sent, and
 * enrol:create refused the whole file naming someone the manager could no longer see or untick.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { EnrolDesk } = await import('../../../renderer/features/exchange/EnrolDesk');

const sam = {
  id: 'account_sam_0001',
  username: 'sam',
  displayName: 'Sam Patel',
  role: 'supervisor',
  sites: ['CH'],
  disabled: false,
  hasPin: false,
};
const hana = {
  id: 'account_hana_001',
  username: 'hana',
  displayName: 'Hana Ali',
  role: 'supervisor',
  sites: ['HAT'],
  disabled: false,
  hasPin: false,
};
const site = (code: string, name: string) => ({ code, name });

const created = vi.fn();
beforeEach(() => {
  created.mockReset();
  created.mockResolvedValue({ ok: false, code: 'invalid', message: 'stop here' });
  useStore.setState({
    sites: { status: 'ready', data: [site('CH', 'County Hall'), site('HAT', 'Hatfield Depot')] },
    supervisors: { status: 'ready', data: [sam, hana] },
    loadSupervisors: async () => {},
    createEnrolment: created,
  } as never);
});
mountEach(() => <EnrolDesk />);

const tick = (text: string) =>
  act(async () =>
    [...document.querySelectorAll('label')]
      .find((l) => l.textContent?.trim().startsWith(text))!
      .querySelector('input')!
      .click(),
  );
const shown = () =>
  [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Supervisors at this desk')!
    .textContent;

describe('the supervisors sent for a new desk', () => {
  it('are only those ticked and still shown for the desk’s sites', async () => {
    // Before any site is chosen every supervisor is listed: the manager ticks both, then chooses County Hall.
    await tick('Sam Patel');
    await tick('Hana Ali');
    await tick('CH · County Hall');
    expect(shown()).toContain('Sam Patel');
    expect(shown()).not.toContain('Hana Ali');
    await act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Make enrolment file')!.click());
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0].slice(0, 2)).toEqual([['CH'], [sam.id]]);
  });
});

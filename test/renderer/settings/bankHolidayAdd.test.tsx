// @vitest-environment happy-dom
/**
 * Adding a bank holiday in Settings: the form is cleared once the day is saved, but never of a day the manager has begun
 * typing while the save was on its way. Seen in CI (5 Dec, the rota rules journey): the list showed the day added, the
 * journey typed the next date, and the save's return then emptied it, so "Add day" said "Choose the date".
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../noServer';
import { mountEach, typeInto } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { BankHolidaySettings } = await import('../../../renderer/features/settings/BankHolidaySettings');
const { DEFAULT_SETTINGS } = await import('../../../shared/schemas/settings');

/** The saves asked for, each answered when the test says. */
let pending: { patch: unknown; answer: () => void }[] = [];

const field = (label: string) =>
  [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.control as HTMLInputElement;
const type = (label: string, value: string) => typeInto(field(label), value);
const addDay = () => act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add day')!.click());

beforeEach(async () => {
  pending = [];
  useStore.setState({
    saveSettings: (patch: unknown) => new Promise((resolve) => pending.push({ patch, answer: () => resolve(null) })),
  } as never);
});
mountEach(() => <BankHolidaySettings settings={DEFAULT_SETTINGS} />);

describe('adding a bank holiday', () => {
  it('clears the form once the day is saved', async () => {
    await type('New bank holiday', '2027-06-07');
    await type('Name of the day', 'Royal event');
    await addDay();
    expect(pending).toHaveLength(1);
    expect(JSON.stringify(pending[0].patch)).toContain('2027-06-07');
    await act(async () => pending[0].answer());
    expect(field('New bank holiday').value).toBe('');
    expect(field('Name of the day').value).toBe('');
    expect(document.body.textContent).toContain('Added Mon 7 Jun 2027 as a bank holiday.');
  });

  it('keeps the next day the manager typed while the save was on its way', async () => {
    await type('New bank holiday', '2027-06-07');
    await type('Name of the day', 'Royal event');
    await addDay();
    await type('New bank holiday', '2026-12-25');
    await type('Name of the day', 'Christmas again');
    await act(async () => pending[0].answer());
    expect(field('New bank holiday').value).toBe('2026-12-25');
    expect(field('Name of the day').value).toBe('Christmas again');
  });

  it('keeps a name typed since, and clears the date it added, when only the name changed', async () => {
    await type('New bank holiday', '2027-06-07');
    await type('Name of the day', 'Royal event');
    await addDay();
    await type('Name of the day', 'Royal event (moved)');
    await act(async () => pending[0].answer());
    expect(field('New bank holiday').value).toBe('');
    expect(field('Name of the day').value).toBe('Royal event (moved)');
  });
});

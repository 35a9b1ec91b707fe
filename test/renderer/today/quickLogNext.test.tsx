// @vitest-environment happy-dom
/**
 * The desk's quick occurrence log: type an entry, press Enter, and it is saved and the field cleared for the next. A
 * supervisor who has begun the next entry before the save returns keeps what they typed (the same race as adding a bank
 * holiday, seen in CI on 5 Dec: the form was cleared of what was typed after the submit).
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../noServer';
import { mountEach, typeInto } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { TodayLogPanel } = await import('../../../renderer/features/today/TodayLogPanel');

let pending: { entry: { text: string }; answer: () => void }[] = [];
let added = 0;

const field = () => document.querySelector('#today-log-text') as HTMLInputElement;
const type = (value: string) => typeInto(field(), value);
const submit = () => act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add')!.click());

beforeEach(async () => {
  pending = [];
  added = 0;
  useStore.setState({
    addLogEntry: (entry: { text: string }) => new Promise((resolve) => pending.push({ entry, answer: () => resolve(null) })),
  } as never);
});
mountEach(() => <TodayLogPanel entries={[]} site="CH" onAdded={() => (added += 1)} />);

describe('the quick log entry at the desk', () => {
  it('is cleared once saved', async () => {
    await type('Patrol of the car park, all secure');
    await submit();
    expect(pending.map((p) => p.entry.text)).toEqual(['Patrol of the car park, all secure']);
    await act(async () => pending[0].answer());
    expect(field().value).toBe('');
    expect(added).toBe(1);
  });

  it('keeps the next entry begun while the last was being saved', async () => {
    await type('Patrol of the car park, all secure');
    await submit();
    await type('Gate B found unlo');
    await act(async () => pending[0].answer());
    expect(field().value).toBe('Gate B found unlo');
  });
});

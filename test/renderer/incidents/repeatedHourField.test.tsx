// @vitest-environment happy-dom
/**
 * The incident form's time boxes on the night the clocks go back (Sun 25 Oct 2026), when 01:00–01:59 comes twice: a
 * time typed in that hour asks which, as the desk's Correct dialog does, and saves the one chosen.
 */
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import '../noServer';
import { mountEach, typeInto } from '../dom';
import { fromDraft, toDraft, type IncidentDraft } from '../../../renderer/features/incidents/incidentDraft';
import { IncidentFields } from '../../../renderer/features/incidents/IncidentFields';

let latest: IncidentDraft;
const Form = () => {
  const [draft, setDraft] = useState(() => toDraft({}, { site: 'CH', nowIso: '2026-10-25T03:00:00.000Z', me: 'Dee Supervisor' }));
  latest = draft;
  return <IncidentFields draft={draft} onChange={setDraft} errors={{}} sites={[{ code: 'CH', name: 'County Hall' }]} today="2026-10-25" />;
};
mountEach(() => <Form />);

const box = (label: string) =>
  [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.control as HTMLInputElement;
const choice = (legend: string) =>
  [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
const option = (legend: string, text: string) =>
  [...choice(legend)!.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)!.querySelector('input')!;

describe('the incident form in the hour that comes twice', () => {
  it('asks which 01:30 a typed time is, and saves the second (GMT) when chosen', async () => {
    await typeInto(box('When it happened'), '25/10/2026 01:30');
    expect(option('When it happened: which 01:30?', '01:30 BST (first)').checked).toBe(true);
    await act(async () => option('When it happened: which 01:30?', '01:30 GMT (second, an hour later)').click());
    expect(fromDraft(latest).occurredAt).toBe('2026-10-25T01:30:00.000Z');
    expect(choice('When it was reported: which 01:30?')).toBeUndefined();
  });

  it('asks nothing for a time that comes once', async () => {
    await typeInto(box('When it happened'), '25/10/2026 02:00');
    await typeInto(box('When it was reported'), '25/10/2026 00:59');
    expect(document.body.textContent).not.toContain('which');
    expect(fromDraft(latest)).toMatchObject({ occurredAt: '2026-10-25T02:00:00.000Z', reportedAt: '2026-10-24T23:59:00.000Z' });
  });
});

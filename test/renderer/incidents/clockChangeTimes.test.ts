/**
 * The incident form's "When it happened" and "Reported at" on the nights the clocks change. The inputs
 * hold London wall-clock text; what is saved is an instant. On Sun 25 Oct 2026 01:00–01:59 happens
 * twice (BST, then GMT an hour later); on Sun 28 Mar 2027 it does not happen at all.
 */
import { describe, expect, it } from 'vitest';
import { fromDraft, skippedTimeErrors, toDraft } from '../../../renderer/features/incidents/incidentDraft';

const defaults = (nowIso: string) => ({ site: 'CH', nowIso, me: 'Dee Supervisor' });

describe('the night the clocks go back', () => {
  it('saves a new incident recorded at 01:30 GMT (the second 01:30) at that moment, not an hour earlier', () => {
    const d = toDraft({ location: 'Car park' }, defaults('2026-10-25T01:30:00.000Z'));
    expect(d.occurredAt).toBe('2026-10-25T01:30');
    expect(fromDraft(d)).toMatchObject({ occurredAt: '2026-10-25T01:30:00.000Z', reportedAt: '2026-10-25T01:30:00.000Z' });
  });

  it('keeps an incident that happened at 01:30 GMT at 01:30 GMT when someone edits something else', () => {
    const stored = { occurredAt: '2026-10-25T01:30:00.000Z', reportedAt: '2026-10-25T01:45:00.000Z', details: 'Alarm' };
    const d = toDraft(stored, defaults(stored.occurredAt));
    expect(fromDraft({ ...d, details: 'Alarm at the rear door' })).toMatchObject({
      occurredAt: '2026-10-25T01:30:00.000Z',
      reportedAt: '2026-10-25T01:45:00.000Z',
    });
  });

  it('keeps one at 01:30 BST (the first 01:30) where it was', () => {
    const stored = { occurredAt: '2026-10-25T00:30:00.000Z', reportedAt: '2026-10-25T00:40:00.000Z' };
    expect(fromDraft(toDraft(stored, defaults(stored.occurredAt)))).toMatchObject(stored);
  });

  it('saves the time someone types instead when they change it', () => {
    const d = toDraft({ occurredAt: '2026-10-25T01:30:00.000Z' }, defaults('2026-10-25T01:30:00.000Z'));
    expect(fromDraft({ ...d, occurredAt: '2026-10-25T03:15' }).occurredAt).toBe('2026-10-25T03:15:00.000Z');
  });
});

describe('a time typed by hand in the hour that comes twice', () => {
  // Recorded at 03:00 GMT, after the night: the recorder types when it happened.
  const typed = (occurredAt: string) => ({ ...toDraft({}, defaults('2026-10-25T03:00:00.000Z')), occurredAt });

  it('is the second 01:30 (GMT) when the recorder says so', () => {
    const d = typed('2026-10-25T01:30');
    expect(fromDraft({ ...d, zones: { ...d.zones, occurredAt: 'GMT' } }).occurredAt).toBe('2026-10-25T01:30:00.000Z');
  });

  it('is the first 01:30 (BST) unless they say otherwise', () => {
    expect(fromDraft(typed('2026-10-25T01:30')).occurredAt).toBe('2026-10-25T00:30:00.000Z');
  });

  it('is the one 02:00 there is, whatever was chosen', () => {
    const d = typed('2026-10-25T02:00');
    expect(fromDraft({ ...d, zones: { ...d.zones, occurredAt: 'GMT' } }).occurredAt).toBe('2026-10-25T02:00:00.000Z');
  });

  it('opens an incident stored at 01:30 GMT as the second 01:30, and moves it to the first when that is chosen', () => {
    const stored = { occurredAt: '2026-10-25T01:30:00.000Z', reportedAt: '2026-10-25T00:45:00.000Z' };
    const d = toDraft(stored, defaults(stored.occurredAt));
    expect(d.zones).toEqual({ occurredAt: 'GMT', reportedAt: 'BST' });
    expect(fromDraft({ ...d, zones: { ...d.zones, occurredAt: 'BST' } }).occurredAt).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('the night the clocks go forward', () => {
  it('shows and saves 02:30 BST, the moment after the jump, as it is', () => {
    const stored = { occurredAt: '2027-03-28T01:30:00.000Z', reportedAt: '2027-03-28T01:30:00.000Z' };
    const d = toDraft(stored, defaults(stored.occurredAt));
    expect(d.occurredAt).toBe('2027-03-28T02:30');
    expect(fromDraft(d)).toMatchObject(stored);
  });

  it('refuses 01:30, which does not exist that night, rather than saving another time', () => {
    const d = toDraft({}, defaults('2027-03-28T01:30:00.000Z'));
    expect(skippedTimeErrors({ ...d, occurredAt: '2027-03-28T01:30' }).occurredAt).toMatch(/01:30 does not exist on Sun 28 Mar 2027/);
  });
});

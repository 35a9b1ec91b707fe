import { describe, expect, it } from 'vitest';
import { incidentDraftFromLogEntry, logDayView, validateCorrection } from '../../../../shared/domain/incidents';
import { incidentInputSchema } from '../../../../shared/schemas/incident';
import type { LogEntryInput } from '../../../../shared/schemas/occurrence';
import { makeLogEntry } from './factories';

const correctionOf = (target: { id: string }, overrides: Partial<LogEntryInput> = {}): LogEntryInput => ({
  site: 'CH',
  date: '2026-03-02',
  time: '23:00',
  kind: 'other',
  text: 'Correction: patrol was at 22:15.',
  corrects: target.id,
  ...overrides,
});

describe('logDayView ordering', () => {
  it('orders by time, then by when each entry was written', () => {
    const late = makeLogEntry({ time: '23:00', createdAt: '2026-03-02T23:00:00.000Z' });
    const earlyWrittenSecond = makeLogEntry({ time: '06:00', createdAt: '2026-03-02T06:05:00.000Z' });
    const earlyWrittenFirst = makeLogEntry({ time: '06:00', createdAt: '2026-03-02T06:01:00.000Z' });
    const noon = makeLogEntry({ time: '12:00', createdAt: '2026-03-02T12:00:00.000Z' });
    const rows = logDayView([late, earlyWrittenSecond, noon, earlyWrittenFirst]);
    expect(rows.map((r) => r.entry.id)).toEqual([earlyWrittenFirst.id, earlyWrittenSecond.id, noon.id, late.id]);
  });

  it('compares write times as instants, whatever their millisecond precision', () => {
    const second = makeLogEntry({ time: '06:00', createdAt: '2026-03-02T06:05:00.500Z' });
    const first = makeLogEntry({ time: '06:00', createdAt: '2026-03-02T06:05:00Z' });
    expect(logDayView([second, first]).map((r) => r.entry.id)).toEqual([first.id, second.id]);
  });

  it('puts a later day after the day', () => {
    const nextDay = makeLogEntry({ date: '2026-03-03', time: '01:00' });
    const day = makeLogEntry({ date: '2026-03-02', time: '23:00' });
    expect(logDayView([nextDay, day]).map((r) => r.entry.id)).toEqual([day.id, nextDay.id]);
  });

  it('does not change the list it is given', () => {
    const a = makeLogEntry({ time: '23:00' });
    const b = makeLogEntry({ time: '01:00' });
    const list = [a, b];
    logDayView(list);
    expect(list).toEqual([a, b]);
  });
});

describe('logDayView corrections', () => {
  it('keeps both the original and the correction, linked both ways', () => {
    const original = makeLogEntry({ time: '22:00' });
    const fix = makeLogEntry({ time: '23:00', corrects: original.id, createdAt: '2026-03-02T23:00:00.000Z' });
    const rows = logDayView([fix, original]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ entry: original, correctedBy: [fix.id], superseded: true });
    expect(rows[1]).toMatchObject({ entry: { corrects: original.id }, correctedBy: [], superseded: false });
  });

  it('links several corrections in the order written, and a correction of a correction', () => {
    const original = makeLogEntry({ time: '22:00' });
    const fix1 = makeLogEntry({ time: '22:30', corrects: original.id });
    const fix2 = makeLogEntry({ time: '23:30', corrects: original.id });
    const fixOfFix = makeLogEntry({ time: '23:45', corrects: fix1.id });
    const rows = logDayView([fixOfFix, fix2, fix1, original]);
    expect(rows.find((r) => r.entry.id === original.id)?.correctedBy).toEqual([fix1.id, fix2.id]);
    expect(rows.find((r) => r.entry.id === fix1.id)?.correctedBy).toEqual([fixOfFix.id]);
    expect(rows.find((r) => r.entry.id === fix2.id)?.superseded).toBe(false);
  });

  it('links a correction written after midnight back to the previous day', () => {
    const original = makeLogEntry({ date: '2026-03-02', time: '23:50' });
    const fix = makeLogEntry({ date: '2026-03-03', time: '00:10', corrects: original.id });
    expect(logDayView([original, fix])[0].correctedBy).toEqual([fix.id]);
  });

  it('shows a correction whose original is not in the list without failing', () => {
    const fix = makeLogEntry({ corrects: 'missing_entry1' });
    expect(logDayView([fix])).toEqual([{ entry: fix, correctedBy: [], superseded: false }]);
  });
});

describe('validateCorrection', () => {
  const target = makeLogEntry({ date: '2026-03-02', time: '22:00' });

  it('accepts a correction later the same day at the same site', () => {
    expect(validateCorrection(correctionOf(target), target)).toEqual({ ok: true });
  });

  it('accepts a correction on a later day', () => {
    expect(validateCorrection(correctionOf(target, { date: '2026-03-09', time: '08:00' }), target)).toEqual({ ok: true });
  });

  it('accepts a correction written in the same minute', () => {
    expect(validateCorrection(correctionOf(target, { time: '22:00' }), target).ok).toBe(true);
  });

  it('refuses a correction for another site', () => {
    expect(validateCorrection(correctionOf(target, { site: 'HA' }), target)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/same site/),
    });
  });

  it('refuses a correction dated before the entry it corrects', () => {
    expect(validateCorrection(correctionOf(target, { date: '2026-03-01' }), target).ok).toBe(false);
    expect(validateCorrection(correctionOf(target, { time: '21:59' }), target).ok).toBe(false);
  });

  it('refuses a missing target or one it does not point at', () => {
    expect(validateCorrection(correctionOf(target), undefined).ok).toBe(false);
    expect(validateCorrection(correctionOf({ id: 'other_entry1' }), target).ok).toBe(false);
  });
});

describe('incidentDraftFromLogEntry', () => {
  const people = { reportedBy: 'Sam Patel', reportedTo: 'Alex Jones' };

  it('carries the site, the London time it happened and the text', () => {
    // 22:00 on 1 July is 21:00 UTC in British Summer Time.
    const entry = makeLogEntry({
      date: '2026-07-01',
      time: '22:00',
      text: 'Found fire door propped open',
      createdAt: '2026-07-01T21:05:00.000Z',
    });
    const draft = incidentDraftFromLogEntry(entry, people);
    expect(draft).toMatchObject({ site: 'CH', occurredAt: '2026-07-01T21:00:00.000Z', reportedAt: '2026-07-01T21:05:00.000Z', ...people });
    expect(draft.details).toContain('Found fire door propped open');
    expect(draft.details).toContain('Wed 1 Jul 2026 22:00');
  });

  it('picks a category from the kind of entry', () => {
    expect(incidentDraftFromLogEntry(makeLogEntry({ kind: 'alarm' }), people).category).toBe('fire-alarm');
    expect(incidentDraftFromLogEntry(makeLogEntry({ kind: 'visitor' }), people).category).toBe('reception-visitor');
    expect(incidentDraftFromLogEntry(makeLogEntry({ kind: 'patrol' }), people).category).toBe('security');
  });

  it('is a draft: valid once the recorder fills in where it happened', () => {
    const draft = incidentDraftFromLogEntry(makeLogEntry(), people);
    expect(incidentInputSchema.safeParse(draft).success).toBe(false);
    expect(incidentInputSchema.safeParse({ ...draft, location: 'Fire exit 3' }).success).toBe(true);
  });
});

/**
 * The occurrence log on the nights the clocks change. On Sun 25 Oct 2026 01:00–01:59 comes twice: first in BST
 * (00:00Z–00:59Z), then in GMT (01:00Z–01:59Z). An entry for the second pass says `zone: 'GMT'`; one without a zone is the
 * first, as every entry written before the zone existed. On Sun 28 Mar 2027 01:00–01:59 does not exist at all.
 * Expected instants are worked out by hand from those offsets, not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  incidentDraftFromLogEntry,
  isBackDated,
  logClock,
  logDayView,
  logNumbers,
  logStampAt,
  validateCorrection,
} from '../../../../shared/domain/incidents';
import type { LogEntryInput } from '../../../../shared/schemas/occurrence';
import { makeLogEntry } from './factories';

const NIGHT = '2026-10-25';
const SPRING = '2027-03-28';

describe('the night the clocks go back: the log reads in the order things happened', () => {
  it('puts 01:30 GMT after 01:45 BST, and both between 00:59 and 02:00, whatever order they were written in', () => {
    // Written in this order (createdAt); each written a few minutes after the time it records.
    const gmt130 = makeLogEntry({ date: NIGHT, time: '01:30', zone: 'GMT', createdAt: '2026-10-25T01:32:00.000Z', seq: 1 });
    const bst145 = makeLogEntry({ date: NIGHT, time: '01:45', createdAt: '2026-10-25T00:46:00.000Z', seq: 2 });
    const bst130 = makeLogEntry({ date: NIGHT, time: '01:30', createdAt: '2026-10-25T00:31:00.000Z', seq: 3 });
    const at0200 = makeLogEntry({ date: NIGHT, time: '02:00', createdAt: '2026-10-25T02:01:00.000Z', seq: 4 });
    const at0059 = makeLogEntry({ date: NIGHT, time: '00:59', createdAt: '2026-10-24T23:59:30.000Z', seq: 5 });
    const rows = logDayView([gmt130, bst145, bst130, at0200, at0059]);
    expect(rows.map((r) => logClock(r.entry))).toEqual(['00:59', '01:30 BST', '01:45 BST', '01:30 GMT', '02:00']);
    // Numbers stay the order written: reading order never renumbers.
    const numbers = logNumbers([gmt130, bst145, bst130, at0200, at0059]);
    expect(rows.map((r) => numbers.get(r.entry.id))).toEqual([5, 3, 2, 1, 4]);
  });

  it('an ordinary night and an entry without a zone read as before', () => {
    const late = makeLogEntry({ date: '2026-11-25', time: '01:30', createdAt: '2026-11-25T01:31:00.000Z' });
    const early = makeLogEntry({ date: '2026-11-25', time: '00:59', createdAt: '2026-11-25T01:32:00.000Z' });
    expect(logDayView([late, early]).map((r) => logClock(r.entry))).toEqual(['00:59', '01:30']);
    expect(logClock(makeLogEntry({ date: '2026-10-24', time: '01:30' }))).toBe('01:30');
  });

  it('the night the clocks go forward: 00:59 GMT then 02:00 BST, one minute apart', () => {
    const two = makeLogEntry({ date: SPRING, time: '02:00', createdAt: '2027-03-28T01:00:30.000Z' });
    const before = makeLogEntry({ date: SPRING, time: '00:59', createdAt: '2027-03-28T01:00:40.000Z' });
    expect(logDayView([two, before]).map((r) => logClock(r.entry))).toEqual(['00:59', '02:00']);
  });
});

describe('back-dated is measured from the true moment', () => {
  // [date, time, zone, written at (UTC), back-dated?]: back-dated when written more than 15 minutes after it happened.
  const table: [string, string, 'GMT' | undefined, string, boolean][] = [
    // 00:59 BST is 23:59Z the day before.
    [NIGHT, '00:59', undefined, '2026-10-25T00:10:00.000Z', false],
    [NIGHT, '00:59', undefined, '2026-10-25T00:20:00.000Z', true],
    // 01:30 BST is 00:30Z; 01:30 GMT is 01:30Z. Written at 01:40 GMT (01:40Z).
    [NIGHT, '01:30', undefined, '2026-10-25T01:40:00.000Z', true],
    [NIGHT, '01:30', 'GMT', '2026-10-25T01:40:00.000Z', false],
    [NIGHT, '01:30', 'GMT', '2026-10-25T01:46:00.000Z', true],
    // 02:00 GMT is 02:00Z.
    [NIGHT, '02:00', undefined, '2026-10-25T02:10:00.000Z', false],
    [NIGHT, '02:00', undefined, '2026-10-25T02:20:00.000Z', true],
    // An ordinary night in November: GMT.
    ['2026-11-25', '01:30', undefined, '2026-11-25T01:40:00.000Z', false],
    // 28 Mar 2027: 00:59 GMT is 00:59Z, and 02:05 BST (01:05Z) is six minutes later, not 66.
    [SPRING, '00:59', undefined, '2027-03-28T01:05:00.000Z', false],
    // 02:00 BST is 01:00Z.
    [SPRING, '02:00', undefined, '2027-03-28T01:20:00.000Z', true],
  ];
  for (const [date, time, zone, createdAt, expected] of table)
    it(`${date} ${time}${zone ? ` ${zone}` : ''} written at ${createdAt}: ${expected ? '' : 'not '}back-dated`, () => {
      expect(isBackDated(makeLogEntry({ date, time, ...(zone ? { zone } : {}), createdAt }))).toBe(expected);
    });
});

describe('what the log shows as an entry’s time', () => {
  it('says which 01:30 in the repeated hour, and only there', () => {
    expect(logClock(makeLogEntry({ date: NIGHT, time: '00:59' }))).toBe('00:59');
    expect(logClock(makeLogEntry({ date: NIGHT, time: '01:00' }))).toBe('01:00 BST');
    expect(logClock(makeLogEntry({ date: NIGHT, time: '01:30' }))).toBe('01:30 BST');
    expect(logClock(makeLogEntry({ date: NIGHT, time: '01:30', zone: 'GMT' }))).toBe('01:30 GMT');
    expect(logClock(makeLogEntry({ date: NIGHT, time: '01:59', zone: 'GMT' }))).toBe('01:59 GMT');
    expect(logClock(makeLogEntry({ date: NIGHT, time: '02:00' }))).toBe('02:00');
    expect(logClock(makeLogEntry({ date: SPRING, time: '02:00' }))).toBe('02:00');
  });
});

describe('an entry timed now', () => {
  it('records GMT by itself in the second pass of the repeated hour, and no zone at any other time', () => {
    expect(logStampAt(Date.parse('2026-10-24T23:59:00Z'))).toEqual({ date: NIGHT, time: '00:59' });
    expect(logStampAt(Date.parse('2026-10-25T00:30:00Z'))).toEqual({ date: NIGHT, time: '01:30' });
    expect(logStampAt(Date.parse('2026-10-25T01:30:00Z'))).toEqual({ date: NIGHT, time: '01:30', zone: 'GMT' });
    expect(logStampAt(Date.parse('2026-10-25T02:00:00Z'))).toEqual({ date: NIGHT, time: '02:00' });
    expect(logStampAt(Date.parse('2026-11-25T01:30:00Z'))).toEqual({ date: '2026-11-25', time: '01:30' });
    expect(logStampAt(Date.parse('2027-03-28T01:00:00Z'))).toEqual({ date: SPRING, time: '02:00' });
  });
});

describe('a correction in the repeated hour', () => {
  const fix = (over: Partial<LogEntryInput>, target: { id: string }): LogEntryInput => ({
    site: 'CH',
    date: NIGHT,
    time: '01:10',
    kind: 'other',
    text: 'Correction: it was the rear gate.',
    corrects: target.id,
    ...over,
  });

  it('written at 01:10 GMT may correct the 01:50 BST entry, which came forty minutes before it', () => {
    const target = makeLogEntry({ date: NIGHT, time: '01:50' });
    expect(validateCorrection(fix({ zone: 'GMT' }, target), target)).toEqual({ ok: true });
  });

  it('written at 01:10 BST may not correct the 01:50 BST entry, nor 01:40 GMT the 01:50 GMT one', () => {
    expect(validateCorrection(fix({}, makeLogEntry({ date: NIGHT, time: '01:50' })), makeLogEntry({ date: NIGHT, time: '01:50' })).ok).toBe(
      false,
    );
    const gmt = makeLogEntry({ date: NIGHT, time: '01:50', zone: 'GMT' });
    expect(validateCorrection(fix({ time: '01:40', zone: 'GMT' }, gmt), gmt).ok).toBe(false);
  });
});

describe('an incident raised from an entry in the second pass', () => {
  it('happened at 01:30 GMT, and says so', () => {
    const entry = makeLogEntry({ date: NIGHT, time: '01:30', zone: 'GMT', createdAt: '2026-10-25T01:35:00.000Z' });
    const draft = incidentDraftFromLogEntry(entry, { reportedBy: 'Sam Patel', reportedTo: 'Alex Jones' });
    expect(draft.occurredAt).toBe('2026-10-25T01:30:00.000Z');
    expect(draft.details).toContain('Sun 25 Oct 2026 01:30 GMT');
  });
});

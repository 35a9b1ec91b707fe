/** The words of a person's state on the desk: how late reads in hours and minutes once it is an hour or more. */
import { describe, expect, it } from 'vitest';
import { correctionText, stateText } from '../../../renderer/features/today/labels';

describe('the desk’s words for lateness', () => {
  it('says how late someone signed in was, in hours and minutes', () => {
    expect(stateText('on', 35, '2026-11-25T07:35:00.000Z')).toBe('In at 07:35 · late 35 min');
    expect(stateText('on', 595, '2026-11-25T16:55:00.000Z')).toBe('In at 16:55 · late 9 h 55 min');
    expect(stateText('on', 120, '2026-11-25T09:00:00.000Z')).toBe('In at 09:00 · late 2 h');
    expect(stateText('on', 0, '2026-11-25T07:00:00.000Z')).toBe('In at 07:00');
  });

  it('says which 01:30 someone signed in at on the night the clocks go back (Sun 25 Oct 2026)', () => {
    expect(stateText('on', 0, '2026-10-25T00:30:00.000Z')).toBe('In at 01:30 BST');
    expect(stateText('on', 0, '2026-10-25T01:30:00.000Z')).toBe('In at 01:30 GMT');
    expect(stateText('on', 0, '2026-10-25T02:30:00.000Z')).toBe('In at 02:30');
  });

  it('says how late someone not yet in is, in hours and minutes', () => {
    expect(stateText('late', 40, null)).toBe('Not in yet · late 40 min');
    expect(stateText('late', 95, null)).toBe('Not in yet · late 1 h 35 min');
  });
});

describe('the Correct dialog’s description', () => {
  it('speaks of original times only where there is a record to correct', () => {
    expect(correctionText({ start: '07:00', end: '10:00', attendanceId: 'att_1' })).toBe(
      'Shift 07:00–10:00. The original times stay on the record with your reason.',
    );
    const none = correctionText({ start: '07:00', end: '10:00', attendanceId: null });
    expect(none).not.toMatch(/original times/);
    expect(none).toBe('Shift 07:00–10:00. Nobody signed them in: enter the times they worked. Your reason is kept with them.');
  });
});

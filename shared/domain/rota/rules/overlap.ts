import { finding, shiftAtSite } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

// No shift lasts longer than a day plus the hour the clocks go back.
const LONGEST_SHIFT_MS = 25 * 3_600_000;

// Basis: a person cannot be in two places; rostering both leaves one post unmanned.
/**
 * One person on two shifts that share any time. A pair is reported in the week of its later-starting
 * shift, so a pair straddling two weeks is reported once.
 */
export const overlapRule = (p: PersonWeek): Finding[] => {
  const out: Finding[] = [];
  for (let i = p.first; i < p.first + p.week.length; i += 1) {
    const later = p.entries[i];
    for (let j = i - 1; j >= 0 && p.entries[j].span.start > later.span.start - LONGEST_SHIFT_MS; j -= 1) {
      const earlier = p.entries[j];
      if (earlier.span.end <= later.span.start) continue;
      out.push(
        finding(
          'overlap',
          'block',
          p.staff.id,
          [earlier.shift.id, later.shift.id],
          `${p.staff.name} is on two shifts at once: ${shiftAtSite(earlier.shift)} and ${shiftAtSite(later.shift)}`,
          {
            unit: 'minutes',
            actual: Math.round((Math.min(earlier.span.end, later.span.end) - later.span.start) / 60_000),
            required: 0,
            kind: 'max',
          },
        ),
      );
    }
  }
  return out;
};

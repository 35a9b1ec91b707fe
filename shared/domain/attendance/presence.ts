/** When people were really at a site, from their sign-ins and sign-outs, or as the rota plans it. */
import { spanOf } from '../rota/instants';
import type { Assignment } from './assignments';
import type { Presence } from './coverAchieved';

/**
 * Time actually present: from sign-in to sign-out; someone still signed in counts up to `now`, and a
 * missing sign-out after the shift ended counts to the shift's end. No-shows and people never signed in
 * were not there.
 */
export const actualPresence = (assignments: readonly Assignment[], now: number): Presence[] => {
  const out: Presence[] = [];
  for (const { shift, staffId, attendance: a } of assignments) {
    if (!a?.signedInAt || a.noShow) continue;
    const end = spanOf(shift.date, shift.start, shift.end).end;
    const start = Date.parse(a.signedInAt);
    const stop = a.signedOutAt ? Date.parse(a.signedOutAt) : Math.min(Math.max(now, start), Math.max(end, start));
    out.push({ staffId, span: { start, end: stop } });
  }
  return out;
};

/** Time the rota puts people there (marked no-shows excluded). */
export const plannedPresence = (assignments: readonly Assignment[]): Presence[] =>
  assignments
    .filter((a) => !a.attendance?.noShow)
    .map(({ shift, staffId }) => ({ staffId, span: spanOf(shift.date, shift.start, shift.end) }));

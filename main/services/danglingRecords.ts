import type { Repos } from '../storage/repos';
import type { DataStore } from '../storage/dataStore';

/** How many shifts a notice names before it says "and N more". */
const NAMED = 5;

/**
 * After the staff list was restored, finds the shifts (not deleted) assigned to someone it no longer
 * has and tells the user which, so they are reassigned rather than silently left uncovered. Reads every
 * month once without displacing the files in use; a restore is rare.
 */
export const noticeShiftsWithoutStaff = (ds: DataStore, repos: Repos, staffIds: Set<string>): number => {
  const found: { date: string; start: string; end: string; site: string; staffId: string }[] = [];
  for (const key of repos.shifts.keys()) {
    for (const s of Object.values(repos.shifts.partitionOnce(key)))
      if (!s.deleted && s.staffId && !staffIds.has(s.staffId)) found.push(s as (typeof found)[number]);
  }
  if (found.length === 0) return 0;
  found.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  const named = found
    .slice(0, NAMED)
    .map((s) => `${s.date.split('-').reverse().join('/')} ${s.start}–${s.end} at ${s.site} (staff id ${s.staffId})`);
  const more = found.length > NAMED ? `, and ${found.length - NAMED} more` : '';
  ds.addNotice({
    kind: 'dangling',
    file: 'directory/staff',
    quarantined: null,
    message: `After the staff list was restored, ${found.length} shift${found.length === 1 ? ' is' : 's are'} assigned to someone who is no longer in it: ${named.join('; ')}${more}. Open the rota and reassign ${found.length === 1 ? 'it' : 'them'}, or add the person again.`,
  });
  return found.length;
};

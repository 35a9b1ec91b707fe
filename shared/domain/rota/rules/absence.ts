import type { Absence } from '../../../schemas/staff';
import { absenceInRange } from '../../directory/absences';

import { absencesDuring } from '../absenceOverlap';
import { dayShort, finding, shiftAtSite } from '../format';
import { dayAfter } from '../instants';
import type { PersonWeek } from '../personWeek';
import type { Finding, RuleId, Severity } from '../types';

const KIND: Record<Absence['kind'], string> = {
  'annual-leave': 'annual leave',
  sickness: 'sick leave',
  training: 'training',
  other: 'absence',
};

const describe = (a: Absence) => {
  const days = a.from === a.to ? dayShort(a.from) : `${dayShort(a.from)} to ${dayShort(a.to)}`;
  return a.partDay ? `${KIND[a.kind]} ${a.partDay.start}–${a.partDay.end} ${days}` : `${KIND[a.kind]} ${days}`;
};

const absenceFindings = (p: PersonWeek, approved: boolean, rule: RuleId, severity: Severity, verb: string): Finding[] => {
  const out: Finding[] = [];
  // Years of leave, and most of it nowhere near this week: one pass over it per person spares one per
  // shift. absencesDuring looks at most a day either side of a shift's date, and every shift here is
  // dated in the week.
  const first = dayAfter(p.range.start, -1);
  const last = dayAfter(p.range.end, 1);
  const near = p.staff.absences.filter((a) => a.approved === approved && absenceInRange(a, first, last));
  if (near.length === 0) return out;
  for (const e of p.week) {
    for (const a of absencesDuring({ absences: near }, e.shift)) {
      out.push(finding(rule, severity, p.staff.id, [e.shift.id], `${p.staff.name} ${verb} ${describe(a)}, during ${shiftAtSite(e.shift)}`));
    }
  }
  return out;
};

// Basis: Working Time Regulations 1998 reg. 13 (leave is taken, not worked); sickness and training are recorded absence.
/** A shift during approved leave, sickness or training. */
export const absenceRule = (p: PersonWeek): Finding[] => absenceFindings(p, true, 'absence', 'block', 'is on approved');

// Basis: Working Time Regulations 1998 reg. 15 (notice of leave); not yet binding, so information only.
/** A shift during an absence that is asked for but not yet approved: worth knowing before it is granted. */
export const absencePendingRule = (p: PersonWeek): Finding[] => absenceFindings(p, false, 'absence-pending', 'info', 'has asked for');

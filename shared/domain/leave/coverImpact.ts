/**
 * What approving leave would do to cover, worked out by the rota engine itself: the person's planned
 * shifts the leave clashes with are opened, the site's cover gaps are compared before and after (coverGaps),
 * and everyone who could take each opened shift is ranked (evaluateCandidates, as the auto-fill does).
 */
import type { Service } from '../../schemas/common';
import type { Shift } from '../../schemas/shift';
import type { LeaveRequest, Staff } from '../../schemas/staff';
import { absenceOverlaps } from '../rota/absenceOverlap';
import { evaluateCandidates, indexForShifts, type BeforeMemo } from '../rota/candidates';
import { coverGaps } from '../rota/coverGaps';
import { instantAt, spanOf } from '../rota/instants';
import { staffMap } from '../rota/rotaIndex';
import type { Candidate, Gap, RotaContext } from '../rota/types';
import { minutesInDailyWindow } from '../rota/windows';
import { addDays } from '../dates';
import { absenceOfRequest } from './request';
import { counted } from '../counted';
import { SERVICE_LABEL } from '../serviceLabel';

type Leave = Pick<LeaveRequest, 'id' | 'from' | 'to' | 'partDay' | 'note'>;

/** A site and service left short by approving, and by how much. */
export interface Shortfall {
  site: string;
  service: Service;
  /** The most people missing at once, after approving, during the opened shifts that make cover worse. */
  short: number;
  /** The opened shifts during which cover is worse than it was. */
  shiftIds: string[];
  /** `nights` when every one of them is a night shift (night-worker hours of night time), `days` when none is. */
  shiftWord: 'nights' | 'days' | 'shifts';
}

/** Someone who could take at least one opened shift without breaking a block rule. */
export interface Coverer {
  staffId: string;
  name: string;
  shiftIds: string[];
}

export interface CoverImpact {
  /** The person's planned shifts the leave clashes with: approving opens them. */
  opened: Shift[];
  /** Clashing shifts that had already started by `now`: worked or missed, they are left as they are. */
  started: Shift[];
  shortfalls: Shortfall[];
  /** Per opened shift, who could take it, best first. */
  candidates: Record<string, Candidate[]>;
  /** Everyone who could take one or more of them, those who could take the most first, then by rank. */
  coverers: Coverer[];
  /** One sentence for the manager, e.g. "Approving leaves HAT Security 1 short on 3 nights; these 4 people could cover: …". */
  summary: string;
}

const gapSpan = (g: Gap) => ({ start: instantAt(g.date, g.start), end: instantAt(g.endDate, g.end) });

/** The most people missing at any moment of `shift` among `gaps`. */
const shortDuring = (gaps: readonly Gap[], shift: Shift): number => {
  const span = spanOf(shift.date, shift.start, shift.end);
  let most = 0;
  for (const g of gaps) {
    const gs = gapSpan(g);
    if (gs.start < span.end && span.start < gs.end) most = Math.max(most, g.required - g.present);
  }
  return most;
};

const wordFor = (shifts: readonly Shift[], ctx: RotaContext): Shortfall['shiftWord'] => {
  const { nightStart, nightEnd, nightWorkerMinHours } = ctx.settings;
  const nights = shifts.filter(
    (s) => minutesInDailyWindow(spanOf(s.date, s.start, s.end), s.date, nightStart, nightEnd) >= nightWorkerMinHours * 60,
  ).length;
  return nights === shifts.length ? 'nights' : nights === 0 ? 'days' : 'shifts';
};

const SINGULAR = { nights: 'night', days: 'day', shifts: 'shift' } as const;

const names = (list: readonly Coverer[]) => list.map((c) => c.name).join(', ');

const summarise = (
  person: Staff,
  opened: readonly Shift[],
  started: readonly Shift[],
  shortfalls: readonly Shortfall[],
  coverers: readonly Coverer[],
): string => {
  const past =
    started.length === 0
      ? ''
      : ` ${counted(started.length, 'shift')} in the leave had already started and ${started.length === 1 ? 'stays' : 'stay'} as planned.`;
  if (opened.length === 0) return `Approving opens no shifts: ${person.name} has none planned then.${past}`;
  const opens = `Approving opens ${counted(opened.length, 'shift')}`;
  const who =
    coverers.length === 0
      ? 'no one could cover without breaking a rule'
      : `${coverers.length === 1 ? 'this person' : `these ${coverers.length} people`} could cover: ${names(coverers)}`;
  if (shortfalls.length === 0) return `${opens}; cover stays as the sites require, and ${who}.${past}`;
  const short = shortfalls
    .map(
      (f) => `${f.site} ${SERVICE_LABEL[f.service]} ${f.short} short on ${counted(f.shiftIds.length, SINGULAR[f.shiftWord], f.shiftWord)}`,
    )
    .join(' and ');
  return `Approving leaves ${short}; ${who}.${past}`;
};

/**
 * The effect on cover of approving `leave` for `staffId` at `now` (ms): clashing shifts not yet started
 * are opened. `ctx` must hold the shifts around the leave (from the look-back before it to two weeks
 * after), as for any rota check.
 */
export const leaveCoverImpact = (ctx: RotaContext, staffId: string, leave: Leave, now: number): CoverImpact => {
  const people = staffMap(ctx.staff);
  const person = people.get(staffId);
  if (!person) throw new RangeError(`No member of staff ${staffId} in the context`);
  const absence = absenceOfRequest({ ...leave, status: 'approved' });
  const clashing = ctx.shifts
    .filter((s) => !s.deleted && s.staffId === staffId && s.date >= addDays(leave.from, -1) && s.date <= leave.to)
    .filter((s) => absenceOverlaps(absence, s))
    .sort((a, b) => spanOf(a.date, a.start, a.end).start - spanOf(b.date, b.start, b.end).start || (a.id < b.id ? -1 : 1));
  const started = clashing.filter((s) => spanOf(s.date, s.start, s.end).start <= now);
  const opened = clashing.filter((s) => spanOf(s.date, s.start, s.end).start > now);
  const openIds = new Set(opened.map((s) => s.id));
  const afterShifts = ctx.shifts.map((s) => (openIds.has(s.id) ? { ...s, staffId: null } : s));
  const onLeave: Staff = { ...person, absences: [...person.absences.filter((a) => a.id !== leave.id), absence] };
  const afterStaff = [...people.values()].map((p) => (p.id === staffId ? onLeave : p));

  const shortfalls: Shortfall[] = [];
  const groups = new Map<string, Shift[]>();
  for (const s of opened) groups.set(`${s.site}|${s.service}`, [...(groups.get(`${s.site}|${s.service}`) ?? []), s]);
  for (const list of groups.values()) {
    const site = ctx.sites.find((x) => x.code === list[0].site);
    if (!site) continue;
    const from = addDays(list[0].date, -1);
    const to = list[list.length - 1].date;
    const before = coverGaps(site, list[0].service, ctx.shifts, from, to, ctx.bankHolidays);
    const after = coverGaps(site, list[0].service, afterShifts, from, to, ctx.bankHolidays);
    const worse = list.filter((s) => shortDuring(after, s) > shortDuring(before, s));
    if (worse.length === 0) continue;
    shortfalls.push({
      site: site.code,
      service: list[0].service,
      short: Math.max(...worse.map((s) => shortDuring(after, s))),
      shiftIds: worse.map((s) => s.id),
      shiftWord: wordFor(worse, ctx),
    });
  }

  const candidates: Record<string, Candidate[]> = {};
  const byPerson = new Map<string, Coverer>();
  if (opened.length > 0) {
    const ix = indexForShifts(
      { ...ctx, shifts: afterShifts.filter((s) => !openIds.has(s.id)), staff: afterStaff },
      opened.map((s) => ({ ...s, staffId: null })),
    );
    const memo: BeforeMemo = new Map();
    for (const s of opened) {
      const list = evaluateCandidates({ ...s, staffId: null }, ix, memo).candidates;
      candidates[s.id] = list;
      for (const c of list) {
        const known = byPerson.get(c.staffId) ?? { staffId: c.staffId, name: c.name, shiftIds: [] };
        known.shiftIds.push(s.id);
        byPerson.set(c.staffId, known);
      }
    }
  }
  // Map order is first appearance, which is rank on the earliest shift: a stable tie-break.
  const coverers = [...byPerson.values()].sort((a, b) => b.shiftIds.length - a.shiftIds.length);
  return { opened, started, shortfalls, candidates, coverers, summary: summarise(person, opened, started, shortfalls, coverers) };
};

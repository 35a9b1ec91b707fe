/**
 * Compensatory rest for security officers where the work needs permanent presence (Working Time
 * Regulations 1998 reg. 21(b)): regs. 10(1) (daily rest), 11(1)–(2) (weekly rest) and 12(1) (breaks) do
 * not apply, and reg. 24 owes the worker an equivalent period of compensatory rest instead. Which sites
 * need permanent presence is a site setting. This module turns those findings into rest owed and keeps
 * the running balance: owed, given and outstanding.
 */
import { addDays, formatMinutes, londonParts } from '../dates';
import { dateGB, finding } from './format';
import { instantAt } from './instants';
import { personWeek, type PersonWeek } from './personWeek';
import type { Entry, RotaIndex } from './rotaIndex';
import type { Finding } from './types';
import { weekRange } from './week';

/** Whether reg. 21(b) sets the rest rules aside for this shift: security at a site needing permanent presence. */
export const isReg21 = (p: Pick<PersonWeek, 'sites'>, e: Entry): boolean =>
  e.shift.service === 'security' && p.sites.get(e.shift.site)?.permanentPresence === true;

/** Whether every one of the shifts is reg. 21(b) work (a finding about them all is then set aside). */
export const underReg21 = (p: Pick<PersonWeek, 'sites'>, entries: readonly Entry[]): boolean =>
  entries.length > 0 && entries.every((e) => isReg21(p, e));

/** A rest or break finding turned into the compensatory rest it leaves owed (required less actual). */
export const compensatoryRest = (p: Pick<PersonWeek, 'staff'>, f: Finding): Finding => {
  const owed = f.measure ? f.measure.required - f.measure.actual : 0;
  return {
    ...finding(
      'compensatory-rest',
      'info',
      p.staff.id,
      f.shiftIds,
      `${formatMinutes(owed)} compensatory rest owed (reg. 21(b), 24): ${f.message}`,
      f.measure,
    ),
    compensates: f.rule,
  };
};

/** One spell of compensatory rest owed. */
export interface OwedRest {
  rule: Finding['rule'];
  shiftIds: string[];
  /** When it fell owed (the end of the shift or week concerned), epoch ms. */
  at: number;
  /** London date it must be given by. */
  due: string;
  owedMinutes: number;
  givenMinutes: number;
  /** Of `givenMinutes`, how much was given by the end of `due`. */
  givenByDue: number;
}

export interface CompensatoryBalance {
  owedMinutes: number;
  givenMinutes: number;
  outstandingMinutes: number;
  items: OwedRest[];
}

type PersonRuleFn = (p: PersonWeek) => Finding[];

/**
 * The balance of compensatory rest for one person, for what fell owed in the weeks from `fromMonday` to
 * `toMonday` (inclusive), counting rest given up to `untilMs`. `rules` are the daily rest, weekly rest and
 * break rules (passed in to keep this module below them). Rest counts as given when it goes beyond what
 * the person is owed anyway: a spell between shifts gives what it lasts beyond the daily rest, and the
 * longest spell of each week, when it is a weekly rest (24 h or more), what it lasts beyond the weekly
 * rest plus the daily rest (reg. 11(7)).
 * Rest given pays the oldest rest owed first.
 */
export const compensatoryBalance = (
  ix: RotaIndex,
  staffId: string,
  fromMonday: string,
  toMonday: string,
  untilMs: number,
  rules: readonly PersonRuleFn[],
): CompensatoryBalance => {
  const staff = ix.staff.get(staffId);
  const entries = ix.byStaff.get(staffId) ?? [];
  const items: OwedRest[] = [];
  if (!staff) return { owedMinutes: 0, givenMinutes: 0, outstandingMinutes: 0, items };
  const ends = new Map(entries.map((e) => [e.shift.id, e.span.end]));
  const days = ix.settings.compensatoryRestDays;
  for (let monday = fromMonday; monday <= toMonday; monday = addDays(monday, 7)) {
    const range = weekRange(monday);
    const p = personWeek(ix, staff, range);
    if (!p) continue;
    for (const f of rules.flatMap((r) => r(p))) {
      if (f.rule !== 'compensatory-rest' || !f.measure) continue;
      const at = f.compensates === 'weekly-rest' ? range.endMs : Math.max(...f.shiftIds.map((id) => ends.get(id) ?? 0));
      const owed = f.measure.required - f.measure.actual;
      const dueFrom = f.compensates === 'weekly-rest' ? range.end : londonDate(at);
      items.push({
        rule: f.compensates!,
        shiftIds: f.shiftIds,
        at,
        due: addDays(dueFrom, days),
        owedMinutes: owed,
        givenMinutes: 0,
        givenByDue: 0,
      });
    }
  }
  items.sort((a, b) => a.at - b.at);
  const daily = ix.settings.dailyRestHours * 60;
  const weekly = ix.settings.weeklyRestHours * 60;
  // Spells free of work after the first rest owed, with the part of each that counts as compensatory.
  // From the Monday of the first rest owed, so the week's own weekly rest is seen even if it came first.
  const spells = gaps(entries, items.length ? instantAt(weekRange(londonDate(items[0].at)).start, '00:00') : untilMs, untilMs);
  const longestOfWeek = new Map<string, number>();
  for (const s of spells) {
    const week = weekRange(londonDate(s.start)).start;
    longestOfWeek.set(week, Math.max(longestOfWeek.get(week) ?? 0, s.minutes));
  }
  const used = new Set<string>();
  for (const s of spells) {
    const week = weekRange(londonDate(s.start)).start;
    // The week's longest spell is its weekly rest only if it is long enough to be one; a week without one
    // has that rest owed as well, and its longest spell still counts as given beyond the daily rest.
    const isWeekly = !used.has(week) && s.minutes >= weekly && longestOfWeek.get(week) === s.minutes;
    if (isWeekly) used.add(week);
    let credit = Math.max(0, s.minutes - daily - (isWeekly ? weekly : 0));
    for (const item of items) {
      if (credit <= 0) break;
      if (item.at > s.start || item.givenMinutes >= item.owedMinutes) continue;
      const take = Math.min(credit, item.owedMinutes - item.givenMinutes);
      item.givenMinutes += take;
      if (s.end <= instantAt(addDays(item.due, 1), '00:00')) item.givenByDue += take;
      credit -= take;
    }
  }
  const owedMinutes = items.reduce((t, i) => t + i.owedMinutes, 0);
  const givenMinutes = items.reduce((t, i) => t + i.givenMinutes, 0);
  return { owedMinutes, givenMinutes, outstandingMinutes: owedMinutes - givenMinutes, items };
};

const londonDate = (ms: number): string => londonParts(ms).date;

/** Spells free of work that start at or after `from` and end by `until`. */
const gaps = (entries: readonly Entry[], from: number, until: number): { start: number; end: number; minutes: number }[] => {
  const out: { start: number; end: number; minutes: number }[] = [];
  let free = -Infinity;
  for (const e of entries) {
    if (e.span.start >= until) break;
    if (free >= from && e.span.start > free)
      out.push({ start: free, end: e.span.start, minutes: Math.round((e.span.start - free) / 60_000) });
    free = Math.max(free, e.span.end);
  }
  if (free >= from && free < until) out.push({ start: free, end: until, minutes: Math.round((until - free) / 60_000) });
  return out;
};

/**
 * A warning for each spell of compensatory rest that fell due in the checked week without having been
 * given in full: the reg. 24 rest the manager's period allows has run out.
 */
export const compensatoryDue = (p: PersonWeek, rules: readonly PersonRuleFn[]): Finding[] => {
  if (!p.entries.some((e) => isReg21(p, e))) return [];
  const days = p.settings.compensatoryRestDays;
  const ix: RotaIndex = {
    settings: p.settings,
    staff: new Map([[p.staff.id, p.staff]]),
    sites: p.sites,
    bankHolidays: new Set(),
    byStaff: new Map([[p.staff.id, p.entries as Entry[]]]),
  };
  const from = weekRange(addDays(p.range.start, -days - 7)).start;
  const balance = compensatoryBalance(ix, p.staff.id, from, p.range.start, p.range.endMs, rules);
  return balance.items
    .filter((i) => i.due >= p.range.start && i.due <= p.range.end && i.givenByDue < i.owedMinutes)
    .map((i) =>
      finding(
        'compensatory-rest',
        'warn',
        p.staff.id,
        i.shiftIds,
        `${p.staff.name} is owed ${formatMinutes(i.owedMinutes - i.givenByDue)} compensatory rest (reg. 24) that was due by ${dateGB(i.due)}`,
        { unit: 'minutes', actual: i.givenByDue, required: i.owedMinutes, kind: 'min', to: i.due },
      ),
    );
};

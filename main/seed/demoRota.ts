/**
 * Puts the demo's people on a week of slots the way a busy manager would: home-site people first, the
 * least-worked first, within their licence, leave, availability, rest and contracted hours. A few shifts
 * are left open or not made at all, and a few are given on purpose to someone it puts short of rest or
 * over their hours, so the rota screens have gaps and warnings to show.
 */
import { addDays, londonInstant, minutesOfDay, weekdayOf } from '../../shared/domain/dates';
import { WEEKDAYS } from '../../shared/schemas/common';
import type { Attendance } from '../../shared/schemas/attendance';
import type { Shift } from '../../shared/schemas/shift';
import type { DemoPerson } from './demoStaff';
import type { Slot, WeekPlan } from './demoSlots';
import type { Rng } from './random';

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Span {
  start: number;
  end: number;
}

/** Who may be put on a site's service: home-site people, then those who know the site. */
interface Candidates {
  home: number[];
  familiar: number[];
}

export interface RotaRates {
  /** Share of slots left as open shifts (no one assigned). */
  open: number;
  /** Share of slots not made at all: a gap in cover. */
  gap: number;
  /** Share of slots given on purpose to someone it puts short of rest or over their hours. */
  breach: number;
}

/** Rosters weeks one after another, remembering who worked when so rest carries over a week's end. */
export class Rostering {
  private readonly candidates = new Map<string, Candidates>();
  private readonly recent: Span[][];
  private readonly instants = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly people: readonly DemoPerson[],
    private readonly plan: WeekPlan,
  ) {
    this.recent = people.map(() => []);
    for (const code of plan.keys()) {
      for (const service of ['reception', 'security', 'cleaning'] as const) {
        const able = people.map((p, i) => ({ p, i })).filter(({ p }) => p.staff.services.includes(service));
        this.candidates.set(`${code}/${service}`, {
          home: able.filter(({ p }) => p.staff.homeSite === code).map(({ i }) => i),
          familiar: able.filter(({ p }) => p.staff.homeSite !== code && p.staff.familiarSites.includes(code)).map(({ i }) => i),
        });
      }
    }
  }

  /** The instant of a London wall-clock time; remembered, since ten years ask for the same few hundred thousand. */
  instant(date: string, time: string): number {
    const key = date + time;
    let ms = this.instants.get(key);
    if (ms === undefined) {
      ms = londonInstant(date, time);
      this.instants.set(key, ms);
    }
    return ms;
  }

  private span(date: string, slot: Slot): Span {
    const overnight = minutesOfDay(slot.end) <= minutesOfDay(slot.start);
    return {
      start: this.instant(date, slot.start),
      end: slot.end === '24:00' ? this.instant(addDays(date, 1), '00:00') : this.instant(overnight ? addDays(date, 1) : date, slot.end),
    };
  }

  /** Whether person `i` may take the slot; `strict` also keeps to rest, hours and availability. */
  private fits(i: number, date: string, slot: Slot, span: Span, minutes: number, worked: number, days: number, strict: boolean): boolean {
    const { staff, startDate, capMinutes, ranges } = this.people[i];
    if (date < startDate) return false;
    if (staff.absences.some((a) => a.from <= date && date <= a.to)) return false;
    if (slot.service === 'security' && !(staff.sia && staff.sia.expires >= date)) return false;
    const s = minutesOfDay(slot.start);
    const e = slot.end === '24:00' ? 1440 : minutesOfDay(slot.end);
    const overnight = e <= s;
    if (staff.youngWorker && (overnight || s < 360 || e > 1320 || minutes > 480 || worked + minutes > 2400)) return false;
    const restNeeded = (staff.youngWorker ? 12 : 11) * HOUR;
    for (const r of this.recent[i]) {
      if (r.start < span.end && span.start < r.end) return false;
      const rest = span.start - r.end;
      if (rest > 0 && rest <= restNeeded && (strict || staff.youngWorker)) return false;
    }
    if (!strict) return true;
    if (worked + minutes > capMinutes || days >= 6) return false;
    const day = ranges[weekdayOf(date)];
    return Boolean(day?.some(([from, to]) => from <= s && (overnight ? to === 1440 : e <= to)));
  }

  /**
   * The shifts of the week starting Monday `monday`. `make` builds each stored shift from its slot,
   * date and person (null for an open shift).
   */
  week(monday: string, rates: RotaRates, make: (slot: Slot, date: string, staffId: string | null) => Shift): Shift[] {
    const worked = new Array<number>(this.people.length).fill(0);
    const days = new Array<number>(this.people.length).fill(0);
    const lastDay = new Array<string>(this.people.length).fill('');
    const todo: { date: string; slot: Slot; span: Span }[] = [];
    for (const [d, weekday] of WEEKDAYS.entries()) {
      const date = addDays(monday, d);
      for (const siteDays of this.plan.values())
        for (const slot of siteDays[weekday]) todo.push({ date, slot, span: this.span(date, slot) });
    }
    todo.sort((a, b) => a.span.start - b.span.start);
    const out: Shift[] = [];
    for (const { date, slot, span } of todo) {
      if (this.rng.chance(rates.gap)) continue;
      if (this.rng.chance(rates.open)) {
        out.push(make(slot, date, null));
        continue;
      }
      const minutes = Math.round((span.end - span.start) / MINUTE) - slot.breakMinutes;
      const { home, familiar } = this.candidates.get(`${slot.site}/${slot.service}`)!;
      const choose = (group: number[], strict: boolean, mustBreach: boolean): number => {
        let best = -1;
        let bestLoad = Infinity;
        for (const i of group) {
          if (!this.fits(i, date, slot, span, minutes, worked[i], days[i], strict)) continue;
          if (mustBreach && this.fits(i, date, slot, span, minutes, worked[i], days[i], true)) continue;
          const load = worked[i] / Math.max(this.people[i].capMinutes, 60) + this.rng.next() * 0.05;
          if (load < bestLoad) {
            best = i;
            bestLoad = load;
          }
        }
        return best;
      };
      let who = this.rng.chance(rates.breach) ? choose([...home, ...familiar], false, true) : -1;
      if (who < 0) who = choose(home, true, false);
      if (who < 0) who = choose(familiar, true, false);
      if (who >= 0) {
        worked[who] += minutes;
        if (lastDay[who] !== date) days[who] += 1;
        lastDay[who] = date;
        const recent = this.recent[who];
        recent.push(span);
        if (recent.length > 6) recent.shift();
      }
      out.push(make(slot, date, who >= 0 ? this.people[who].staff.id : null));
    }
    return out;
  }
}

export interface AttendanceOptions {
  now: number;
  instant: (date: string, time: string) => number;
  recordedBy: (site: string) => string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Sign-ins and sign-outs for shifts that have started by `now`: mostly on time, some late, a few no-shows. */
export const attendanceFor = (rng: Rng, shifts: readonly Shift[], o: AttendanceOptions): Attendance[] => {
  const out: Attendance[] = [];
  for (const shift of shifts) {
    if (!shift.staffId) continue;
    const start = o.instant(shift.date, shift.start);
    if (start > o.now) continue;
    const overnight = minutesOfDay(shift.end) <= minutesOfDay(shift.start);
    const end =
      o.instant(overnight ? addDays(shift.date, 1) : shift.date, shift.end === '24:00' ? '00:00' : shift.end) +
      (shift.end === '24:00' && !overnight ? 24 * HOUR : 0);
    const by = o.recordedBy(shift.site);
    const noShow = rng.chance(0.02);
    const late = !noShow && rng.chance(0.07);
    const signedIn = noShow ? null : start + (late ? rng.int(11, 45) : rng.int(-15, 4)) * MINUTE;
    const signedOutMs = signedIn === null ? null : end + rng.int(-5, 20) * MINUTE;
    const signedOut = signedOutMs !== null && signedOutMs <= o.now ? signedOutMs : null;
    if (noShow && start + 30 * MINUTE > o.now) continue;
    const created = signedIn ?? start + 30 * MINUTE;
    if (created > o.now) continue;
    out.push({
      id: rng.id(),
      shiftId: shift.id,
      staffId: shift.staffId,
      site: shift.site,
      date: shift.date,
      signedInAt: signedIn === null ? null : iso(signedIn),
      signedOutAt: signedOut === null ? null : iso(signedOut),
      noShow,
      corrections: [],
      createdAt: iso(created),
      createdBy: by,
      updatedAt: iso(signedOut ?? created),
      updatedBy: by,
      rev: signedOut === null ? 1 : 2,
    });
  }
  return out;
};

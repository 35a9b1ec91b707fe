/**
 * The shifts a demo week asks for at each site: the site's cover requirements turned into shift times
 * (12-hour days and nights where security runs round the clock, window-long cleaning shifts, reception
 * days split into early and late halves), plus staffing above the minimum until the week has the
 * number of shifts the demo's staff can fill.
 */
import { minutesOfDay, timeOfMinutes } from '../../shared/domain/dates';
import { WEEKDAYS, type Service, type Weekday } from '../../shared/schemas/common';
import type { CoverWindow, Site } from '../../shared/schemas/site';

export interface Slot {
  site: string;
  service: Service;
  start: string;
  end: string;
  breakMinutes: number;
}

/** Every site's slots for each weekday, one entry per person needed. */
export type WeekPlan = Map<string, Record<Weekday, Slot[]>>;

const DAY = 1440;
const lengthOf = (start: number, end: number) => (end <= start ? end + DAY - start : end - start);
const breakFor = (minutes: number) => (minutes > 11 * 60 ? 60 : minutes > 9 * 60 ? 45 : minutes > 6 * 60 ? 30 : 0);

const slot = (site: string, service: Service, start: number, end: number): Slot => ({
  site,
  service,
  start: timeOfMinutes(start),
  end: end === DAY ? '24:00' : timeOfMinutes(end),
  breakMinutes: breakFor(lengthOf(start, end % DAY)),
});

const repeat = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

/** Head-count needed at each minute of a day and the following night, from that day's windows. */
const profileOf = (windows: readonly CoverWindow[]): Uint8Array => {
  const need = new Uint8Array(2 * DAY);
  for (const w of windows) {
    const s = minutesOfDay(w.start);
    const e = s + lengthOf(s, minutesOfDay(w.end) % DAY || DAY);
    for (let m = s; m < e; m += 1) need[m] += w.min;
  }
  return need;
};

const covered = (need: Uint8Array, from: number, to: number) => need.subarray(from, to).every((n) => n > 0);
const peak = (need: Uint8Array, from: number, to: number) => need.subarray(from, to).reduce((a, b) => Math.max(a, b), 0);

/** Security: 07:00–19:00 and 19:00–07:00 on days that run round the clock; otherwise each window as a shift. */
const securitySlots = (site: string, windows: readonly CoverWindow[]): Slot[] => {
  const need = profileOf(windows);
  if (covered(need, 0, DAY) || covered(need, 420, 420 + DAY)) {
    return [
      ...repeat(peak(need, 420, 1140), () => slot(site, 'security', 420, 1140)),
      ...repeat(peak(need, 1140, 1860), () => slot(site, 'security', 1140, 420)),
    ];
  }
  return windows.flatMap((w) => {
    const s = minutesOfDay(w.start);
    const e = minutesOfDay(w.end);
    const len = lengthOf(s, e % DAY);
    if (len <= 14 * 60) return repeat(w.min, () => slot(site, 'security', s, e));
    const mid = (s + Math.round(len / 120) * 60) % DAY;
    return repeat(w.min, () => [slot(site, 'security', s, mid), slot(site, 'security', mid, e)]).flat();
  });
};

/** Reception days longer than 8 hours are an early and a late half, split on the quarter hour. */
const receptionSlots = (site: string, windows: readonly CoverWindow[]): Slot[] =>
  windows.flatMap((w) => {
    const s = minutesOfDay(w.start);
    const e = minutesOfDay(w.end);
    if (lengthOf(s, e % DAY) <= 8 * 60) return repeat(w.min, () => slot(site, 'reception', s, e));
    const mid = s + Math.round(lengthOf(s, e % DAY) / 30) * 15;
    return repeat(w.min, () => [slot(site, 'reception', s, mid), slot(site, 'reception', mid, e)]).flat();
  });

const cleaningSlots = (site: string, windows: readonly CoverWindow[]): Slot[] =>
  windows.flatMap((w) => repeat(w.min, () => slot(site, 'cleaning', minutesOfDay(w.start), minutesOfDay(w.end))));

const countOf = (plan: WeekPlan) => [...plan.values()].reduce((n, days) => n + WEEKDAYS.reduce((m, d) => m + days[d].length, 0), 0);

/**
 * The weekly slots for every site, grown towards `target` shifts a week by adding evening office
 * cleaning where a site has none, then one more person on cleaning and reception windows in turn.
 */
export const planWeek = (sites: readonly Site[], target: number): WeekPlan => {
  const plan: WeekPlan = new Map();
  for (const site of sites) {
    const days = {} as Record<Weekday, Slot[]>;
    for (const d of WEEKDAYS) {
      days[d] = [
        ...(site.services.includes('security') ? securitySlots(site.code, site.cover.security[d] ?? []) : []),
        ...(site.services.includes('reception') ? receptionSlots(site.code, site.cover.reception[d] ?? []) : []),
        ...(site.services.includes('cleaning') ? cleaningSlots(site.code, site.cover.cleaning[d] ?? []) : []),
      ];
    }
    plan.set(site.code, days);
  }
  const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
  for (const site of sites) {
    if (countOf(plan) >= target) return plan;
    if (!site.services.includes('cleaning') || (site.cover.cleaning.mon ?? []).some((w) => minutesOfDay(w.start) >= 16 * 60)) continue;
    for (const d of weekdays) plan.get(site.code)![d].push(slot(site.code, 'cleaning', 17 * 60 + 30, 20 * 60 + 30));
  }
  for (let round = 0; round < 6; round += 1) {
    for (const site of sites) {
      for (const service of ['cleaning', 'reception'] as const) {
        if (countOf(plan) >= target) return plan;
        const days = plan.get(site.code)!;
        for (const d of WEEKDAYS) {
          const first = days[d].filter((s) => s.service === service);
          const distinct = [...new Map(first.map((s) => [`${s.start}-${s.end}`, s])).values()];
          days[d].push(...distinct.map((s) => ({ ...s })));
        }
      }
    }
  }
  return plan;
};

/** Minutes of each service a plan asks for at each site in a week. */
export const demandOf = (plan: WeekPlan): Map<string, Record<Service, number>> => {
  const out = new Map<string, Record<Service, number>>();
  for (const [code, days] of plan) {
    const sum: Record<Service, number> = { reception: 0, security: 0, cleaning: 0 };
    for (const d of WEEKDAYS) for (const s of days[d]) sum[s.service] += lengthOf(minutesOfDay(s.start), minutesOfDay(s.end) % DAY || DAY);
    out.set(code, sum);
  }
  return out;
};

/** Share of a plan's cleaning minutes in shifts starting at noon or later. */
export const eveningShareOf = (plan: WeekPlan): number => {
  let evening = 0;
  let all = 0;
  for (const days of plan.values()) {
    for (const d of WEEKDAYS) {
      for (const s of days[d]) {
        if (s.service !== 'cleaning') continue;
        const len = lengthOf(minutesOfDay(s.start), minutesOfDay(s.end) % DAY || DAY);
        all += len;
        if (minutesOfDay(s.start) >= 12 * 60) evening += len;
      }
    }
  }
  return all ? evening / all : 0;
};

/** The number of slots in a week's plan. */
export const slotsPerWeek = countOf;

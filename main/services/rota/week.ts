/** The planner's week: shifts, the people and sites they need, every finding and every cover gap. */
import { addDays, monthsBetween, weekDates, weekStart } from '../../../shared/domain/dates';
import { bankHolidaysBetween } from '../../../shared/domain/bankHolidays';
import { absenceInRange } from '../../../shared/domain/directory/absences';
import { checkWeek, coverGaps, weekRange } from '../../../shared/domain/rota';
import { weekIndexOptions } from '../../../shared/domain/rota/checkWeek';
import { contextShift, type ContextShift, type WeekView } from '../../../shared/contract/rota';
import { AppError } from '../../../shared/result';
import type { Account } from '../../../shared/schemas/account';
import type { Shift } from '../../../shared/schemas/shift';
import type { Site } from '../../../shared/schemas/site';
import { canSeeSite } from '../sites';
import { staffView } from '../staff';
import type { AppCore } from '../types';
import { checkWindow, lookBackSums, ruleContext, ruleSettings, shiftsBetween } from './context';

/** The sites a user asks for and may see: one, or all that are not archived. */
export const sitesInView = (app: AppCore, user: Account, site: string | null): Site[] => {
  const all = app.repos.sites.all().filter((s) => canSeeSite(user, s.code));
  if (site === null) return all.filter((s) => !s.archived).sort((a, b) => a.code.localeCompare(b.code));
  const one = all.find((s) => s.code === site);
  if (!one) throw new AppError('not_found', `No site with code ${site}.`);
  return [one];
};

/** The week containing `date` at the given sites, checked. */
export const weekView = (app: AppCore, user: Account, date: string, site: string | null): WeekView => {
  const monday = weekStart(date);
  const sunday = addDays(monday, 6);
  const sites = sitesInView(app, user, site);
  const codes = new Set(sites.map((s) => s.code));
  const window = checkWindow(app, monday, sunday);
  const near = { from: addDays(monday, -14), to: addDays(monday, 20) };
  // The check lists each person's shifts from ten days or so before the week (rest, fatigue) and only
  // needs weekly sums of the older part of the 26-week look-back, ~25,000 shifts at the design load:
  // those come from sums kept per shift file, shared with every other week whose look-back reads it.
  const { summariseBefore } = weekIndexOptions(ruleSettings(app), weekRange(monday));
  const older = summariseBefore ? lookBackSums(app, window.from, summariseBefore) : null;
  const listFrom = older ? (summariseBefore! < near.from ? summariseBefore! : near.from) : window.from;
  const recent = shiftsBetween(app, listFrom, window.to);
  const checked = older ? [...older.unsummed, ...recent.filter((s) => s.date >= summariseBefore!)] : recent;
  const ctx = ruleContext(app, checked, window);
  // One pass sorts out what the week needs. A shift is at most 24 hours and so is a cover window, so only
  // shifts dated from the day before the week to the day after it can meet the week's windows; grouped
  // by site and service, each cover check reads its own few dozen instead of every shift around.
  const shifts: Shift[] = [];
  const context: ContextShift[] = [];
  const forCover = new Map<string, Shift[]>();
  const coverFrom = addDays(monday, -1);
  const coverTo = addDays(sunday, 1);
  for (const s of recent) {
    if (s.deleted || s.date < near.from || s.date > near.to) continue;
    if (s.date >= monday && s.date <= sunday && codes.has(s.site)) shifts.push(s);
    else context.push(contextShift(s));
    if (s.date < coverFrom || s.date > coverTo) continue;
    const key = `${s.site} ${s.service}`;
    const list = forCover.get(key);
    if (list) list.push(s);
    else forCover.set(key, [s]);
  }
  const ids = new Set(shifts.map((s) => s.id));
  const findings = checkWeek(ctx, monday, older?.earlier).filter((f) => f.shiftIds.some((id) => ids.has(id)));
  const gaps = sites.flatMap((s) =>
    s.services.flatMap((service) => coverGaps(s, service, forCover.get(`${s.code} ${service}`) ?? [], monday, sunday, ctx.bankHolidays)),
  );
  // Only the absences the planner can show or check (ten years of them were most of the week's bytes),
  // and pay rates only for managers.
  const staff = app.repos.staff
    .all()
    .map((p) => staffView(user, { ...p, absences: p.absences.filter((a) => absenceInRange(a, near.from, near.to)) }));
  const bankHolidays = bankHolidaysBetween(monday, sunday, app.repos.settings.get().bankHolidayChanges);
  return { weekStart: monday, dates: weekDates(monday), site, sites, shifts, context, staff, findings, gaps, bankHolidays };
};

/**
 * Reads, in the background, the shift partitions the weeks either side of `monday` need beyond this
 * week's: the planner asks for the next week along as soon as one is shown, and a week whose 26-week
 * look-back reaches into a new month otherwise reads that month's partitions (15 sites, about half of
 * such a week's time) while the user waits. One partition per turn of the event loop, so a request
 * arriving meanwhile waits for one file at most; files already held cost nothing.
 */
export const readAheadWeeks = (app: AppCore, monday: string): void => {
  const repos = app.repos;
  const window = checkWindow(app, addDays(monday, -7), addDays(monday, 7));
  const months = new Set(monthsBetween(window.from, window.to));
  const keys = repos.shifts.keys().filter((k) => months.has(k.slice(0, 7)));
  let next = 0;
  const step = () => {
    // A restore replaces the repositories: the old ones are not read any more.
    if (next >= keys.length || app.repos !== repos) return;
    try {
      repos.shifts.partition(keys[next]);
    } catch {
      // A file that cannot be read is reported by the request that needs it, not by a read ahead.
      return;
    }
    next += 1;
    setImmediate(step);
  };
  setImmediate(step);
};

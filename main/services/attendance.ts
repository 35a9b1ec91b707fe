/** The manager's attendance, timesheet, working-time and report channels. Pay is in all of them: manager only. */
import type { CoverRow, PersonWeekSummary } from '../../shared/contract/attendance';
import { CSV_MIME, type TextFile } from '../../shared/contract/define';
import {
  actualPresence,
  coverAchieved,
  hoursCell,
  hoursAgainstContract,
  incidentCounts,
  labourCost,
  licenceExpiries,
  plannedPresence,
  timesheetCsv,
  timesheetRows,
  workingTimeRecords,
  type TimesheetRow,
} from '../../shared/domain/attendance';
import { decimal, toCsv } from '../../shared/domain/csv';
import { SERVICE_LABEL } from '../../shared/domain/serviceLabel';
import { siaGroups } from '../../shared/domain/directory';
import { addDays, londonToday, monthsBetween, weekStart } from '../../shared/domain/dates';
import { AppError } from '../../shared/result';
import { SERVICES } from '../../shared/schemas/common';
import { assignmentsBetween, statusRules } from './attendanceData';
import { bankHolidaysBetween, ruleSettings } from './rota/context';
import type { AppCore, Handlers } from './types';

type Range = { from: string; to: string; site: string | null };

/** Longest range a report reads at once; a year of 15 sites is about 52,000 shifts. */
const MAX_DAYS = 370;

const sitesOf = (app: AppCore, r: Range): string[] | undefined => {
  if (!r.site) return undefined;
  if (!app.repos.sites.all().some((s) => s.code === r.site)) throw new AppError('not_found', `No site with code ${r.site}.`);
  return [r.site];
};

const checkRange = (r: Range) => {
  if (addDays(r.from, MAX_DAYS) < r.to) throw new AppError('invalid', 'Choose a range of at most a year.', { to: 'At most a year' });
};

const file = (name: string, r: Range, text: string): TextFile => ({
  filename: `${name}-${r.site ?? 'all-sites'}-${r.from}-to-${r.to}.csv`,
  mime: CSV_MIME,
  text,
});

const rowsFor = (app: AppCore, r: Range, now: number): TimesheetRow[] => {
  checkRange(r);
  const staff = new Map(app.repos.staff.all().map((s) => [s.id, s]));
  const sites = new Map(app.repos.sites.all().map((s) => [s.code, s]));
  return timesheetRows(assignmentsBetween(app, r.from, r.to, sitesOf(app, r)), staff, sites, now, statusRules(app));
};

const summarise = (rows: readonly TimesheetRow[]): PersonWeekSummary[] => {
  const m = new Map<string, PersonWeekSummary>();
  for (const r of rows) {
    const p = m.get(r.staffId) ?? {
      staffId: r.staffId,
      name: r.name,
      employeeNumber: r.employeeNumber,
      scheduledMinutes: 0,
      paidMinutes: 0,
      shifts: 0,
      late: 0,
      lateMinutes: 0,
      notIn: 0,
      notInMinutes: 0,
      noShows: 0,
      corrections: 0,
      cost: 0,
      soFar: 0,
    };
    p.scheduledMinutes += r.scheduledMinutes;
    p.paidMinutes += r.paidMinutes;
    p.soFar += r.paidBasis === 'so-far' ? 1 : 0;
    p.shifts += 1;
    // Late but not signed in is someone still expected, not an arrival: counted apart.
    const arrived = r.signedInAt !== null;
    if (r.lateMinutes > 0 && arrived) {
      p.late += 1;
      p.lateMinutes += r.lateMinutes;
    } else if (r.lateMinutes > 0) {
      p.notIn += 1;
      p.notInMinutes += r.lateMinutes;
    }
    p.noShows += r.noShow ? 1 : 0;
    p.corrections += r.corrections.length;
    p.cost = Math.round((p.cost + r.cost) * 100) / 100;
    m.set(r.staffId, p);
  }
  return [...m.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
};

const pct = (n: number | null) => (n === null ? null : decimal(n, 1));

/** The Monday of the week of the earliest live shift on record at any site, or null when there is no rota at all. */
const firstRotaWeek = (app: AppCore): string | null => {
  const months = [...new Set(app.repos.shifts.keys().map((k) => k.slice(0, 7)))].sort();
  for (const month of months) {
    const dates = app.repos.shifts
      .keys()
      .filter((k) => k.startsWith(month))
      .flatMap((k) => Object.values(app.repos.shifts.partitionOnce(k)))
      .filter((s) => !s.deleted)
      .map((s) => s.date)
      .sort();
    if (dates.length) return weekStart(dates[0]);
  }
  return null;
};

export const attendanceHandlers: Pick<
  Handlers,
  | 'attendance:report'
  | 'attendance:timesheet-csv'
  | 'attendance:working-time'
  | 'reports:hours'
  | 'reports:cover'
  | 'reports:cost'
  | 'reports:incidents'
  | 'reports:licences'
> = {
  'attendance:report': (r, { app, now }) => {
    const rows = rowsFor(app, r, now);
    return { rows, people: summarise(rows) };
  },

  'attendance:timesheet-csv': (r, { app, now }) => file('timesheet', r, timesheetCsv(rowsFor(app, r, now))),

  'attendance:working-time': (r, { app }) => {
    checkRange(r);
    const staff = new Map(app.repos.staff.all().map((s) => [s.id, s]));
    const rules = ruleSettings(app);
    const records = workingTimeRecords(assignmentsBetween(app, r.from, r.to, sitesOf(app, r)), staff, r.from, r.to, rules);
    const text = toCsv(
      [
        'Employee number',
        'Name',
        'Shifts',
        'Hours worked',
        'Average weekly hours',
        'Shortest rest (hours)',
        `Rests under ${rules.dailyRestHours} h`,
        'Night shifts',
        'Night hours',
        'Opt-out signed',
        'Young worker',
      ],
      records.map((w) => [
        w.employeeNumber,
        w.name,
        w.shifts,
        hoursCell(w.workedMinutes),
        hoursCell(w.averageWeeklyMinutes),
        w.shortestRestMinutes === null ? '' : hoursCell(w.shortestRestMinutes),
        w.shortRests,
        w.nightShifts,
        hoursCell(w.nightMinutes),
        w.optOutSigned ?? 'No',
        w.youngWorker,
      ]),
    );
    return { records, dailyRestHours: rules.dailyRestHours, csv: file('working-time', r, text) };
  },

  'reports:hours': (r, { app, now }) => {
    const people = hoursAgainstContract(rowsFor(app, r, now), app.repos.staff.all(), r.from, r.to, sitesOf(app, r));
    const text = toCsv(
      ['Name', 'Team (home site)', 'Paid hours', 'Contracted hours', 'Difference'],
      people.map((p) => [
        p.name,
        p.team,
        hoursCell(p.paidMinutes),
        hoursCell(p.contractMinutes),
        hoursCell(p.paidMinutes - p.contractMinutes),
      ]),
    );
    return { people, csv: file('hours-against-contract', r, text) };
  },

  'reports:cover': (r, { app, now }) => {
    checkRange(r);
    const sites = app.repos.sites.all().filter((s) => !s.archived && (!r.site || s.code === r.site));
    const holidays = bankHolidaysBetween(app, r.from, r.to);
    const rows: CoverRow[] = [];
    // Weeks before the first rota on record have no data, not 0% cover: the report starts at that week.
    const firstWeek = firstRotaWeek(app);
    const first = firstWeek === null ? null : weekStart(r.from) < firstWeek ? firstWeek : weekStart(r.from);
    for (let week = first; week !== null && week <= r.to; week = addDays(week, 7)) {
      const from = week < r.from ? r.from : week;
      const to = addDays(week, 6) > r.to ? r.to : addDays(week, 6);
      for (const site of sites) {
        // Night shifts from the day before reach into the first morning.
        const assignments = assignmentsBetween(app, addDays(from, -1), to, [site.code]);
        for (const service of SERVICES.filter((s) => site.services.includes(s))) {
          const of = assignments.filter((a) => a.shift.service === service);
          const achieved = coverAchieved(site, service, actualPresence(of, now), from, to, holidays, now);
          const planned = coverAchieved(site, service, plannedPresence(of), from, to, holidays);
          if (planned.requiredMinutes === 0) continue;
          rows.push({ site: site.code, service, week, ...achieved, plannedPercent: planned.percent });
        }
      }
    }
    const text = toCsv(
      [
        'Week starting',
        'Site',
        'Service',
        'Required person-hours so far',
        'Covered person-hours',
        'Cover achieved %',
        'Cover planned % (whole week)',
      ],
      rows.map((c) => [
        c.week,
        c.site,
        SERVICE_LABEL[c.service],
        hoursCell(c.requiredMinutes),
        hoursCell(c.coveredMinutes),
        pct(c.percent),
        pct(c.plannedPercent),
      ]),
    );
    return { rows, firstWeek, csv: file('cover', r, text) };
  },

  'reports:cost': (r, { app, now }) => {
    const rows = labourCost(rowsFor(app, r, now));
    return {
      rows,
      csv: file(
        'labour-cost',
        r,
        toCsv(
          ['Week starting', 'Site', 'Paid hours', 'Cost (£)'],
          rows.map((c) => [c.week, c.site, hoursCell(c.paidMinutes), decimal(c.cost)]),
        ),
      ),
    };
  },

  'reports:incidents': (r, { app }) => {
    checkRange(r);
    const incidents = app.repos.incidents.inMonths(monthsBetween(addDays(r.from, -1), addDays(r.to, 1)), sitesOf(app, r)).filter((i) => {
      const d = londonToday(Date.parse(i.occurredAt));
      return d >= r.from && d <= r.to;
    });
    const rows = incidentCounts(incidents);
    return {
      rows,
      csv: file(
        'incidents',
        r,
        toCsv(
          ['Month', 'Site', 'Category', 'Incidents'],
          rows.map((c) => [c.month, c.site, c.category, c.count]),
        ),
      ),
    };
  },

  'reports:licences': (req, { app, now }) => {
    const today = londonToday(now);
    const rows = licenceExpiries(
      app.repos.staff.all().filter((s) => !req.site || s.homeSite === req.site || s.familiarSites.includes(req.site)),
      today,
      req.within,
    );
    const text = toCsv(
      ['Name', 'Home site', 'SIA licence', 'Expires', 'Days left', 'Status'],
      rows.map((l) => [l.name, l.homeSite ?? '', siaGroups(l.number), l.expires, l.daysLeft, l.status]),
    );
    return { rows, csv: { filename: `licence-expiries-${req.site ?? 'all-sites'}-${today}.csv`, mime: CSV_MIME, text } };
  },
};

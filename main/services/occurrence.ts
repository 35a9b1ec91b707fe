import type { LogLine } from '../../shared/contract/occurrence';
import { CSV_MIME } from '../../shared/contract/define';
import { toCsv } from '../../shared/domain/csv';
import { addDays, formatDateGB, isoInstant, monthOf } from '../../shared/domain/dates';
import {
  isBackDated,
  LOG_KIND_LABEL,
  logClock,
  logDayView,
  logInstant,
  logNumbers,
  nextLogNumber,
  validateCorrection,
} from '../../shared/domain/incidents';
import { AppError } from '../../shared/result';
import type { LogEntry, LogEntryInput } from '../../shared/schemas/occurrence';
import { accountNames } from './incidents';
import { newMeta } from './records';
import { canSeeSite } from './sites';
import type { AppCore, Call, Handlers } from './types';
import { stillToCome } from '../clock';

const checkSite = (call: Call, site: string): void => {
  if (!call.app.repos.sites.all().some((s) => s.code === site))
    throw new AppError('invalid', `There is no site ${site}.`, { site: 'Choose a site' });
  if (!canSeeSite(call.user!, site))
    throw new AppError('forbidden', `You can keep the log only for your own sites; ${site} is not one of them.`);
};

const monthEntries = (app: AppCore, month: string, site: string): LogEntry[] => Object.values(app.repos.log.partition(`${month}/${site}`));

/**
 * A day's entries in reading order, with corrections written later (the next morning, or the month
 * after) linked back to the entries they correct.
 */
const dayLines = (app: AppCore, site: string, date: string): LogLine[] => {
  const month = monthOf(date);
  const next = monthOf(addDays(`${month}-01`, 31));
  const sameMonth = monthEntries(app, month, site);
  const day = sameMonth.filter((e) => e.date === date);
  const ids = new Set(day.map((e) => e.id));
  const around = [...sameMonth, ...monthEntries(app, next, site)];
  const laterFixes = around.filter((e) => e.date > date && e.corrects && ids.has(e.corrects));
  const names = accountNames(app);
  const numbers = new Map<string, number>();
  for (const d of new Set([date, ...laterFixes.map((e) => e.date)]))
    for (const [id, n] of logNumbers(around.filter((e) => e.date === d))) numbers.set(id, n);
  return logDayView([...day, ...laterFixes]).map((r) => ({
    ...r,
    number: numbers.get(r.entry.id)!,
    backDated: isBackDated(r.entry),
    author: names[r.entry.createdBy] ?? 'Unknown',
  }));
};

/** The entry a correction points at: searched from the correction's month back, as far as the log goes. */
const findEntry = (app: AppCore, site: string, id: string, fromMonth: string): LogEntry | undefined => {
  const months = app.repos.log
    .keys()
    .filter((k) => k.endsWith(`/${site}`) && k.slice(0, 7) <= fromMonth)
    .reverse();
  for (const key of months) {
    const hit = app.repos.log.partition(key)[id];
    if (hit) return hit;
  }
  return undefined;
};

// The log is append-only: an entry for a time still to come (a slip of the hour, or the next day's page)
// could never be taken out again, and would sit in the record as something that had happened.
const notFuture = (call: Call, entry: LogEntryInput): void => {
  if (stillToCome(logInstant(entry), call.now)) {
    const when = `${logClock(entry)} on ${formatDateGB(entry.date)}`;
    throw new AppError('invalid', `${when} has not come yet; the log records what has happened.`, { time: `${when} has not come yet` });
  }
};

export const occurrenceHandlers: Pick<Handlers, 'log:day' | 'log:add' | 'log:export-csv'> = {
  'log:day': (req, call) => {
    checkSite(call, req.site);
    return dayLines(call.app, req.site, req.date);
  },

  'log:add': (req, call) => {
    checkSite(call, req.site);
    notFuture(call, req);
    if (req.corrects) {
      const check = validateCorrection(req, findEntry(call.app, req.site, req.corrects, monthOf(req.date)));
      if (!check.ok) throw new AppError('invalid', check.message, { corrects: check.message });
    }
    const sameDay = monthEntries(call.app, monthOf(req.date), req.site).filter((e) => e.date === req.date);
    const entry: LogEntry = { ...newMeta(call.app.clock, call.user!.id, call.now), ...req, seq: nextLogNumber(sameDay) };
    call.app.repos.log.put([entry]);
    return { entry, number: entry.seq!, backDated: isBackDated(entry), author: call.user!.displayName, correctedBy: [], superseded: false };
  },

  'log:export-csv': (req, call) => {
    checkSite(call, req.site);
    const lines = dayLines(call.app, req.site, req.date);
    const num = new Map(lines.map((l) => [l.entry.id, l.number]));
    // Both times in London with their offset: the entry's own time and when it was written down.
    const text = toCsv(
      ['No.', 'Date', 'Time', 'Kind', 'Entry', 'Written by', 'Written at', 'Corrects entry', 'Corrected by entries'],
      lines.map((l) => [
        l.number,
        l.entry.date,
        isoInstant(logInstant(l.entry)),
        LOG_KIND_LABEL[l.entry.kind],
        l.entry.text,
        l.author,
        isoInstant(l.entry.createdAt),
        l.entry.corrects ? (num.get(l.entry.corrects) ?? l.entry.corrects) : '',
        l.correctedBy.map((id) => num.get(id)).join(' '),
      ]),
    );
    return { filename: `log-${req.site}-${req.date}.csv`, mime: CSV_MIME, text };
  },
};

/**
 * Fatigue warnings from the HSE's guidance on shift work (HSG256, Managing shift work), with the limits
 * a manager sets in Settings. They are guidance, not law, so they warn and never block.
 */
import { formatMinutes } from '../../dates';
import { dayShort, finding, shiftAtSite } from '../format';
import { addDays } from '../../dates';
import { dayNumber, instantAt } from '../instants';
import type { PersonWeek } from '../personWeek';
import type { Entry } from '../rotaIndex';
import type { Finding } from '../types';
import { minutesInDailyWindow } from '../windows';

const minutesOf = (from: number, to: number) => Math.round((to - from) / 60_000);

/** Shifts this close together are one working day: cover handed straight on, or a short gap between. */
export const WORKING_DAY_GAP_MINUTES = 60;

// Basis: HSE HSG256 (shifts over 12 hours).
/** A shift lasting longer than the limit, start to finish in real time (clock changes included). */
export const fatigueShiftLengthRule = (p: PersonWeek): Finding[] => {
  const limit = p.settings.fatigueShiftHours * 60;
  return p.week
    .filter((e) => minutesOf(e.span.start, e.span.end) > limit)
    .map((e) => {
      const length = minutesOf(e.span.start, e.span.end);
      return finding(
        'fatigue-shift-length',
        'warn',
        p.staff.id,
        [e.shift.id],
        `${p.staff.name}: ${shiftAtSite(e.shift)} lasts ${formatMinutes(length)}, over the ${formatMinutes(limit)} fatigue limit`,
        { unit: 'minutes', actual: length, required: limit, kind: 'max', from: e.shift.date, to: e.shift.date },
      );
    });
};

// Basis: HSE HSG256 (working days over 13 hours, back-to-back cover included).
/**
 * A working day, from the start of its first shift to the end of its last, longer than the limit. Shifts
 * that touch, overlap or follow within an hour make one working day, so an officer covering 05:45–07:00
 * into a 07:00–19:00 shift works a 13 h 15 min day. Reported in the week its first shift starts in.
 */
export const fatigueWorkingDayRule = (p: PersonWeek): Finding[] => {
  const limit = p.settings.fatigueDayHours * 60;
  const out: Finding[] = [];
  const gap = WORKING_DAY_GAP_MINUTES * 60_000;
  // A working day that starts before the week is the earlier week's; two days back is enough to see one.
  const entries = p.entries.filter((e) => e.span.start >= p.range.startMs - 2 * 86_400_000);
  let i = 0;
  while (i < entries.length) {
    const day: Entry[] = [entries[i]];
    let end = entries[i].span.end;
    let j = i + 1;
    while (j < entries.length && entries[j].span.start - end < gap) {
      day.push(entries[j]);
      end = Math.max(end, entries[j].span.end);
      j += 1;
    }
    const first = day[0];
    const length = minutesOf(first.span.start, end);
    if (day.length > 1 && length > limit && first.span.start >= p.range.startMs && first.span.start < p.range.endMs) {
      out.push(
        finding(
          'fatigue-working-day',
          'warn',
          p.staff.id,
          day.map((e) => e.shift.id),
          `${p.staff.name} works ${formatMinutes(length)} from ${dayShort(first.shift.date)} ${first.shift.start} across ${day.length} back-to-back shifts, over the ${formatMinutes(limit)} fatigue limit`,
          { unit: 'minutes', actual: length, required: limit, kind: 'max', from: first.shift.date, to: day[day.length - 1].shift.date },
        ),
      );
    }
    i = j;
  }
  return out;
};

/**
 * Runs of consecutive calendar days (by the date each shift starts on) among `entries`, each run as its
 * entries, in order. Several shifts on one day count once.
 */
const runsOfDays = (entries: readonly Entry[]): Entry[][] => {
  const runs: Entry[][] = [];
  let lastDay = Number.NaN;
  for (const e of entries) {
    const day = dayNumber(e.shift.date);
    if (day === lastDay || day === lastDay + 1) runs[runs.length - 1].push(e);
    else runs.push([e]);
    lastDay = day;
  }
  return runs;
};

/**
 * For each run longer than `limit` days, the days past the limit that fall in the checked week. Runs are
 * counted back at most `limit` + 1 days before the week, which is all it takes to tell whether a day of the
 * week is past the limit; a run reaching that far back is reported as "at least" its length.
 */
const overLimit = (
  p: PersonWeek,
  entries: readonly Entry[],
  limit: number,
): { run: Entry[]; days: number; over: Entry[]; atLeast: boolean }[] => {
  const horizon = addDays(p.range.start, -limit - 1);
  const horizonMs = instantAt(horizon, '00:00');
  const out: { run: Entry[]; days: number; over: Entry[]; atLeast: boolean }[] = [];
  for (const run of runsOfDays(entries.filter((e) => e.span.start >= horizonMs))) {
    const dates = [...new Set(run.map((e) => e.shift.date))];
    if (dates.length <= limit) continue;
    const firstOver = dates[limit];
    const over = run.filter((e) => e.shift.date >= firstOver && e.span.start >= p.range.startMs && e.span.start < p.range.endMs);
    if (over.length === 0) continue;
    // The run as far as the end of the checked week.
    const upTo = run.filter((e) => e.span.start < p.range.endMs);
    out.push({ run: upTo, days: new Set(upTo.map((e) => e.shift.date)).size, over, atLeast: run[0].shift.date === horizon });
  }
  return out;
};

// Basis: HSE HSG256 (no more than 4 night shifts in a row).
/** More night shifts on consecutive days than the limit; a night shift has the night-worker hours of night time. */
export const fatigueNightsRule = (p: PersonWeek): Finding[] => {
  const { nightStart, nightEnd, nightWorkerMinHours, fatigueNights: limit } = p.settings;
  // Only shifts from overLimit's horizon on can count, so the night time of the weeks before it (most of
  // a person's indexed shifts, and the costliest part of this rule) is never worked out.
  const horizonMs = instantAt(addDays(p.range.start, -limit - 1), '00:00');
  const nights = p.entries.filter(
    (e) =>
      e.span.start >= horizonMs &&
      e.span.start < p.range.endMs &&
      minutesInDailyWindow(e.span, e.shift.date, nightStart, nightEnd) >= nightWorkerMinHours * 60,
  );
  return overLimit(p, nights, limit).map(({ run, days, over, atLeast }) =>
    finding(
      'fatigue-nights',
      'warn',
      p.staff.id,
      over.map((e) => e.shift.id),
      `${p.staff.name} works ${atLeast ? 'at least ' : ''}${days} nights in a row from ${dayShort(run[0].shift.date)}; the fatigue limit is ${limit}`,
      { unit: 'nights', actual: days, required: limit, kind: 'max', from: run[0].shift.date, to: run[run.length - 1].shift.date },
    ),
  );
};

// Basis: HSE HSG256 (no more than 7 shifts in a row).
/** Shifts on more consecutive days than the limit. */
export const fatigueShiftsInRowRule = (p: PersonWeek): Finding[] => {
  const limit = p.settings.fatigueShiftsInRow;
  const worked = p.entries.filter((e) => e.span.start < p.range.endMs);
  return overLimit(p, worked, limit).map(({ run, days, over, atLeast }) =>
    finding(
      'fatigue-shifts-in-row',
      'warn',
      p.staff.id,
      over.map((e) => e.shift.id),
      `${p.staff.name} works ${atLeast ? 'at least ' : ''}${days} days in a row from ${dayShort(run[0].shift.date)}; the fatigue limit is ${limit}`,
      { unit: 'shifts', actual: days, required: limit, kind: 'max', from: run[0].shift.date, to: run[run.length - 1].shift.date },
    ),
  );
};

/** Checking a week of the rota: every rule for every person with a shift in it. */
import { addDays } from '../dates';
import { personWeek } from './personWeek';
import { buildIndex, type EarlierMinutes, type Entry, type IndexOptions, type RotaIndex } from './rotaIndex';
import { PERSON_RULES, type PersonRule } from './rules';
import { staffRecordRule } from './rules/staffRecord';
import { sortFindings } from './sortFindings';
import type { Finding, RotaContext, RuleSettings } from './types';
import { lookBackFrom, weekRange, type WeekRange } from './week';

/** One person's findings for their shifts in the week (none when they have no shift in it). */
export const personFindings = (
  ix: RotaIndex,
  staffId: string,
  range: WeekRange,
  rules: readonly PersonRule[] = PERSON_RULES,
): Finding[] => {
  const staff = ix.staff.get(staffId);
  if (!staff) {
    const week = (ix.byStaff.get(staffId) ?? []).filter((e) => e.span.start >= range.startMs && e.span.start < range.endMs);
    return staffRecordRule(staffId, undefined, week);
  }
  const p = personWeek(ix, staff, range);
  if (!p) return [];
  const out = staffRecordRule(staffId, staff, p.week);
  for (const rule of rules) for (const f of rule(p)) out.push(f);
  return out;
};

/** The options indexForWeek builds its index with. */
export const weekIndexOptions = (settings: RuleSettings, range: WeekRange): IndexOptions => ({
  from: lookBackFrom(range.start, settings),
  to: range.end,
  // The weekly rest rule walks from the Monday a week earlier. A shift lasts at most 25 hours (a day and
  // the hour the clocks go back), so one dated more than ten days before the Monday ends a day before
  // that at the latest: none of the shifts summed can touch the fortnight, an overlap or a rest before
  // the week.
  // Compensatory rest falling due this week was owed up to the manager's period earlier, and the fatigue
  // runs count back up to their limits, so that much more is listed.
  summariseBefore: addDays(range.start, -10 - Math.max(settings.compensatoryRestDays, settings.fatigueNights, settings.fatigueShiftsInRow)),
});

/**
 * The index a check of the week needs: the week plus the look-back of the longest reference period. Only
 * the averages look further back than the fortnight before the week (weekly rest) or a day before it
 * (daily rest, overlaps), so shifts dated over ten days before the Monday are summed, not listed.
 */
export const indexForWeek = (ctx: RotaContext, range: WeekRange, staffIds?: ReadonlySet<string>): RotaIndex =>
  buildIndex(ctx, { ...weekIndexOptions(ctx.settings, range), staffIds });

/**
 * The index behind a list of findings from checkWeek or recheck, so a recheck after the next edit can
 * start from it instead of searching the whole rota again. Keyed by the list itself: it lives as long
 * as the caller keeps the findings.
 */
export interface WeekIndex {
  weekStartIso: string;
  settings: RuleSettings;
  options: IndexOptions;
  byStaff: ReadonlyMap<string, readonly Entry[]>;
  earlier: ReadonlyMap<string, EarlierMinutes> | undefined;
}
export const weekIndexes = new WeakMap<readonly Finding[], WeekIndex>();

/**
 * Every finding for the shifts dated in the week containing `weekStartIso` (normally its Monday).
 * `presummed`: the older part of the look-back already summed (see `IndexOptions.presummed`), its
 * shifts left out of `ctx`.
 */
export const checkWeek = (ctx: RotaContext, weekStartIso: string, presummed?: ReadonlyMap<string, EarlierMinutes>): Finding[] => {
  const range = weekRange(weekStartIso);
  const options = weekIndexOptions(ctx.settings, range);
  const ix = buildIndex(ctx, presummed ? { ...options, presummed } : options);
  const out: Finding[] = [];
  for (const staffId of ix.byStaff.keys()) out.push(...personFindings(ix, staffId, range));
  const findings = sortFindings(out);
  weekIndexes.set(findings, { weekStartIso, settings: ctx.settings, options, byStaff: ix.byStaff, earlier: ix.earlier });
  return findings;
};

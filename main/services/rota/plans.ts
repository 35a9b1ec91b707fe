/** Shift templates and repeating patterns: stored, previewed and applied to a range of dates. */
import { checkWeek } from '../../../shared/domain/rota';
import { expandPattern } from '../../../shared/domain/rota/plan/expandPattern';
import { addDays, weekStart } from '../../../shared/domain/dates';
import type { PatternPreview } from '../../../shared/contract/rota';
import { AppError } from '../../../shared/result';
import type { ShiftPattern } from '../../../shared/schemas/rotaPlan';
import type { Shift } from '../../../shared/schemas/shift';
import { newMeta } from '../records';
import type { AppCore, Call } from '../types';
import { contextFor } from './context';

/** The stored pattern, or a not-found error. */
export const patternById = (app: AppCore, id: string): ShiftPattern => {
  const p = app.repos.patterns.get(id);
  if (!p) throw new AppError('not_found', 'That pattern no longer exists.');
  return p;
};

const MAX_DAYS = 92;

/** Refuses ranges longer than a quarter, so a slip of the date picker cannot create thousands of shifts. */
export const checkRange = (from: string, to: string): void => {
  if (addDays(from, MAX_DAYS - 1) < to)
    throw new AppError('invalid', `Apply a pattern to at most ${MAX_DAYS} days at a time.`, { to: `At most ${MAX_DAYS} days` });
};

/** What applying the pattern would create, and the findings those shifts would add. */
export const previewPattern = (call: Pick<Call, 'app' | 'user' | 'now'>, patternId: string, from: string, to: string): PatternPreview => {
  const { app, now } = call;
  checkRange(from, to);
  const shifts = expandPattern(patternById(app, patternId), from, to);
  const ctx = contextFor(app, from, to);
  const trial: Shift[] = shifts.map((s) => ({
    ...s,
    status: 'draft',
    override: null,
    history: [],
    deleted: false,
    ...newMeta(call.app.clock, call.user!.id, now),
  }));
  const ids = new Set(trial.map((s) => s.id));
  const weeks: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  const withTrial = { ...ctx, shifts: [...ctx.shifts, ...trial] };
  const findings = weeks.flatMap((w) => checkWeek(withTrial, w)).filter((f) => f.shiftIds.some((id) => ids.has(id)));
  // Trial ids mean nothing to the planner; findings keep their wording, which names the shifts.
  return { shifts, findings: findings.map((f) => ({ ...f, shiftIds: [] })) };
};

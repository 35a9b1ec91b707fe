/** The findings a plan makes, before → after, counted as the planner counts them (its weeks, its sites). */
import { addDays, weekStart } from '../../../shared/domain/dates';
import { checkWeek } from '../../../shared/domain/rota/checkWeek';
import { TERM_LABEL } from '../../../shared/domain/rota/autofill/explain';
import type { Finding, RotaContext } from '../../../shared/domain/rota/types';
import type { AutofillPreview, FindingCount } from '../../../shared/contract/autofill';

export type FindingsDelta = Pick<AutofillPreview, 'findings' | 'weeks' | 'byRule'>;

const count = (fs: readonly Finding[]): FindingCount => ({
  block: fs.filter((f) => f.severity === 'block').length,
  warn: fs.filter((f) => f.severity === 'warn').length,
});

/**
 * For each week from `from` to `to`: the engine's findings that name a live shift of that week at one of
 * `sites`, on the rota as it is and with `assigned` (shift id → person, or null for none) written, exactly as `rota:week`
 * lists them for a planner showing those sites.
 */
export const findingsDelta = (
  ctx: RotaContext,
  assigned: ReadonlyMap<string, string | null>,
  from: string,
  to: string,
  sites: readonly string[],
): FindingsDelta => {
  const codes = new Set(sites);
  const after = { ...ctx, shifts: ctx.shifts.map((s) => (assigned.has(s.id) ? { ...s, staffId: assigned.get(s.id) ?? null } : s)) };
  const weeks: FindingsDelta['weeks'] = [];
  const rules = new Map<string, { before: number; after: number }>();
  for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const ids = new Set(ctx.shifts.filter((s) => !s.deleted && s.date >= monday && s.date <= sunday && codes.has(s.site)).map((s) => s.id));
    const mine = (fs: Finding[]) => fs.filter((f) => f.shiftIds.some((id) => ids.has(id)));
    const b = mine(checkWeek(ctx, monday));
    const a = mine(checkWeek(after, monday));
    weeks.push({ weekStart: monday, before: count(b), after: count(a) });
    for (const [list, key] of [
      [b, 'before'],
      [a, 'after'],
    ] as const)
      for (const f of list) {
        const r = rules.get(`${f.severity}|${f.rule}`) ?? { before: 0, after: 0 };
        r[key] += 1;
        rules.set(`${f.severity}|${f.rule}`, r);
      }
  }
  const sum = (k: 'before' | 'after'): FindingCount => ({
    block: weeks.reduce((n, w) => n + w[k].block, 0),
    warn: weeks.reduce((n, w) => n + w[k].warn, 0),
  });
  const byRule = [...rules]
    .map(([key, v]) => {
      const [severity, rule] = key.split('|');
      const label = TERM_LABEL[rule as keyof typeof TERM_LABEL] ?? rule;
      return { rule, label: severity === 'block' ? `Blocked: ${label}` : label, ...v };
    })
    .sort((x, y) => y.after - y.before - (x.after - x.before) || x.label.localeCompare(y.label));
  return { findings: { before: sum('before'), after: sum('after') }, weeks, byRule };
};

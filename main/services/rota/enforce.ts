/** The rule every rota write passes: a change may not add a block unless a manager overrides it. */
import { indexForWeek, personFindings } from '../../../shared/domain/rota/checkWeek';
import { BLOCK_RULES } from '../../../shared/domain/rota/rules';
import { weekRange } from '../../../shared/domain/rota/week';
import { addDays, weekStart } from '../../../shared/domain/dates';
import type { Finding, RotaContext } from '../../../shared/domain/rota';
import type { Shift } from '../../../shared/schemas/shift';

const key = (f: Finding) => `${f.rule}|${f.staffId}|${[...f.shiftIds].sort().join(',')}`;

const blocksFor = (ctx: RotaContext, weeks: string[], staff: Set<string>): Finding[] =>
  weeks.flatMap((w) => {
    const range = weekRange(w);
    const ix = indexForWeek(ctx, range, staff);
    return [...staff].flatMap((id) => personFindings(ix, id, range, BLOCK_RULES).filter((f) => f.severity === 'block'));
  });

/**
 * The block findings present after a change that were not there before, for the people and weeks the
 * change touches (and the week after each, where a Sunday night meets Monday).
 */
export const addedBlocks = (before: RotaContext, after: RotaContext, changed: { old: Shift | undefined; next: Shift }[]): Finding[] => {
  const staff = new Set<string>();
  const weeks = new Set<string>();
  for (const { old, next } of changed) {
    for (const s of [old, next]) {
      if (!s) continue;
      if (s.staffId) staff.add(s.staffId);
      weeks.add(weekStart(s.date));
      weeks.add(addDays(weekStart(s.date), 7));
    }
  }
  if (staff.size === 0) return [];
  const list = [...weeks].sort();
  const known = new Set(blocksFor(before, list, staff).map(key));
  const seen = new Set<string>();
  return blocksFor(after, list, staff).filter((f) => {
    const k = key(f);
    if (known.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

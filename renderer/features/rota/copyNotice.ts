import type { CopyResult } from '../../../shared/contract/rota';
import { formatDayShort } from '../../../shared/domain/dates';
import { counted } from '../../../shared/domain/counted';

/**
 * What a copied week says: how many shifts were made, then the shifts left open grouped by person and
 * reason ("Rebecca Begum is away (annual leave): 3 shifts left open, Mon 30 Nov, Tue 1 Dec and Wed 2 Dec"),
 * not the same sentence once per shift. Shifts the week copied to already had are counted, not copied again; a week
 * with nothing (new) to copy says so, rather than "Copied 0 shifts."
 */
export const copyNotice = (
  r: Pick<CopyResult, 'after' | 'leftOpen' | 'alreadyThere'>,
  names: ReadonlyMap<string, string> = new Map(),
  from?: string,
  to?: string,
): string => {
  const week = (monday?: string) => `the week${monday ? ` of ${formatDayShort(monday)}` : ''}`;
  if (r.after.length === 0 && r.alreadyThere > 0)
    return `Nothing to copy: every shift of ${week(from)} is already in ${to ? week(to) : 'this week'}.`;
  if (r.after.length === 0 && r.leftOpen.length === 0) return `Nothing to copy: ${week(from)} has no shifts here.`;
  const dates = new Map(r.after.map((s) => [s.id, s.date]));
  const groups = new Map<string, string[]>();
  for (const l of r.leftOpen) {
    const key = `${l.staffId}|${l.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), dates.get(l.shiftId) ?? '']);
  }
  const lines = [...groups].map(([key, days]) => {
    const staffId = key.slice(0, key.indexOf('|'));
    const why = key.slice(key.indexOf('|') + 1);
    const name = names.get(staffId);
    // Some reasons name the person already; the rest are given their name.
    const reason = name && !why.startsWith(name) ? `${name} is ${why}` : why;
    const named = [...new Set(days.filter(Boolean))].sort().map(formatDayShort);
    const list = named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    return `${reason}: ${counted(days.length, 'shift')} left open${list ? `, ${list}` : ''}`;
  });
  const there = r.alreadyThere > 0 ? `; ${r.alreadyThere} ${r.alreadyThere === 1 ? 'was' : 'were'} already there` : '';
  return `Copied ${counted(r.after.length, 'shift')}${there}.${lines.length ? ` ${lines.join('. ')}.` : ''}`;
};

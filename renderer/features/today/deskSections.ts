/**
 * The desk's day in the order a supervisor works it: what needs doing now (late, due, no-show, open
 * shifts and gaps about to start), who is on, who is due in the next few hours, and the rest.
 */
import type { TodayBoard, TodayOpenShift, TodayRow } from '../../../shared/contract/today';
import { SIGN_IN_OPENS_HOURS } from '../../../shared/domain/attendance/signInWindow';
import { londonInstant } from '../../../shared/domain/dates';
import type { Gap } from '../../../shared/domain/rota/types';
import type { Service } from '../../../shared/schemas/common';

/**
 * How far ahead "due next" looks (the people the desk can sign in early), and how soon an open shift or a
 * gap needs someone found.
 */
export const DUE_NEXT_HOURS = SIGN_IN_OPENS_HOURS;

export type ActionItem =
  | { kind: 'person'; row: TodayRow; at: number }
  | { kind: 'open'; open: TodayOpenShift; at: number }
  | { kind: 'gap'; gap: Gap; at: number };

export interface DeskSections {
  action: ActionItem[];
  onNow: { service: Service; rows: TodayRow[] }[];
  dueNext: { service: Service; rows: TodayRow[] }[];
  later: { upcoming: TodayRow[]; earlier: TodayRow[]; open: TodayOpenShift[]; gaps: Gap[] };
}

const startOf = (r: { date: string; start: string }) => londonInstant(r.date, r.start);
const spanOf = (r: { date: string; start: string; end: string }) => {
  const start = startOf(r);
  let end = londonInstant(r.date, r.end);
  if (end <= start) end += 86_400_000;
  return { start, end };
};
const gapSpan = (g: Gap) => ({ start: londonInstant(g.date, g.start), end: londonInstant(g.endDate, g.end) });
/** Whether span `a` holds all of gap `g`. */
const holds = (a: { start: number; end: number }, g: { start: number; end: number }) => a.start <= g.start && g.end <= a.end;

export const needsAction = (r: TodayRow): boolean => r.state === 'late' || r.state === 'due' || (r.state === 'no-show' && !r.coveredBy);

export const deskSections = (b: Pick<TodayBoard, 'services' | 'gaps' | 'now'>): DeskSections => {
  const now = Date.parse(b.now);
  const soon = now + DUE_NEXT_HOURS * 3_600_000;
  const action: ActionItem[] = [];
  const later: DeskSections['later'] = { upcoming: [], earlier: [], open: [], gaps: [] };
  const onNow: DeskSections['onNow'] = [];
  const dueNext: DeskSections['dueNext'] = [];
  for (const s of b.services) {
    for (const row of s.now) if (needsAction(row)) action.push({ kind: 'person', row, at: startOf(row) });
    onNow.push({ service: s.service, rows: s.now.filter((r) => !needsAction(r)) });
    dueNext.push({ service: s.service, rows: s.next.filter((r) => startOf(r) < soon) });
    later.upcoming.push(...s.next.filter((r) => startOf(r) >= soon));
    later.earlier.push(...s.earlier);
    for (const o of s.open) {
      if (startOf(o) < soon) action.push({ kind: 'open', open: o, at: startOf(o) });
      else later.open.push(o);
    }
  }
  // A gap wholly inside an open shift or a no-show already listed is covered by finding cover there.
  const explained = (g: Gap) =>
    action.some((a) =>
      a.kind === 'open'
        ? a.open.service === g.service && holds(spanOf(a.open), gapSpan(g))
        : a.kind === 'person' && a.row.state === 'no-show' && a.row.service === g.service && holds(spanOf(a.row), gapSpan(g)),
    );
  for (const g of b.gaps) {
    if (explained(g) || later.open.some((o) => o.service === g.service && holds(spanOf(o), gapSpan(g)))) continue;
    if (gapSpan(g).start < soon) action.push({ kind: 'gap', gap: g, at: gapSpan(g).start });
    else later.gaps.push(g);
  }
  action.sort((x, y) => x.at - y.at);
  return { action, onNow, dueNext, later };
};

/**
 * Publishing a week, and undoing or redoing exactly that publish. A status change of a shift that has
 * been published before goes into its history, so the record shows who took a week back and when.
 */
import { addDays, weekStart } from '../../../shared/domain/dates';
import { listOf, shiftAtSite } from '../../../shared/domain/rota/format';
import type { ShiftChanges, ShiftSave } from '../../../shared/contract/rota';
import { AppError } from '../../../shared/result';
import type { Shift } from '../../../shared/schemas/shift';
import { touched } from '../records';
import type { Call } from '../types';
import { shiftsBetween } from './context';
import { sitesInView } from './week';
import { findElsewhere, shiftFields } from './write';
import { counted } from '../../../shared/domain/counted';

type Status = Shift['status'];

const withStatus = (call: Pick<Call, 'app' | 'user' | 'now'>, s: Shift, status: Status): Shift => {
  const history =
    s.history.length > 0 || s.status === 'published'
      ? [...s.history, { at: new Date(call.now).toISOString(), by: call.user!.id, before: { status: s.status }, after: { status } }]
      : s.history;
  return touched(call.app.clock, { ...s, status, history }, call.user!.id, call.now);
};

/** Publishes every live draft in the week at the sites the user asks for and may see. */
export const publishWeek = (call: Pick<Call, 'app' | 'user' | 'now'>, week: string, site: string | null): ShiftChanges => {
  const monday = weekStart(week);
  const codes = sitesInView(call.app, call.user!, site).map((s) => s.code);
  const drafts = shiftsBetween(call.app, monday, addDays(monday, 6), codes).filter((s) => s.status === 'draft' && !s.deleted);
  if (drafts.length === 0) return { before: [], after: [] };
  const after = drafts.map((s) => withStatus(call, s, 'published'));
  call.app.repos.shifts.put(after, drafts);
  return { before: drafts, after };
};

const unchanged = (stored: Shift | undefined, sent: ShiftSave, status: Status) =>
  stored !== undefined &&
  stored.status === status &&
  JSON.stringify(shiftFields(stored)) === JSON.stringify(shiftFields({ ...stored, ...sent } as Shift));

/**
 * Turns the shifts one publish changed back to drafts (`from` published) or publishes them again (`from`
 * draft), all or none: if any is no longer as that publish or its undo left it, nothing changes and the
 * message names the shifts that moved on.
 */
export const flipPublished = (
  call: Pick<Call, 'app' | 'user' | 'now'>,
  sent: (ShiftSave & { id: string })[],
  from: Status,
): ShiftChanges => {
  const to: Status = from === 'published' ? 'draft' : 'published';
  const dates = sent.map((s) => s.date).sort();
  const near = new Map(shiftsBetween(call.app, dates[0], dates[dates.length - 1]).map((s) => [s.id, s]));
  const far = findElsewhere(
    call.app,
    sent.filter((s) => !near.has(s.id)).map((s) => s.id),
  );
  const stored = sent.map((s) => near.get(s.id) ?? far.get(s.id));
  const moved = sent.filter((s, i) => !unchanged(stored[i], s, from));
  if (moved.length > 0) {
    const named = moved.slice(0, 3).map((s) => shiftAtSite(stored[sent.indexOf(s)] ?? s));
    const list = `${listOf(named)}${moved.length > 3 ? ` and ${moved.length - 3} more` : ''}`;
    const count = `${moved.length} of its ${counted(sent.length, 'shift')} ${moved.length === 1 ? 'has' : 'have'}`;
    throw new AppError(
      'conflict',
      from === 'published'
        ? `This publish cannot be undone: ${count} been changed since (${list}). Nothing was changed; put those shifts back as they were, or edit the week by hand.`
        : `This publish cannot be redone: ${count} been changed or published again since it was undone (${list}). Nothing was changed.`,
    );
  }
  const before = stored as Shift[];
  const after = before.map((s) => withStatus(call, s, to));
  call.app.repos.shifts.put(after, before);
  return { before, after };
};

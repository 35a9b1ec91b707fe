/**
 * Planner actions as data: each change the server made is kept as the step that redoes it and the step
 * that undoes it. Edits replay through the same `rota:save` channel as any edit; a publish is undone and
 * redone through its own channels, which refuse if any of its shifts has changed since.
 */
import type { ShiftChanges, ShiftSave } from '../../../shared/contract/rota';
import type { Shift } from '../../../shared/schemas/shift';
import { counted } from '../../../shared/domain/counted';

/** A shift's planner fields with its id, as a change left it. */
export type SavedShift = ShiftSave & { id: string };

export type Step = { kind: 'save'; items: ShiftSave[] } | { kind: 'unpublish' | 'republish'; shifts: SavedShift[] };

export interface Command {
  label: string;
  redo: Step;
  undo: Step;
}

/** The fields of a shift the planner sends, with its id. */
export const saveOf = (s: Shift): SavedShift => ({
  id: s.id,
  site: s.site,
  service: s.service,
  date: s.date,
  start: s.start,
  end: s.end,
  breakMinutes: s.breakMinutes,
  staffId: s.staffId,
  notes: s.notes,
  deleted: s.deleted,
});

/** The command that replays or reverses a change; new shifts are undone by deleting them. */
export const commandOf = (label: string, changes: ShiftChanges): Command | null => {
  if (changes.after.length === 0) return null;
  const before = new Map(changes.before.map((s) => [s.id, s]));
  return {
    label,
    redo: { kind: 'save', items: changes.after.map(saveOf) },
    undo: {
      kind: 'save',
      items: changes.after.map((a) => {
        const old = before.get(a.id);
        return old ? saveOf(old) : { ...saveOf(a), deleted: true };
      }),
    },
  };
};

/** The command that takes a publish back (its shifts to draft) and makes it again. */
export const publishCommandOf = (changes: ShiftChanges): Command | null => {
  if (changes.after.length === 0) return null;
  const shifts = changes.after.map(saveOf);
  return {
    label: `Publish ${counted(shifts.length, 'shift')}`,
    redo: { kind: 'republish', shifts },
    undo: { kind: 'unpublish', shifts },
  };
};

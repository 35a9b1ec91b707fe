/**
 * Planner actions as data: each change the server made is kept as the items that redo it and the items
 * that undo it, both sent through the same `rota:save` channel as any edit.
 */
import type { ShiftChanges, ShiftSave } from '../../../shared/contract/rota';
import type { Shift } from '../../../shared/schemas/shift';

export interface Command {
  label: string;
  redo: ShiftSave[];
  undo: ShiftSave[];
}

/** The fields of a shift the planner sends, with its id. */
export const saveOf = (s: Shift): ShiftSave => ({
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
    redo: changes.after.map(saveOf),
    undo: changes.after.map((a) => {
      const old = before.get(a.id);
      return old ? saveOf(old) : { ...saveOf(a), deleted: true };
    }),
  };
};

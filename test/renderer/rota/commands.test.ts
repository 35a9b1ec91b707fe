import { describe, expect, it } from 'vitest';
import { commandOf, publishCommandOf, saveOf } from '../../../renderer/features/rota/commands';
import { makeShift } from '../../shared/domain/rota/factories';

describe('planner commands as data', () => {
  it('undoes a new shift by deleting it and an edit by sending the old fields back', () => {
    const created = makeShift({ date: '2026-11-30', start: '07:00', end: '19:00' });
    const old = makeShift({ date: '2026-12-01', start: '07:00', end: '19:00', staffId: 'staff-aaaaaa' });
    const edited = { ...old, start: '08:00', staffId: null, rev: 2 };
    const cmd = commandOf('Edit', { before: [old], after: [created, edited] })!;
    expect(cmd.redo).toEqual({ kind: 'save', items: [saveOf(created), saveOf(edited)] });
    expect(cmd.undo).toEqual({ kind: 'save', items: [{ ...saveOf(created), deleted: true }, saveOf(old)] });
    expect(cmd.undo.kind === 'save' && cmd.undo.items[1]).not.toHaveProperty('rev');
  });

  it('makes no command when nothing changed', () => {
    expect(commandOf('Nothing', { before: [], after: [] })).toBeNull();
    expect(publishCommandOf({ before: [], after: [] })).toBeNull();
  });

  it('undoes a publish through its own channel with the shifts as the publish left them, and redoes it the same way', () => {
    const draft = makeShift({ date: '2026-11-30', start: '07:00', end: '19:00', status: 'draft' });
    const published = { ...draft, status: 'published' as const, rev: 2 };
    const cmd = publishCommandOf({ before: [draft], after: [published] })!;
    expect(cmd.label).toBe('Publish 1 shift');
    expect(cmd.undo).toEqual({ kind: 'unpublish', shifts: [saveOf(published)] });
    expect(cmd.redo).toEqual({ kind: 'republish', shifts: [saveOf(published)] });
  });
});

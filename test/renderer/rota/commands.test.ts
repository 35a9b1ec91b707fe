import { describe, expect, it } from 'vitest';
import { commandOf, saveOf } from '../../../renderer/features/rota/commands';
import { makeShift } from '../../shared/domain/rota/factories';

describe('planner commands as data', () => {
  it('undoes a new shift by deleting it and an edit by sending the old fields back', () => {
    const created = makeShift({ date: '2026-11-30', start: '07:00', end: '19:00' });
    const old = makeShift({ date: '2026-12-01', start: '07:00', end: '19:00', staffId: 'staff-aaaaaa' });
    const edited = { ...old, start: '08:00', staffId: null, rev: 2 };
    const cmd = commandOf('Edit', { before: [old], after: [created, edited] })!;
    expect(cmd.redo).toEqual([saveOf(created), saveOf(edited)]);
    expect(cmd.undo).toEqual([{ ...saveOf(created), deleted: true }, saveOf(old)]);
    expect(cmd.undo[1]).not.toHaveProperty('rev');
  });

  it('makes no command when nothing changed', () => {
    expect(commandOf('Nothing', { before: [], after: [] })).toBeNull();
  });
});

import type { Shift } from '../../shared/schemas/shift';

/** The fields of a shift nobody is on yet, as the planner first saves it: open, a draft, no notes, no override, no history. */
export const openDraft = (): Pick<Shift, 'staffId' | 'notes' | 'status' | 'override' | 'history' | 'deleted'> => ({
  staffId: null,
  notes: '',
  status: 'draft',
  override: null,
  history: [],
  deleted: false,
});

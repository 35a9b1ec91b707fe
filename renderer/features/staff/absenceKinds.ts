import type { AbsenceKind } from '../../../shared/domain/directory';

export const ABSENCE_LABEL: Record<AbsenceKind, string> = {
  'annual-leave': 'Annual leave',
  sickness: 'Sickness',
  training: 'Training',
  other: 'Other',
};
/** Letters for calendar cells, so a kind reads without its colour. */
export const ABSENCE_MARK: Record<AbsenceKind, string> = { 'annual-leave': 'AL', sickness: 'S', training: 'T', other: 'O' };

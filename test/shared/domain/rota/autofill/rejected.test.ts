/** The model's word on who cannot take each open shift is the ranked list's, shift by shift. */
import { describe, expect, it } from 'vitest';
import { evaluateCandidates, indexForShifts } from '../../../../../shared/domain/rota/candidates';
import { buildModel, prepareTrials } from '../../../../../shared/domain/rota/autofill/model';
import { smallWeek } from '../../../../main/autofill/smallWeek';

describe('the model of a fill', () => {
  it('rules out of each open shift whoever the ranked list rules out, for the same blocks, and keeps the rest as candidates', () => {
    for (let seed = 1; seed <= 12; seed += 1) {
      const { ctx, open } = smallWeek(seed * 7919);
      const openIds = new Set(open.map((s) => s.id));
      const fixed = { ...ctx, shifts: ctx.shifts.filter((s) => !openIds.has(s.id)) };
      // Made ahead (as the fill makes them) and made by the model itself: the same lists either way.
      for (const model of [buildModel(ctx, { open, trials: prepareTrials(ctx, open) }), buildModel(ctx, { open })]) {
        expect([...model.rejected.keys()].sort()).toEqual(open.map((s) => s.id).sort());
        for (const shift of open) {
          const ranked = evaluateCandidates(shift, indexForShifts(fixed, [shift], shift.id));
          expect(model.rejected.get(shift.id)).toEqual(ranked.rejected);
          // Read again (and through iteration), the same list.
          expect(new Map(model.rejected).get(shift.id)).toEqual(ranked.rejected);
          const candidates = [...model.pairs.values()].filter((p) => p.shift.id === shift.id).map((p) => p.staffId);
          expect(candidates.sort()).toEqual(ranked.candidates.map((c) => c.staffId).sort());
        }
      }
    }
  });
});

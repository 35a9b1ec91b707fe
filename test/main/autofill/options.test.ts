import { describe, expect, it } from 'vitest';
import { fillOptions } from '../../../main/services/autofill/options';

/**
 * The planner's fills ask for what the bench measured (docs/autoschedule.md, "Shorter fills"): within 2% of the
 * bound, each shift of a large fill keeping its 12 cheapest candidates (at 20 the design-load week took 16.7 s to
 * within 2%, at 12 it took 12.2 s), and a small fill keeping every candidate, so it is solved exactly.
 */
describe('the options the planner fills with', () => {
  it('caps a design-load week (about 1,000 open shifts) at 12 candidates a shift, within 2%', () => {
    expect(fillOptions(1_004, 60)).toEqual({ timeLimitS: 60, relGap: 0.02, maxCandidates: 12 });
  });
  it('caps a month the same way', () => {
    expect(fillOptions(4_300, 600).maxCandidates).toBe(12);
  });
  it('keeps every candidate on a fill of 200 open shifts or fewer', () => {
    expect(fillOptions(200, 30).maxCandidates).toBeUndefined();
    expect(fillOptions(12, 30).maxCandidates).toBeUndefined();
    expect(fillOptions(201, 30).maxCandidates).toBe(12);
  });
});

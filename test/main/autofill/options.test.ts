import { describe, expect, it } from 'vitest';
import { fillOptions } from '../../../main/services/autofill/options';
import type { RotaContext } from '../../../shared/domain/rota/types';

/**
 * The planner's fills ask for what was measured (3 Dec; options.ts and docs/autoschedule.md, "Shorter fills"):
 * within 2% of the bound; a fill of 200 open shifts or fewer keeps every candidate, so it is solved exactly; a
 * larger one keeps each shift's 12 cheapest candidates where the staff have about 4.4 open shifts a person a week
 * (the design load: 12 reached 2% in 12.2 s, 20 in 16.7 s), and 20 where they are tight (the demo's 60 staff and
 * 371 shifts a week, 6.2 each: with 12 the plan cost 14% more and left a shift open).
 */
const staff = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` })) as unknown as RotaContext['staff'];
const staffMap = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`p${i}`, { id: `p${i}` }])) as unknown as RotaContext['staff'];

describe('the options the planner fills with', () => {
  it('gives a design-load week (1,017 open shifts, 230 staff) 12 candidates a shift, within 2%, and a second dive on the helper thread', () => {
    expect(fillOptions(1_017, 7, staff(230), 60)).toEqual({ timeLimitS: 60, relGap: 0.02, maxCandidates: 12, diveThread: true });
  });
  it('gives the design-load December (4,650 open shifts over 31 days) 12 too', () => {
    expect(fillOptions(4_650, 31, staffMap(230), 600).maxCandidates).toBe(12);
  });
  it('gives a tightly staffed week (371 open shifts, 60 staff) 20 candidates a shift', () => {
    expect(fillOptions(371, 7, staff(60), 30).maxCandidates).toBe(20);
    expect(fillOptions(1_600, 31, staffMap(60), 180).maxCandidates).toBe(20);
  });
  it('keeps every candidate on a fill of 200 open shifts or fewer, and asks for no helper thread (HiGHS solves it whole)', () => {
    expect(fillOptions(200, 7, staff(60), 30).maxCandidates).toBeUndefined();
    expect(fillOptions(200, 7, staff(60), 30).diveThread).toBeUndefined();
    expect(fillOptions(12, 1, staff(3), 30).maxCandidates).toBeUndefined();
    expect(fillOptions(201, 7, staff(230), 30).maxCandidates).toBe(12);
  });
});

/** The plan's quality in words, as the issue asks for it ("within 1.8% of the best possible plan"). */
import { describe, expect, it } from 'vitest';
import { qualityWords } from '../../../main/services/autofill/jobs';
import { planFill } from '../../../main/services/autofill/plan';
import { smallWeek } from './smallWeek';

describe('quality in words', () => {
  it.each([
    [{ objective: 1000, bound: 982, gap: 0.018, status: 'within-gap' as const }, 'Within 1.8% of the best possible plan'],
    [{ objective: 1000, bound: 1000, gap: 0, status: 'optimal' as const }, 'The best possible plan (proven)'],
    [
      { objective: 1000, bound: 500, gap: 0.5, status: 'stopped' as const },
      'Within 50% of the best possible plan — stopped early, this is the best plan found so far',
    ],
    [
      { objective: 1000, bound: 563, gap: 0.437, status: 'time-limit' as const },
      'Within 43.7% of the best possible plan — the time allowed ran out before it could be proven closer',
    ],
    // A large fill keeps each shift's cheapest candidates only (options.ts): what is proven is against those plans.
    [
      { objective: 1000, bound: 982, gap: 0.018, status: 'within-gap' as const, candidateCap: 12 },
      "Within 1.8% of the best possible plan from each shift's 12 best-suited people",
    ],
    [
      { objective: 1000, bound: 1000, gap: 0, status: 'optimal' as const, candidateCap: 20 },
      "The best possible plan from each shift's 20 best-suited people (proven)",
    ],
  ])('%o reads “%s”', (plan, words) => {
    expect(qualityWords(plan)).toBe(words);
  });
});

describe('quality in words from a fill', () => {
  it('says the bound is among the shortlisted people when the fill kept a shortlist, and not otherwise', async () => {
    const { ctx, open } = smallWeek(1);
    const shortlisted = await planFill(ctx, open, { relGap: 0, timeLimitS: 1, maxCandidates: 2 });
    expect(shortlisted.candidateCap).toBe(2);
    expect(qualityWords(shortlisted)).toMatch(/best possible plan from each shift's 2 best-suited people/);
    const whole = await planFill(ctx, open, { relGap: 0, timeLimitS: 1 });
    expect(whole.candidateCap).toBeUndefined();
    expect(qualityWords(whole)).not.toMatch(/best-suited/);
  }, 60_000);
});

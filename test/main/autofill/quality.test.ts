/** The plan's quality in words, as the issue asks for it ("within 1.8% of the best possible plan"). */
import { describe, expect, it } from 'vitest';
import { qualityWords } from '../../../main/services/autofill/jobs';

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
  ])('%o reads “%s”', (plan, words) => {
    expect(qualityWords(plan)).toBe(words);
  });
});

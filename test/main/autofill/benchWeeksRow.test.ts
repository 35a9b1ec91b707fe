/**
 * The bench's `autofill_weeks_s` row (bench/autofill.ts): the sampled design-load weeks' times to within 2%, median and
 * p95, where a week that never got within 2% counts as its whole budget (a minute), not as the time it stopped at.
 */
import { describe, expect, it } from 'vitest';
import { weeksRow } from '../../../bench/autofill';
import type { Plan } from '../../../main/services/autofill/plan';

const week = (seconds: number, gap: number) => ({ seconds, gap }) as Plan;

describe('bench: the sampled weeks row', () => {
  it('takes the median and the nearest-rank p95 of the times, counting a week outside 2% as the full minute', () => {
    // 8 s and 20 s within 2%; 12 s at 2.5% counts as 60 s. Sorted: 8, 20, 60 → median 20, p95 (3rd of 3) 60.
    const row = weeksRow([week(8, 0.015), week(20, 0.019), week(12, 0.025)]);
    expect(row.name).toBe('autofill_weeks_s');
    expect(row.median).toBe(20);
    expect(row.p95).toBe(60);
    expect(row.note).toContain('1 of 3 within 2% in under 10 s');
    expect(row.note).toContain('8, 20, 60 s');
  });

  it('with twenty weeks, the p95 is the 19th time, not the slowest', () => {
    // 1 … 20 s, all within 2%: nearest rank ⌈0.95 × 20⌉ = 19 → 19 s; median of an even count, (10 + 11) / 2.
    const row = weeksRow(Array.from({ length: 20 }, (_, i) => week(i + 1, 0.01)));
    expect(row.p95).toBe(19);
    expect(row.median).toBe(10.5);
    expect(row.note).toContain('9 of 20 within 2% in under 10 s');
  });
});

import { describe, expect, it } from 'vitest';
import { clockFromEnv } from '../../main/clock';

describe('clockFromEnv', () => {
  it('stands at SITEDESK_CLOCK and runs on from there', async () => {
    const now = clockFromEnv({ SITEDESK_CLOCK: '2026-12-28T08:00:00Z' });
    const first = now();
    expect(first - Date.parse('2026-12-28T08:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(first - Date.parse('2026-12-28T08:00:00Z')).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(now()).toBeGreaterThan(first);
  });
  it('is the real clock when SITEDESK_CLOCK is not set', () => {
    expect(Math.abs(clockFromEnv({})() - Date.now())).toBeLessThan(1_000);
  });
  it('refuses a value that is not a date-time', () => {
    expect(() => clockFromEnv({ SITEDESK_CLOCK: 'next Tuesday' })).toThrow('SITEDESK_CLOCK must be an ISO date-time, got next Tuesday');
  });
});

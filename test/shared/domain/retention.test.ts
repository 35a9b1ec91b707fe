import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../shared/domain/retention';

const H = 3_600_000;
const D = 24 * H;
const now = Date.parse('2026-11-25T12:00:00Z');

describe('backupsToKeep', () => {
  it('keeps every backup of the last 24 hours, up to 48', () => {
    const stamps = Array.from({ length: 60 }, (_, i) => now - i * 20 * 60_000); // every 20 min for 20 h
    const keep = backupsToKeep(stamps, now);
    expect(stamps.slice(0, 48).every((t) => keep.has(t))).toBe(true);
    expect(keep.size).toBe(48);
  });

  it('keeps the newest of each day for 31 days, then the newest of each month for a year', () => {
    const stamps: number[] = [];
    for (let d = 1; d < 500; d += 1) stamps.push(now - d * D, now - d * D - 2 * H);
    const keep = [...backupsToKeep(stamps, now)].sort((a, b) => b - a);
    const daily = keep.filter((t) => now - t < 31 * D);
    // The newer of each of 30 days, plus yesterday's older one as one of the three newest.
    expect(daily).toHaveLength(31);
    expect(daily.filter((t) => stamps.indexOf(t) % 2 === 1)).toEqual([now - D - 2 * H]);
    expect(keep.every((t) => now - t < 366 * D)).toBe(true);
    const months = new Set(keep.filter((t) => now - t >= 31 * D).map((t) => new Date(t).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(11);
  });

  it('always keeps the three newest, however old', () => {
    const stamps = [now - 900 * D, now - 800 * D, now - 700 * D, now - 600 * D];
    expect([...backupsToKeep(stamps, now)].sort()).toEqual([now - 800 * D, now - 700 * D, now - 600 * D].sort());
  });

  it('keeps nothing from an empty list', () => {
    expect(backupsToKeep([], now).size).toBe(0);
  });
});

/**
 * Which rolling backups to keep: every backup of the last 24 hours (at most 48), the newest of each day
 * for 31 days, the newest of each month for a year, and always the three newest whatever their age.
 */
export const backupsToKeep = (stamps: number[], nowMs: number): Set<number> => {
  const DAY = 86_400_000;
  const sorted = [...stamps].sort((a, b) => b - a);
  const keep = new Set<number>(sorted.slice(0, 3));
  sorted
    .filter((t) => nowMs - t < DAY)
    .slice(0, 48)
    .forEach((t) => keep.add(t));
  const newestOf = (key: (t: number) => string, maxAge: number) => {
    const seen = new Set<string>();
    for (const t of sorted) {
      if (nowMs - t >= maxAge) break;
      const k = key(t);
      if (!seen.has(k)) {
        seen.add(k);
        keep.add(t);
      }
    }
  };
  newestOf((t) => new Date(t).toISOString().slice(0, 10), 31 * DAY);
  newestOf((t) => new Date(t).toISOString().slice(0, 7), 366 * DAY);
  return keep;
};

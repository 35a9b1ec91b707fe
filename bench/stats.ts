/** Summaries of repeated timings. */
export interface Stat {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Median, p95 (nearest rank), min and max of a list of samples. */
export const summarise = (samples: number[]): Stat => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(s[0]), max: round(s[s.length - 1]) };
};

/** Runs `fn` `reps` times and returns each run's milliseconds. */
export const timeEach = async (reps: number, fn: (i: number) => unknown): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
};

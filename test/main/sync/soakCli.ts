/**
 * `npm run soak -- --seeds N [--from 1] [--desks 15] [--managers 2] [--steps 200]`: the long soak
 * (test/main/sync/soak.ts), N seeds from `--from` (1 unless given), one after another. Exit code 1 if any seed found a problem.
 */
import { parseArgs } from 'node:util';
import { runSoak } from './soak';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    from: { type: 'string', default: '1' },
    desks: { type: 'string', default: '15' },
    managers: { type: 'string', default: '2' },
    steps: { type: 'string', default: '200' },
  },
});
const n = (s: string, what: string, max: number) => {
  const v = Number(s);
  if (!Number.isInteger(v) || v < 1 || v > max) {
    console.error(`--${what} is a whole number from 1 to ${max}`);
    process.exit(2);
  }
  return v;
};
const seeds = n(values.seeds, 'seeds', 10_000);
const from = n(values.from, 'from', 1_000_000);
const desks = n(values.desks, 'desks', 15);
const managers = n(values.managers, 'managers', 5);
const steps = n(values.steps, 'steps', 100_000);

let failed = 0;
for (let seed = from; seed < from + seeds; seed += 1) {
  const r = await runSoak({ seed, desks, managers, steps, log: (l) => console.log(l) });
  if (r.problems.length) failed += 1;
}
console.log(
  failed
    ? `${failed} of ${seeds} seeds found problems.`
    : `All ${seeds} seeds: every replica agreed and every acknowledged write was there.`,
);
process.exit(failed ? 1 : 0);

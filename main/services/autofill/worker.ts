/**
 * The auto-scheduler's worker thread: HiGHS blocks the thread it runs on for seconds to minutes, so it
 * never runs on main's. Progress is posted as it comes; a stop is a flag in shared memory, because the
 * solver's interrupt callback runs while this thread cannot read messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';
import { findingsDelta } from './findingsDelta';
import { serveGreedy, type GreedyWorkerData } from './greedy';
import { planFill, type PlanOptions } from './plan';

export interface WorkerInput {
  ctx: RotaContext;
  open: Shift[];
  options: Omit<PlanOptions, 'onProgress' | 'shouldStop'>;
  /** Int32Array over a SharedArrayBuffer; element 0 becomes 1 to stop. */
  stop: SharedArrayBuffer;
  /** Count the planner's findings before and after the plan for these weeks and sites (the preview's figures). */
  preview?: { from: string; to: string; sites: string[] };
  /** This module and how it was started: the greedy fill's helper thread is started the same way. */
  self?: { url: string; execArgv: string[] };
}

const run = (input: WorkerInput) => {
  const stop = new Int32Array(input.stop);
  planFill(input.ctx, input.open, {
    ...input.options,
    ...(input.self && input.options.greedyThread ? { greedyWorker: { url: new URL(input.self.url), execArgv: input.self.execArgv } } : {}),
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (p) => parentPort?.postMessage({ type: 'progress', progress: p }),
  })
    .then((plan) => {
      const p = input.preview;
      // A shift the plan takes from its holder and leaves open is open afterwards.
      const after = new Map<string, string | null>([
        ...plan.assignments.map((a) => [a.shiftId, a.staffId] as const),
        ...plan.unfilled.filter((u) => u.from !== null).map((u) => [u.shiftId, null] as const),
      ]);
      if (p) plan.findings = findingsDelta(input.ctx, after, p.from, p.to, p.sites);
      parentPort?.postMessage({ type: 'done', plan });
    })
    .catch((e: unknown) => parentPort?.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};

// The same module serves the greedy fill's helper thread (greedy.ts), which the fill starts from here.
const data = workerData as WorkerInput | GreedyWorkerData;
if ('role' in data && data.role === 'greedy') {
  if (parentPort) serveGreedy(data, parentPort);
} else run(data as WorkerInput);

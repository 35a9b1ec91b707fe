/**
 * The auto-scheduler's worker thread: HiGHS blocks the thread it runs on for seconds to minutes, so it
 * never runs on main's. Progress is posted as it comes; a stop is a flag in shared memory, because the
 * solver's interrupt callback runs while this thread cannot read messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';
import { findingsDelta } from './findingsDelta';
import { serveHelper, type GreedyWorkerData } from './greedy';
import { planFill, type Plan, type PlanOptions, type PlanProgress } from './plan';
import { loadHighs } from './solve';

/** One fill, posted to the thread as `{ type: 'fill', input }`; the thread serves fills one after another. */
export interface WorkerInput {
  ctx: RotaContext;
  open: Shift[];
  options: Omit<PlanOptions, 'onProgress' | 'shouldStop'>;
  /** Int32Array over a SharedArrayBuffer; element 0 becomes 1 to stop. */
  stop: SharedArrayBuffer;
  /** Count the planner's findings before and after the plan for these weeks and sites (the preview's figures). */
  preview?: { from: string; to: string; sites: string[] };
}

/** The thread's start data: this module and how it was started (the greedy fill's helper thread is started the same way). */
export interface FillWorkerData {
  role: 'fill';
  self: { url: string; execArgv: string[] };
}

export type WorkerMessage =
  { type: 'progress'; progress: PlanProgress } | { type: 'done'; plan: Plan } | { type: 'error'; message: string };

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

const run = (input: WorkerInput, self: FillWorkerData['self']) => {
  const stop = new Int32Array(input.stop);
  planFill(input.ctx, input.open, {
    ...input.options,
    ...(input.options.greedyThread ? { greedyWorker: { url: new URL(self.url), execArgv: self.execArgv } } : {}),
    ...(input.options.diveThread ? { diveWorker: { url: new URL(self.url), execArgv: self.execArgv } } : {}),
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (progress) => post({ type: 'progress', progress }),
  })
    .then((plan) => {
      const p = input.preview;
      // A shift the plan takes from its holder and leaves open is open afterwards.
      const after = new Map<string, string | null>([
        ...plan.assignments.map((a) => [a.shiftId, a.staffId] as const),
        ...plan.unfilled.filter((u) => u.from !== null).map((u) => [u.shiftId, null] as const),
      ]);
      if (p) plan.findings = findingsDelta(input.ctx, after, p.from, p.to, p.sites);
      post({ type: 'done', plan });
    })
    .catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};

// The same module serves the greedy fill's helper thread (greedy.ts), which the fill starts from here.
const data = workerData as FillWorkerData | GreedyWorkerData;
if (data.role === 'greedy') {
  if (parentPort) serveHelper(data, parentPort);
} else {
  parentPort?.on('message', (m: { type: 'fill'; input: WorkerInput }) => {
    if (m.type === 'fill') run(m.input, data.self);
  });
  // The solver's WebAssembly compiled while the thread waits for its first fill.
  void loadHighs();
}

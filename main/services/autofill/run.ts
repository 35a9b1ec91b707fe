/** Starting a fill on a worker thread, with progress and a stop that keeps the best plan so far. */
import { Worker } from 'node:worker_threads';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';
import type { Plan, PlanOptions, PlanProgress } from './plan';

export interface FillRun {
  /** Resolves with the plan: the best so far if stopped. */
  done: Promise<Plan>;
  stop: () => void;
}

/**
 * `workerUrl` is the worker's module: in the built app `out/main/autofillWorker.js`; in the tests the same
 * .ts file bundled with esbuild (test/support/bundleEntry.ts); in the bench the .ts file through tsx's loader.
 */
export const startFill = (
  workerUrl: URL,
  ctx: RotaContext,
  open: readonly Shift[],
  options: Omit<PlanOptions, 'onProgress' | 'shouldStop'>,
  onProgress: (p: PlanProgress) => void = () => {},
  execArgv: string[] = [],
  preview?: { from: string; to: string; sites: string[] },
): FillRun => {
  const stop = new SharedArrayBuffer(4);
  // Staff as an array: a Map survives structured cloning, but plain data is what the worker's contract says.
  const plainCtx = { ...ctx, staff: ctx.staff instanceof Map ? [...ctx.staff.values()] : ctx.staff };
  const worker = new Worker(workerUrl, {
    workerData: { ctx: plainCtx, open, options, stop, preview, self: { url: workerUrl.href, execArgv } },
    execArgv,
  });
  const done = new Promise<Plan>((resolve, reject) => {
    worker.on(
      'message',
      (m: { type: 'progress'; progress: PlanProgress } | { type: 'done'; plan: Plan } | { type: 'error'; message: string }) => {
        if (m.type === 'progress') onProgress(m.progress);
        else if (m.type === 'done') resolve(m.plan);
        else reject(new Error(m.message));
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The auto-scheduler stopped unexpectedly (exit code ${code})`));
    });
  }).finally(() => void worker.terminate());
  return { done, stop: () => Atomics.store(new Int32Array(stop), 0, 1) };
};

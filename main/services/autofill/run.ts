/**
 * Starting a fill on a worker thread, with progress and a stop that keeps the best plan so far.
 *
 * The thread is kept between fills (for `FILL_WORKER_IDLE_MS` after the last one ends): a new thread loads the
 * solver's WebAssembly and compiles the rules engine afresh, so a manager's second fill of the session, after a
 * change to the rota or the time allowed, starts where the first left off. Idle, it does not keep the process
 * alive; it ends after that long idle, which frees the solver's memory.
 */
import { Worker } from 'node:worker_threads';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';
import type { Plan, PlanOptions, PlanProgress } from './plan';
import type { WorkerInput, WorkerMessage } from './worker';

export interface FillRun {
  /** Resolves with the plan: the best so far if stopped. */
  done: Promise<Plan>;
  stop: () => void;
}

/** How long a fill's thread waits, idle, for the next fill before it ends. */
export const FILL_WORKER_IDLE_MS = 10 * 60_000;

interface Live {
  worker: Worker;
  /** The fill running on it, if any. */
  busy: { resolve: (p: Plan) => void; reject: (e: Error) => void; onProgress: (p: PlanProgress) => void } | null;
  idle: NodeJS.Timeout | null;
}

/** One kept thread per worker module and its start arguments. */
const live = new Map<string, Live>();

const keyOf = (url: URL, execArgv: string[]) => `${url.href}\n${execArgv.join(' ')}`;

const retire = (key: string, l: Live, why: Error): Promise<number> => {
  if (live.get(key) === l) live.delete(key);
  if (l.idle) clearTimeout(l.idle);
  const busy = l.busy;
  l.busy = null;
  busy?.reject(why);
  return l.worker.terminate();
};

const startWorker = (key: string, url: URL, execArgv: string[]): Live => {
  const worker = new Worker(url, { workerData: { role: 'fill', self: { url: url.href, execArgv } }, execArgv });
  const l: Live = { worker, busy: null, idle: null };
  worker.on('message', (m: WorkerMessage) => {
    const busy = l.busy;
    if (!busy) return;
    if (m.type === 'progress') busy.onProgress(m.progress);
    else {
      l.busy = null;
      idleFor(key, l);
      if (m.type === 'done') busy.resolve(m.plan);
      else busy.reject(new Error(m.message));
    }
  });
  worker.on('error', (e) => void retire(key, l, e));
  worker.on('exit', (code) => void retire(key, l, new Error(`The auto-scheduler stopped unexpectedly (exit code ${code})`)));
  return l;
};

const idleFor = (key: string, l: Live) => {
  l.worker.unref();
  if (l.idle) clearTimeout(l.idle);
  l.idle = setTimeout(() => void retire(key, l, new Error('idle')), FILL_WORKER_IDLE_MS);
  l.idle.unref();
};

/** Starts the kept thread for this worker module, if there is none: it loads the solver while it waits. */
export const warmFill = (workerUrl: URL, execArgv: string[] = []) => {
  const key = keyOf(workerUrl, execArgv);
  if (live.has(key)) return;
  const l = startWorker(key, workerUrl, execArgv);
  live.set(key, l);
  idleFor(key, l);
};

/** Ends every kept fill thread now (a fill running on one fails). For shutting down, and tests. */
export const endFillWorkers = async () => {
  const all = [...live.entries()];
  live.clear();
  await Promise.all(all.map(([key, l]) => retire(key, l, new Error('The auto-scheduler was shut down'))));
};

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
  const input: WorkerInput = { ctx: plainCtx, open: [...open], options, stop, preview };
  const key = keyOf(workerUrl, execArgv);
  let l = live.get(key);
  // A fill already running on the kept thread (the app runs one at a time; a bench or test may not) gets its own.
  const own = l?.busy ? startWorker(`${key}\n${Math.random()}`, workerUrl, execArgv) : null;
  if (!own && !l) live.set(key, (l = startWorker(key, workerUrl, execArgv)));
  const thread = own ?? l!;
  const done = new Promise<Plan>((resolve, reject) => {
    if (thread.idle) clearTimeout(thread.idle);
    thread.idle = null;
    thread.busy = { resolve, reject, onProgress };
    thread.worker.ref();
    thread.worker.postMessage({ type: 'fill', input });
  });
  if (own)
    void done.then(
      () => own.worker.terminate(),
      () => own.worker.terminate(),
    );
  return { done, stop: () => Atomics.store(new Int32Array(stop), 0, 1) };
};

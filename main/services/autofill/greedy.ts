/**
 * Today's one-shift-at-a-time fill (`fillOpenShifts`) on a second worker thread, so that it runs beside the
 * model's build instead of before it (the machine has two cores; at the design load each takes 2–4 s of CPU).
 * The plan is the same as on the fill's own thread: the same function on the same rota, cloned. When the
 * helper cannot start or fails, the fill runs it on its own thread as before.
 */
import { Worker } from 'node:worker_threads';
import { fillOpenShifts, type FillResult } from '../../../shared/domain/rota/fillOpenShifts';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';

/** Where the helper's module is: the auto-scheduler's worker (it serves the greedy fill when asked to). */
export interface GreedyWorkerSpec {
  url: URL;
  execArgv?: string[];
}

/** What the helper is started with, in `workerData`. */
export interface GreedyWorkerData {
  role: 'greedy';
  /** The rota without its shifts (they come with each request), staff as an array. */
  ctx: Omit<RotaContext, 'shifts'>;
}

interface Request {
  id: number;
  shifts: Shift[];
  open: Shift[];
}

type Reply = { id: number; result: FillResult } | { id: number; error: string };

export interface GreedyHelper {
  /** The greedy fill of `open` on the rota `{ ...ctx, shifts }`, computed on the helper's thread. */
  fill: (shifts: readonly Shift[], open: readonly Shift[]) => Promise<FillResult>;
  close: () => void;
}

const plainCtx = (ctx: RotaContext): Omit<RotaContext, 'shifts'> => {
  const { shifts: _shifts, ...rest } = ctx;
  return { ...rest, staff: ctx.staff instanceof Map ? [...ctx.staff.values()] : ctx.staff };
};

/** Starts the helper thread; its first request waits for it to load. Null when a worker cannot be made. */
export const startGreedyHelper = (spec: GreedyWorkerSpec, ctx: RotaContext): GreedyHelper | null => {
  let worker: Worker;
  try {
    const workerData: GreedyWorkerData = { role: 'greedy', ctx: plainCtx(ctx) };
    worker = new Worker(spec.url, { workerData, ...(spec.execArgv ? { execArgv: spec.execArgv } : {}) });
  } catch {
    return null;
  }
  worker.unref();
  const waiting = new Map<number, { resolve: (r: FillResult) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  const failAll = (e: Error) => {
    failed ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if ('error' in m) w.reject(new Error(m.error));
    else w.resolve(m.result);
  });
  worker.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', () => failAll(new Error('The greedy fill helper stopped')));
  let next = 0;
  return {
    fill: (shifts, open) => {
      if (failed) return Promise.reject(failed);
      const id = (next += 1);
      return new Promise<FillResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const request: Request = { id, shifts: [...shifts], open: [...open] };
        worker.postMessage(request);
      });
    },
    close: () => {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
};

/** The helper's side: answers each request with the greedy fill, until terminated. */
export const serveGreedy = (
  data: GreedyWorkerData,
  port: { on: (e: 'message', f: (m: Request) => void) => void; postMessage: (m: Reply) => void },
): void => {
  port.on('message', (m: Request) => {
    try {
      port.postMessage({ id: m.id, result: fillOpenShifts(m.open, { ...data.ctx, shifts: m.shifts } as RotaContext) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
};

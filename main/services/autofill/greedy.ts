/**
 * The fill's helper thread. Today's one-shift-at-a-time fill (`fillOpenShifts`), so that it runs beside the
 * model's build instead of before it (the machine has two cores; at the design load each takes 2–4 s of CPU):
 * the plan is the same as on the fill's own thread, the same function on the same rota, cloned. And a second
 * dive of a large part beside the fill's own (`runDive`, diveHelper.ts). When the helper cannot start or fails,
 * the fill runs the greedy fill on its own thread as before, and has no second dive.
 */
import { Worker } from 'node:worker_threads';
import { fillOpenShifts, type FillResult } from '../../../shared/domain/rota/fillOpenShifts';
import type { RotaContext } from '../../../shared/domain/rota/types';
import type { Shift } from '../../../shared/schemas/shift';
import { buildForDive, diveShared, runDive, type DiveRequest, type DiveResult, type ModelRequest } from './diveHelper';

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

interface GreedyRequest {
  kind: 'greedy';
  id: number;
  shifts: Shift[];
  open: Shift[];
}

type Request = GreedyRequest | ModelRequest | DiveRequest;

type Reply =
  { id: number; result: FillResult } | { id: number; dive: DiveResult } | { id: number; built: true } | { id: number; error: string };

/** A dive asked of the helper (`GreedyHelper.dive`). */
export interface DiveJob {
  /** Its plan once the helper has dived; null when it failed or stopped before a plan. */
  done: Promise<DiveResult | null>;
  /** The cost of the helper's plan as soon as it has one (before `done` can be read), else Infinity. */
  cost: () => number;
  /** Tells the helper to stop (it answers with no plan at its next check: a step of the dive or of its search). */
  stop: () => void;
}

export interface GreedyHelper {
  /** The greedy fill of `open` on the rota `{ ...ctx, shifts }`, computed on the helper's thread. */
  fill: (shifts: readonly Shift[], open: readonly Shift[]) => Promise<FillResult>;
  /** Builds a part's model on the helper's thread (`buildForDive`), for the dive asked next. */
  build: (req: Omit<ModelRequest, 'kind' | 'id'>) => void;
  /** A second dive of the model built last, from the fill's root (`runDive`). */
  dive: (req: Omit<DiveRequest, 'kind' | 'id' | 'shared'>) => DiveJob;
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
  const waiting = new Map<number, { resolve: (r: FillResult | DiveResult | true) => void; reject: (e: Error) => void }>();
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
    else w.resolve('dive' in m ? m.dive : 'built' in m ? m.built : m.result);
  });
  worker.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', () => failAll(new Error('The greedy fill helper stopped')));
  let next = 0;
  const ask = (
    request: Omit<GreedyRequest, 'id'> | Omit<ModelRequest, 'id'> | Omit<DiveRequest, 'id'>,
  ): Promise<FillResult | DiveResult | true> => {
    if (failed) return Promise.reject(failed);
    const id = (next += 1);
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  return {
    fill: (shifts, open) => ask({ kind: 'greedy', shifts: [...shifts], open: [...open] }) as Promise<FillResult>,
    // (A model that fails to build leaves no model: the dive after it answers with no plan.)
    build: (req) => void ask({ ...req, kind: 'model' }).catch(() => undefined),
    dive: (req) => {
      const shared = diveShared();
      const done = (ask({ ...req, kind: 'dive', shared: shared.buffer }) as Promise<DiveResult>).catch(() => null);
      return { done, cost: () => shared.cost[0], stop: () => Atomics.store(shared.stop, 0, 1) };
    },
    close: () => {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
};

/** The helper's side: answers each request (the greedy fill, or a dive), one after another, until terminated. */
export const serveHelper = (
  data: GreedyWorkerData,
  port: { on: (e: 'message', f: (m: Request) => void) => void; postMessage: (m: Reply) => void },
): void => {
  port.on('message', (m: Request) => {
    try {
      if (m.kind === 'model') {
        buildForDive(data.ctx, m);
        port.postMessage({ id: m.id, built: true });
      } else if (m.kind === 'dive') port.postMessage({ id: m.id, dive: runDive(m) });
      else port.postMessage({ id: m.id, result: fillOpenShifts(m.open, { ...data.ctx, shifts: m.shifts } as RotaContext) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
};

/** One call of HiGHS on an auto-scheduler model, with progress and a way to stop that keeps the best plan. */
import highsLoader, { type Highs } from 'highs';
import { chosenPairs, evaluate, greedyStart, toLp, type AutofillModel } from '../../../shared/domain/rota/autofill/model';

export interface SolveProgress {
  /** Best plan's objective so far (null before the first plan). */
  objective: number | null;
  /** The solver's proven lower bound on any plan's objective. */
  bound: number | null;
  /** Relative gap between them, 0–1. */
  gap: number | null;
  seconds: number;
}

export interface SolveOptions {
  timeLimitS?: number;
  /** Stop when the plan is proven within this fraction of the bound (0 = prove optimality). */
  relGap?: number;
  onProgress?: (p: SolveProgress, colValue?: Float64Array) => void;
  /** Polled by the solver; true stops it and keeps the best plan so far. */
  shouldStop?: () => boolean;
  /** Pairs to start from (a greedy plan when not given). */
  start?: ReadonlySet<number>;
  /** Columns held at a value (a neighbourhood search frees the rest); their rows then bind only the free ones. */
  fixed?: ReadonlyMap<number, number>;
  /**
   * Stop as soon as HiGHS has a plan of this objective or less by the model's own count (held columns' cost
   * included): the caller needs no better, so proving more would be time spent for nothing. The status is then
   * `gap-reached`.
   */
  enough?: number;
  /** HiGHS options for this call on top of the ones here (a repair window's, say). */
  highsOptions?: Record<string, number | boolean | string>;
}

export interface SolveResult {
  status: 'optimal' | 'gap-reached' | 'time-limit' | 'stopped' | 'infeasible' | 'error';
  colValue: Float64Array | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
}

let loading: Promise<Highs> | null = null;
/** HiGHS, loaded once per thread (the WebAssembly module takes ~100 ms). */
export const loadHighs = (locateFile?: (f: string) => string): Promise<Highs> =>
  (loading ??= highsLoader(locateFile ? { locateFile } : undefined));

const relGapOf = (objective: number, bound: number): number => Math.abs(objective - bound) / Math.max(1e-9, Math.abs(objective));

export const solveModel = async (model: AutofillModel, opts: SolveOptions = {}, highs?: Highs): Promise<SolveResult> => {
  const h = highs ?? (await loadHighs());
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  const m = h.createModel({ format: 'lp', data: toLp(model, opts.fixed) });
  try {
    m.options.set({
      output_flag: false,
      mip_rel_gap: opts.relGap ?? 1e-4,
      mip_abs_gap: opts.relGap === 0 ? 1e-9 : 1e-6,
      time_limit: opts.timeLimitS ?? 60,
      ...opts.highsOptions,
    });
    // LP text numbers the columns as they appear; ours go by name. Held columns are not in the text (toLp).
    const order = model.columns.map((c, i) => (opts.fixed?.has(i) ? -1 : m.getColByName(c.name)));
    // Start from a quick greedy plan: there is a plan to show (and to keep if stopped) from the first moment.
    const first = evaluate(model, opts.start ?? greedyStart(model));
    const start = first.values;
    const dense = new Float64Array(order.reduce((n, j) => (j >= 0 ? n + 1 : n), 0));
    order.forEach((j, i) => {
      if (j >= 0) dense[j] = start[i];
    });
    m.setSolution({ colValue: dense });
    // The cheapest plan seen by the model's own count, and that count (kept, so no plan is evaluated twice).
    let best = Float64Array.from(start);
    let bestCost = first.objective;
    opts.onProgress?.({ objective: first.objective, bound: null, gap: null, seconds: seconds() }, best);
    let stopped = false;
    let enough = false;
    const toOurs = (v: Float64Array) => {
      const out = new Float64Array(model.columns.length);
      order.forEach((j, i) => (out[i] = j >= 0 ? v[j] : (opts.fixed?.get(i) ?? 0)));
      return out;
    };
    const CB = h.constants.callbackType;
    m.run({
      [CB.mipImprovingSolution](e) {
        if (e.data.mip_solution) {
          const next = toOurs(e.data.mip_solution);
          const cost = evaluate(model, chosenPairs(model, next)).objective;
          if (cost <= bestCost) {
            best = next;
            bestCost = cost;
          }
          if (opts.enough !== undefined && cost <= opts.enough) enough = true;
        }
        opts.onProgress?.(
          {
            objective: e.data.objective_function_value ?? null,
            bound: e.data.mip_dual_bound ?? null,
            gap: e.data.mip_gap ?? null,
            seconds: seconds(),
          },
          best,
        );
        return undefined;
      },
      [CB.mipInterrupt](e) {
        if (opts.shouldStop?.()) {
          stopped = true;
          e.interrupt();
        } else if (enough) e.interrupt();
        return undefined;
      },
    });
    const code = m.getModelStatus();
    const S = h.constants.modelStatus;
    if (code === S.infeasible) return { status: 'infeasible', colValue: null, objective: null, bound: null, gap: null, seconds: seconds() };
    const info = (k: string): number | null => {
      try {
        const v = Number(m.info.get(k));
        return Number.isFinite(v) ? v : null;
      } catch {
        return null;
      }
    };
    let colValue = best;
    let fromSolver = false;
    // 2 = a feasible primal solution. Keep whichever of it and the best plan seen (at worst the start,
    // which HiGHS may have declined over a rounding in the LP text) costs less by the model's own count.
    if (info('primal_solution_status') === 2) {
      const solved = toOurs(m.getSolution().colValue);
      if (evaluate(model, chosenPairs(model, solved)).objective <= bestCost) {
        colValue = solved;
        fromSolver = true;
      }
    }
    // The solver's own figure when its plan is kept, so it compares with its bound like for like.
    const objective = fromSolver ? info('objective_function_value') : bestCost;
    // No bound when HiGHS proved none (its root relaxation unfinished): never the plan's own cost, which would claim a gap of 0.
    const bound = code === S.optimal ? (info('mip_dual_bound') ?? objective) : info('mip_dual_bound');
    const gap = objective !== null && bound !== null ? relGapOf(objective, bound) : null;
    const status: SolveResult['status'] = stopped
      ? 'stopped'
      : code === S.optimal
        ? gap !== null && gap <= 1e-9
          ? 'optimal'
          : 'gap-reached'
        : code === S.timeLimit
          ? 'time-limit'
          : code === S.interrupted
            ? enough
              ? 'gap-reached'
              : 'stopped'
            : colValue
              ? 'gap-reached'
              : 'error';
    return { status, colValue, objective, bound, gap, seconds: seconds() };
  } finally {
    m.dispose();
  }
};

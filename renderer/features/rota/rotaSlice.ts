import { copyNotice } from './copyNotice';
import { call } from '../../api';
import { download } from '../../components/download';
import { addDays, londonToday, weekStart } from '../../../shared/domain/dates';
import type { Candidate } from '../../../shared/domain/rota';
import type {
  CopyResult,
  FillWeekResult,
  PatternPreview,
  PersonView,
  ShiftChanges,
  ShiftSave,
  WeekView,
} from '../../../shared/contract/rota';
import type { Err, Result } from '../../../shared/result';
import type { AutofillStatus, BuildResult } from '../../../shared/contract/autofill';
import type { PatternInput, ShiftPattern, ShiftTemplate, TemplateInput } from '../../../shared/schemas/rotaPlan';
import type { Load, Slice } from '../../store/types';
import { commandOf, publishCommandOf, type Command, type Step } from './commands';
import { counted } from '../../../shared/domain/counted';

export type PlannerMode = 'sites' | 'people';

export interface RotaSlice {
  rotaWeek: string;
  rotaSite: string | null;
  rotaMode: PlannerMode;
  rota: Load<WeekView>;
  /** Weeks already fetched, by `monday|site`, so moving between them is instant. */
  rotaCache: Record<string, WeekView>;
  selection: string[];
  undoStack: Command[];
  redoStack: Command[];
  rotaNotice: { tone: 'ok' | 'warn' | 'error'; text: string } | null;
  plans: { templates: ShiftTemplate[]; patterns: ShiftPattern[] };
  /** `revalidate`: ask main anew even for a week fetched moments ago (the planner opening after work elsewhere). */
  loadWeek: (week?: string, site?: string | null, revalidate?: boolean) => Promise<void>;
  moveWeek: (weeks: number) => Promise<void>;
  setRotaMode: (mode: PlannerMode) => void;
  select: (ids: string[]) => void;
  /** Sends a planner change; on success it becomes an undoable command. */
  saveShifts: (label: string, items: ShiftSave[], override?: string | null) => Promise<Err | null>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  publishWeek: () => Promise<Err | null>;
  copyWeekFrom: (from: string, override?: string | null) => Promise<{ error: Err | null; result?: CopyResult }>;
  fillWeek: () => Promise<FillWeekResult | Err>;
  /** Creates the open shifts the sites' cover needs, as one undoable step. */
  buildFromCover: (from: string, to: string, sites: string[] | null) => Promise<BuildResult | Err>;
  /** `moveExisting`: shifts that have a person may be given to someone else (off: kept as they are). */
  startAutofill: (
    from: string,
    to: string,
    sites: string[] | null,
    timeLimitS: number,
    moveExisting: boolean,
  ) => Promise<AutofillStatus | Err>;
  autofillStatus: (jobId: string) => Promise<AutofillStatus | Err>;
  /** Readies the auto-scheduler (the fill panel opening): the first fill then starts at once. */
  warmAutofill: () => Promise<void>;
  stopAutofill: (jobId: string) => Promise<AutofillStatus | Err>;
  /** Writes a finished fill's plan, as one undoable step. */
  applyAutofill: (jobId: string) => Promise<number | Err>;
  candidatesFor: (shiftId: string, date: string) => Promise<Candidate[] | Err>;
  loadPlans: () => Promise<void>;
  savePattern: (input: PatternInput) => Promise<ShiftPattern | Err>;
  saveTemplate: (input: TemplateInput) => Promise<Err | null>;
  deletePlan: (kind: 'template' | 'pattern', id: string) => Promise<Err | null>;
  previewPattern: (patternId: string, from: string, to: string) => Promise<PatternPreview | Err>;
  applyPattern: (patternId: string, from: string, to: string, override?: string | null) => Promise<Err | null>;
  personRota: (staffId: string, from: string, to: string) => Promise<PersonView | Err>;
  exportWeekCsv: () => Promise<void>;
  exportPersonIcs: (staffId: string, from: string, to: string) => Promise<void>;
  dismissRotaNotice: () => void;
}

const keyOf = (week: string, site: string | null) => `${week}|${site ?? '*'}`;
const isErr = (x: unknown): x is Err => typeof x === 'object' && x !== null && (x as Err).ok === false;
export { isErr };

/**
 * How long a fetched week is shown again without asking main for it anew: long enough that clicking
 * through weeks never waits behind a re-read of a week just fetched, short enough that a change synced
 * from another desk shows on the next visit. Any save here empties the cache at once.
 */
const FRESH_MS = 10_000;

export const createRotaSlice: Slice<RotaSlice> = (set, get) => {
  // One request per week at a time: a click on a week being prefetched waits for that answer instead
  // of queueing a second read of the same week behind it in main.
  const inFlight = new Map<string, Promise<Result<WeekView>>>();
  const fetchedAt = new Map<string, number>();
  // Answers asked before the cache was emptied (by a save) are not kept: they may predate the save.
  let generation = 0;
  const fetchWeek = (week: string, site: string | null): Promise<Result<WeekView>> => {
    const key = keyOf(week, site);
    const running = inFlight.get(key);
    if (running) return running;
    const asked = generation;
    const request = call('rota:week', { week, site }).then((r) => {
      if (inFlight.get(key) === request) inFlight.delete(key);
      if (r.ok && asked === generation) {
        fetchedAt.set(key, Date.now());
        set((s) => ({ rotaCache: { ...s.rotaCache, [key]: r.data } }));
      }
      return r;
    });
    inFlight.set(key, request);
    return request;
  };
  // Neighbouring weeks are fetched quietly after each load, so the next key press shows at once; the
  // week in the direction the user is moving first. Stepping week by week (Previous/Next), the week after
  // that too: someone clicking through weeks as fast as they show would otherwise wait for main to read
  // and check each one in turn, while with one in hand main works on the next during the click.
  const prefetch = (week: string, site: string | null, step = -7, ahead = 1) => {
    const weeks = [addDays(week, step), ...(ahead > 1 ? [addDays(week, 2 * step)] : []), addDays(week, -step)];
    for (const w of weeks) if (!get().rotaCache[keyOf(w, site)]) void fetchWeek(w, site);
  };
  const refresh = async () => {
    const { rotaWeek, rotaSite } = get();
    generation += 1;
    inFlight.clear();
    fetchedAt.clear();
    set({ rotaCache: {} });
    const r = await fetchWeek(rotaWeek, rotaSite);
    if (get().rotaWeek === rotaWeek && get().rotaSite === rotaSite)
      set({ rota: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    prefetch(rotaWeek, rotaSite);
  };
  const push = (cmd: Command | null) => {
    if (cmd) set((s) => ({ undoStack: [...s.undoStack.slice(-99), cmd], redoStack: [] }));
  };
  const remember = (label: string, changes: ShiftChanges) => push(commandOf(label, changes));
  const run = async (step: Step) =>
    step.kind === 'save'
      ? call('rota:save', { items: step.items, override: null })
      : call(step.kind === 'unpublish' ? 'rota:unpublish' : 'rota:republish', { shifts: step.shifts });

  const load = async (week: string, site: string | null, revalidate: boolean, ahead: number) => {
    const monday = weekStart(week);
    const key = keyOf(monday, site);
    const step = monday < get().rotaWeek ? -7 : 7;
    const cached = get().rotaCache[key];
    set({ rotaWeek: monday, rotaSite: site, selection: [], rota: cached ? { status: 'ready', data: cached } : { status: 'loading' } });
    if (cached) {
      // Shown at once; the next week along is asked for first, then this one is brought up to date
      // unless it was fetched moments ago.
      prefetch(monday, site, step, ahead);
      if (!revalidate && Date.now() - (fetchedAt.get(key) ?? 0) < FRESH_MS) return;
    }
    const r = await fetchWeek(monday, site);
    if (get().rotaWeek !== monday || get().rotaSite !== site) return;
    set({ rota: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    prefetch(monday, site, step, ahead);
  };

  return {
    rotaWeek: weekStart(londonToday(Date.now())),
    rotaSite: null,
    rotaMode: 'sites',
    rota: { status: 'idle' },
    rotaCache: {},
    selection: [],
    undoStack: [],
    redoStack: [],
    rotaNotice: null,
    plans: { templates: [], patterns: [] },

    loadWeek: (week = get().rotaWeek, site = get().rotaSite, revalidate = false) => load(week, site, revalidate, 1),
    moveWeek: (weeks) => load(addDays(get().rotaWeek, 7 * weeks), get().rotaSite, false, 2),
    setRotaMode: (mode) => set({ rotaMode: mode }),
    select: (ids) => set({ selection: ids }),

    saveShifts: async (label, items, override = null) => {
      const r = await call('rota:save', { items, override });
      if (!r.ok) return r;
      remember(label, r.data);
      set({ selection: [], rotaNotice: { tone: 'ok', text: `${label}. Undo with Ctrl+Z.` } });
      await refresh();
      return null;
    },
    undo: async () => {
      const cmd = get().undoStack.at(-1);
      if (!cmd) return;
      const r = await run(cmd.undo);
      if (!r.ok) return set({ rotaNotice: { tone: 'error', text: `Could not undo “${cmd.label}”: ${r.message}` } });
      const text =
        cmd.undo.kind === 'unpublish'
          ? `Publish undone: ${cmd.undo.shifts.length} shifts are drafts again. Redo with Ctrl+Shift+Z.`
          : `Undone: ${cmd.label}`;
      set((s) => ({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, cmd], rotaNotice: { tone: 'ok', text } }));
      await refresh();
    },
    redo: async () => {
      const cmd = get().redoStack.at(-1);
      if (!cmd) return;
      const r = await run(cmd.redo);
      if (!r.ok) return set({ rotaNotice: { tone: 'error', text: `Could not redo “${cmd.label}”: ${r.message}` } });
      set((s) => ({
        redoStack: s.redoStack.slice(0, -1),
        undoStack: [...s.undoStack, cmd],
        rotaNotice: { tone: 'ok', text: `Redone: ${cmd.label}` },
      }));
      await refresh();
    },

    publishWeek: async () => {
      const r = await call('rota:publish', { week: get().rotaWeek, site: get().rotaSite });
      if (!r.ok) return r;
      push(publishCommandOf(r.data));
      const n = r.data.after.length;
      set({
        rotaNotice: {
          tone: 'ok',
          text:
            n === 0
              ? 'Nothing to publish: the week has no drafts.'
              : `Published ${counted(n, 'shift')}. Later changes are kept in each shift's history. Undo with Ctrl+Z.`,
        },
      });
      await refresh();
      return null;
    },
    copyWeekFrom: async (from, override = null) => {
      const r = await call('rota:copy-week', { from, to: get().rotaWeek, site: get().rotaSite, override });
      if (!r.ok) return { error: r };
      // (A week with nothing in it, or nothing the week shown lacks, copies nothing: no step to undo, and a warning.)
      const copied = r.data.after.length > 0;
      if (copied) remember('Copy week', r.data);
      const open = r.data.leftOpen.length;
      const week = get().rota;
      const names = new Map((week.status === 'ready' ? week.data.staff : []).map((p) => [p.id, p.name]));
      set({ rotaNotice: { tone: open || !copied ? 'warn' : 'ok', text: copyNotice(r.data, names, weekStart(from), get().rotaWeek) } });
      await refresh();
      return { error: null, result: r.data };
    },
    fillWeek: async () => {
      const r = await call('rota:fill-week', { week: get().rotaWeek, site: get().rotaSite });
      if (!r.ok) return r;
      remember('Fill open shifts', r.data);
      await refresh();
      return r.data;
    },
    buildFromCover: async (from, to, sites) => {
      const r = await call('rota:build-from-cover', { from, to, sites });
      if (!r.ok) return r;
      const n = r.data.after.length;
      remember(`Build ${counted(n, 'shift')} from cover`, r.data);
      await refresh();
      return r.data;
    },
    startAutofill: async (from, to, sites, timeLimitS, moveExisting) => {
      const r = await call('rota:autofill-start', { from, to, sites, timeLimitS, moveExisting });
      return r.ok ? r.data : r;
    },
    warmAutofill: async () => {
      // Only an optimisation: a refusal or failure here changes nothing the manager sees.
      await call('rota:autofill-warm', {});
    },
    autofillStatus: async (jobId) => {
      const r = await call('rota:autofill-status', { jobId });
      return r.ok ? r.data : r;
    },
    stopAutofill: async (jobId) => {
      const r = await call('rota:autofill-stop', { jobId });
      return r.ok ? r.data : r;
    },
    applyAutofill: async (jobId) => {
      const r = await call('rota:autofill-apply', { jobId });
      if (!r.ok) return r;
      const n = r.data.after.length;
      remember(`Auto-fill ${counted(n, 'shift')}`, r.data);
      set({ rotaNotice: { tone: 'ok', text: `Auto-fill applied to ${counted(n, 'shift')}. Undo with Ctrl+Z.` } });
      await refresh();
      return n;
    },
    candidatesFor: async (shiftId, date) => {
      const r = await call('rota:candidates', { shiftId, date });
      return r.ok ? r.data : r;
    },
    loadPlans: async () => {
      const r = await call('rota:plans', {});
      if (r.ok) set({ plans: r.data });
    },
    savePattern: async (input) => {
      const r = await call('rota:save-pattern', input);
      if (!r.ok) return r;
      await get().loadPlans();
      return r.data;
    },
    saveTemplate: async (input) => {
      const r = await call('rota:save-template', input);
      if (!r.ok) return r;
      await get().loadPlans();
      return null;
    },
    deletePlan: async (kind, id) => {
      const r = await call('rota:delete-plan', { kind, id });
      if (!r.ok) return r;
      await get().loadPlans();
      return null;
    },
    previewPattern: async (patternId, from, to) => {
      const r = await call('rota:pattern-preview', { patternId, from, to });
      return r.ok ? r.data : r;
    },
    applyPattern: async (patternId, from, to, override = null) => {
      const r = await call('rota:apply-pattern', { patternId, from, to, override });
      if (!r.ok) return r;
      remember('Apply pattern', r.data);
      set({ rotaNotice: { tone: 'ok', text: `Created ${r.data.after.length} draft shifts from the pattern. Undo with Ctrl+Z.` } });
      await refresh();
      return null;
    },
    personRota: async (staffId, from, to) => {
      const r = await call('rota:person', { staffId, from, to });
      return r.ok ? r.data : r;
    },
    exportWeekCsv: async () => {
      const r = await call('rota:export-csv', { week: get().rotaWeek, site: get().rotaSite });
      if (r.ok) download(r.data);
      else set({ rotaNotice: { tone: 'error', text: r.message } });
    },
    exportPersonIcs: async (staffId, from, to) => {
      const r = await call('rota:export-ics', { staffId, from, to });
      if (r.ok) download(r.data);
      else set({ rotaNotice: { tone: 'error', text: r.message } });
    },
    dismissRotaNotice: () => set({ rotaNotice: null }),
  };
};

/**
 * Moving between weeks in the planner: each week is asked of main once at a time, the week the user is
 * heading to is asked for first (stepping through weeks, the one after it too), and a week fetched
 * moments ago is shown without asking again. Before,
 * a click on a week being prefetched asked main for it a second time, queued behind the prefetches and
 * a re-read of the week just shown (`week_view_rapid_ms` 165–612 ms).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WeekView } from '../../../shared/contract/rota';

/** Every rota:week request, in the order made, each answered when the test says. */
let asked: { week: string; answer: (v: WeekView) => void }[] = [];
vi.mock('../../../renderer/api', () => ({
  call: (channel: string, payload: { week: string }) =>
    channel === 'rota:week'
      ? new Promise((resolve) => asked.push({ week: payload.week, answer: (data) => resolve({ ok: true, data }) }))
      : Promise.resolve({ ok: true, data: { before: [], after: [] } }),
  onFailure: () => () => undefined,
}));
const { useStore } = await import('../../../renderer/store/appStore');

const view = (week: string, tag = ''): WeekView =>
  ({
    weekStart: week,
    dates: [],
    site: null,
    sites: [],
    shifts: [],
    context: [],
    staff: [],
    findings: [],
    gaps: [],
    tag,
  }) as unknown as WeekView;
/** Answers the oldest unanswered request for `week`. */
const answer = async (week: string, tag = '') => {
  const i = asked.findIndex((a) => a.week === week);
  expect(i, `a request for ${week}`).toBeGreaterThanOrEqual(0);
  const [req] = asked.splice(i, 1);
  req.answer(view(week, tag));
  await Promise.resolve();
  await Promise.resolve();
};
const weeksAsked = () => asked.map((a) => a.week);
const shown = () => {
  const r = useStore.getState().rota;
  return r.status === 'ready' ? `${r.data.weekStart}${(r.data as unknown as { tag: string }).tag}` : r.status;
};

// The store is one for the whole file: each test works on weeks of its own month, and starts with no
// week held (requests a test leaves unanswered are for weeks no other test asks for).
beforeEach(() => {
  asked = [];
  useStore.setState({ rotaCache: {} });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('moving between weeks', () => {
  it('a click on a week still being prefetched waits for that answer instead of asking main again', async () => {
    const loading = useStore.getState().loadWeek('2026-11-23', null);
    await answer('2026-11-23');
    await loading;
    // After the week shows, its neighbours are asked for: the one before first.
    expect(weeksAsked()).toEqual(['2026-11-16', '2026-11-30']);
    const back = useStore.getState().moveWeek(-1);
    expect(shown()).toBe('loading');
    expect(weeksAsked()).toEqual(['2026-11-16', '2026-11-30']);
    await answer('2026-11-16');
    await back;
    expect(shown()).toBe('2026-11-16');
    // Heading back in time, the week before is asked for first, then the one before that (someone
    // clicking on as fast as weeks show finds the next in hand); the week after is already held.
    expect(weeksAsked()).toEqual(['2026-11-30', '2026-11-09', '2026-11-02']);
  });

  it('a week fetched moments ago shows at once and is not asked for again; after 10 s it is brought up to date', async () => {
    const first = useStore.getState().loadWeek('2026-06-15', null);
    await answer('2026-06-15');
    await first;
    await answer('2026-06-08');
    await answer('2026-06-22');
    // Seconds later, back a week: shown from the prefetch, and only the next two weeks back are asked for.
    vi.setSystemTime(new Date('2026-11-25T12:00:03Z'));
    await useStore.getState().moveWeek(-1);
    expect(shown()).toBe('2026-06-08');
    expect(weeksAsked()).toEqual(['2026-06-01', '2026-05-25']);
    await answer('2026-06-01');
    await answer('2026-05-25');
    // Twelve seconds after 15 Jun was fetched, forward again: shown at once, the week after next (not
    // held) asked for, and 15 Jun asked for anew.
    vi.setSystemTime(new Date('2026-11-25T12:00:12Z'));
    const forward = useStore.getState().moveWeek(1);
    expect(shown()).toBe('2026-06-15');
    expect(weeksAsked()).toEqual(['2026-06-29', '2026-06-15']);
    await answer('2026-06-15', ' (re-read)');
    await forward;
    expect(shown()).toBe('2026-06-15 (re-read)');
  });

  it('opening the planner asks for the week anew even if it was fetched moments ago (work done on another screen shows)', async () => {
    const first = useStore.getState().loadWeek('2026-09-14', null);
    await answer('2026-09-14');
    await first;
    await answer('2026-09-07');
    await answer('2026-09-21');
    // Two seconds later a manager approves leave on another screen, then opens the planner again.
    vi.setSystemTime(new Date('2026-11-25T12:00:02Z'));
    const reopened = useStore.getState().loadWeek(undefined, undefined, true);
    expect(shown()).toBe('2026-09-14');
    expect(weeksAsked()).toContain('2026-09-14');
    await answer('2026-09-14', ' (after the leave)');
    await reopened;
    expect(shown()).toBe('2026-09-14 (after the leave)');
  });

  it('after a save, an answer asked before it is neither kept nor handed to the week asked after it', async () => {
    const first = useStore.getState().loadWeek('2026-03-16', null);
    await answer('2026-03-16');
    await first;
    // The week before is still being prefetched when the manager saves a change.
    const saving = useStore.getState().saveShifts('Moved a shift', []);
    await Promise.resolve();
    await Promise.resolve();
    expect(weeksAsked()).toEqual(['2026-03-09', '2026-03-23', '2026-03-16']);
    await answer('2026-03-16', ' (after the save)');
    await saving;
    expect(shown()).toBe('2026-03-16 (after the save)');
    // The prefetch asked before the save answers now: it must not stand in for the week after the save.
    await answer('2026-03-09', ' (before the save)');
    expect(useStore.getState().rotaCache['2026-03-09|*']).toBeUndefined();
    expect(weeksAsked()).toEqual(['2026-03-23', '2026-03-09', '2026-03-23']);
  });
});

/**
 * The auto-scheduler's channels against a real data folder: build from cover, a fill in the worker with
 * progress and a preview that writes nothing, apply in one change, refusals that change nothing.
 */
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AutofillStatus } from '../../../shared/contract/autofill';
import { coverGaps } from '../../../shared/domain/rota/coverGaps';
import { input, item, okData, rotaWorld, type RotaWorld } from '../rota/setup';
import { bundleEntry } from '../../support/bundleEntry';

/** The auto-scheduler's worker module, bundled once (see `bundleEntry`), as the built app bundles it. */
let WORKER: { url: URL };
beforeAll(async () => {
  WORKER = { url: pathToFileURL(await bundleEntry('main/services/autofill/worker.ts')) };
});
const FROM = '2026-12-07';
const TO = '2026-12-08';

const officer = (n: number, hours: number) => ({
  services: ['security' as const],
  familiarSites: ['CH'],
  homeSite: 'CH',
  contractedHours: hours,
  name: `Officer ${n}`,
});

const world = async (): Promise<RotaWorld> => {
  const w = await rotaWorld(Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`Officer${n}`, officer(n, n % 2 ? 48 : 36)])));
  w.t.opened.app.autofillWorker = WORKER;
  return w;
};

const waitDone = async (w: RotaWorld, jobId: string): Promise<AutofillStatus> => {
  for (let i = 0; i < 600; i += 1) {
    const s = okData(await w.t.call('rota:autofill-status', { jobId }, w.m));
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The fill did not finish in 60 s');
};

describe('build from cover and auto-fill, through the channels', () => {
  it('builds the open shifts CH’s cover needs, once; filling them all would leave no cover gap', async () => {
    const w = await world();
    const built = okData(await w.t.call('rota:build-from-cover', { from: FROM, to: TO, sites: ['CH'] }, w.m));
    // CH: security 24/7 with a second officer on weekdays by day, reception 08:00–18:00 × 2, cleaning 05:00–08:00 × 3 and 18:00–21:00 × 2.
    expect(built.after.length).toBeGreaterThan(0);
    expect(built.after.every((s) => s.staffId === null && s.site === 'CH' && s.status === 'draft')).toBe(true);
    expect(built.bySource.cover).toBe(built.after.length);
    const again = okData(await w.t.call('rota:build-from-cover', { from: FROM, to: TO, sites: ['CH'] }, w.m));
    expect(again.after).toEqual([]);
    const site = w.t.opened.app.repos.sites.all().find((s) => s.code === 'CH')!;
    const filled = built.after.map((s, i) => ({ ...s, staffId: `someone-${i + 1}` }));
    for (const service of site.services) expect(coverGaps(site, service, filled, FROM, TO, [])).toEqual([]);
  });

  it('fills in the background, previews without writing, applies in one change whose findings are the preview’s, and refuses a second apply', async () => {
    const w = await world();
    okData(await w.t.call('rota:build-from-cover', { from: FROM, to: TO, sites: ['CH'] }, w.m));
    const before = okData(await w.t.call('rota:week', { week: FROM, site: null }, w.m));
    const started = okData(await w.t.call('rota:autofill-start', { from: FROM, to: TO, sites: ['CH'], timeLimitS: 30 }, w.m));
    expect(started.state).toBe('running');
    expect(started.openShifts).toBe(before.shifts.filter((s) => s.date <= TO).length);
    // One fill at a time.
    const second = await w.t.call('rota:autofill-start', { from: FROM, to: TO, sites: null, timeLimitS: 30 }, w.m);
    expect(second.ok ? null : second.code).toBe('conflict');
    const done = await waitDone(w, started.jobId);
    expect(done.state).toBe('done');
    const p = done.preview!;
    // Only security staff: every security shift is filled; reception and cleaning stay open with a reason.
    expect(p.assignments.length).toBeGreaterThan(0);
    expect(p.assignments.every((a) => a.shift.includes('security') && a.person.startsWith('Officer') && a.reasons.length >= 2)).toBe(true);
    expect(p.unfilled.length).toBeGreaterThan(0);
    expect(p.unfilled.every((u) => /^No (receptionist|cleaner) is free at CH on /.test(u.reason))).toBe(true);
    expect(p.quality).toMatch(/best possible plan/);
    expect(p.bound).toBeLessThanOrEqual(p.objective);
    expect(p.greedyObjective).not.toBeNull();
    expect(p.objective).toBeLessThanOrEqual(p.greedyObjective!);
    // Nothing written by the preview.
    const still = okData(await w.t.call('rota:week', { week: FROM, site: null }, w.m));
    expect(still.shifts.every((s) => s.staffId === null)).toBe(true);

    const applied = okData(await w.t.call('rota:autofill-apply', { jobId: started.jobId }, w.m));
    expect(applied.after.map((s) => [s.id, s.staffId]).sort()).toEqual(p.assignments.map((a) => [a.shiftId, a.staffId]).sort());
    const after = okData(await w.t.call('rota:week', { week: FROM, site: null }, w.m));
    const count = (sev: string) => after.findings.filter((f) => f.severity === sev).length;
    expect(count('block')).toBe(0);
    expect({ block: count('block'), warn: count('warn') }).toEqual(p.weeks.find((x) => x.weekStart === FROM)!.after);
    const twice = await w.t.call('rota:autofill-apply', { jobId: started.jobId }, w.m);
    expect(twice.ok ? null : twice.code).toBe('conflict');
  }, 90_000);

  it('refuses to apply over a shift changed since the plan, writing nothing; a stop keeps the plan found so far', async () => {
    const w = await world();
    const built = okData(await w.t.call('rota:build-from-cover', { from: FROM, to: FROM, sites: ['CH'] }, w.m));
    const started = okData(await w.t.call('rota:autofill-start', { from: FROM, to: FROM, sites: ['CH'], timeLimitS: 60 }, w.m));
    okData(await w.t.call('rota:autofill-stop', { jobId: started.jobId }, w.m));
    const done = await waitDone(w, started.jobId);
    expect(done.state).toBe('done');
    expect(done.preview!.assignments.length).toBeGreaterThan(0);
    const target = built.after.find((s) => s.id === done.preview!.assignments[0].shiftId)!;
    const { id, site, service, date, start, end, breakMinutes } = target;
    okData(
      await w.t.call('rota:save', { items: [{ id, site, service, date, start, end, breakMinutes, staffId: null, notes: 'moved' }] }, w.m),
    );
    const files = w.t.snapshot();
    const r = await w.t.call('rota:autofill-apply', { jobId: started.jobId }, w.m);
    expect(r.ok ? null : r.code).toBe('conflict');
    expect(r.ok ? '' : r.message).toMatch(/1 of the plan's shifts has changed since it was made/);
    expect(w.t.snapshot()).toEqual(files);
  }, 90_000);

  it('moves an existing assignment only when the manager lets it: a rest breach goes to someone free, in one change that undo takes back', async () => {
    const w = await world();
    const one = w.staff.Officer1.id;
    // Officer 1 works 07:00–19:00 and then 05:00–13:00 the next day: 10 h rest, under the 11 h the rules ask.
    const saved = okData(
      await w.t.call(
        'rota:save',
        {
          items: [
            item({ date: FROM, start: '07:00', end: '19:00', staffId: one }),
            item({ date: TO, start: '05:00', end: '13:00', staffId: one }),
          ],
        },
        w.m,
      ),
    ).after;
    const restWarnings = async () =>
      okData(await w.t.call('rota:week', { week: FROM, site: null }, w.m)).findings.filter(
        (f) => f.rule === 'daily-rest' && f.severity === 'warn',
      ).length;
    expect(await restWarnings()).toBe(1);
    const held = () => w.t.opened.app.repos.shifts.inMonths(['2026-12']).filter((s) => saved.some((x) => x.id === s.id));

    // Off (the default): the assignments are the rota as it stands; nothing to move, nothing written.
    const kept = await waitDone(
      w,
      okData(await w.t.call('rota:autofill-start', { from: FROM, to: TO, sites: ['CH'], timeLimitS: 10 }, w.m)).jobId,
    );
    expect(kept.movable).toBe(0);
    expect(kept.preview!.moves).toEqual([]);
    expect(kept.preview!.assignments).toEqual([]);
    expect(kept.preview!.findings.after).toEqual(kept.preview!.findings.before);

    // On: one of the two shifts goes to another officer, and the preview says from whom, to whom and why.
    const files = w.t.snapshot();
    const started = okData(
      await w.t.call('rota:autofill-start', { from: FROM, to: TO, sites: ['CH'], timeLimitS: 10, moveExisting: true }, w.m),
    );
    expect(started.movable).toBe(2);
    const done = await waitDone(w, started.jobId);
    const p = done.preview!;
    expect(w.t.snapshot()).toEqual(files);
    expect(p.moves).toHaveLength(1);
    const move = p.moves[0];
    expect(saved.map((s) => s.id)).toContain(move.shiftId);
    expect(move).toMatchObject({ fromId: one, from: 'Officer 1' });
    expect(move.toId).not.toBeNull();
    expect(move.toId).not.toBe(one);
    expect(move.reasons.join(' · ')).toMatch(
      /Kept with Officer 1, the plan would cost [\d.]+ points more \(.*under 11 h rest between shifts/,
    );
    expect(p.findings.after.warn).toBeLessThan(p.findings.before.warn);

    // Apply: the move is written; the rest breach is gone.
    const applied = okData(await w.t.call('rota:autofill-apply', { jobId: started.jobId }, w.m));
    expect(applied.after.map((s) => [s.id, s.staffId])).toEqual([[move.shiftId, move.toId]]);
    expect(held().find((s) => s.id === move.shiftId)!.staffId).toBe(move.toId);
    expect(await restWarnings()).toBe(0);

    // Undo, as the planner sends it (the change's before, through rota:save): every shift is Officer 1's again.
    okData(await w.t.call('rota:save', { items: applied.before.map((b) => ({ ...input(b), id: b.id })) }, w.m));
    expect(
      held()
        .map((s) => [s.id, s.staffId])
        .sort(),
    ).toEqual(saved.map((s) => [s.id, one]).sort());
    expect(await restWarnings()).toBe(1);
  }, 90_000);

  it('readies the solver when the panel opens, writing nothing; a fill after it runs as any other', async () => {
    const w = await world();
    okData(await w.t.call('rota:build-from-cover', { from: FROM, to: TO, sites: ['CH'] }, w.m));
    const files = w.t.snapshot();
    expect(okData(await w.t.call('rota:autofill-warm', {}, w.m))).toEqual({ ready: true });
    expect(okData(await w.t.call('rota:autofill-warm', {}, w.m))).toEqual({ ready: true });
    expect(w.t.snapshot()).toEqual(files);
    const bad = await w.t.call('rota:autofill-warm', { now: true } as never, w.m);
    expect(bad.ok ? null : bad.code).toBe('invalid');
    const started = okData(await w.t.call('rota:autofill-start', { from: FROM, to: TO, sites: ['CH'], timeLimitS: 30 }, w.m));
    const done = await waitDone(w, started.jobId);
    expect(done.state).toBe('done');
    // Six officers for 25 shifts: every shift is either given to someone or listed with its reason.
    expect(done.preview!.assignments.length).toBeGreaterThan(0);
    expect(done.preview!.assignments.length + done.preview!.unfilled.length).toBe(started.openShifts);
    // Without a worker (a build with no auto-scheduler), it says so and changes nothing.
    w.t.opened.app.autofillWorker = undefined;
    expect(okData(await w.t.call('rota:autofill-warm', {}, w.m))).toEqual({ ready: false });
  }, 90_000);

  it('bad requests get a clear error and change nothing', async () => {
    const w = await world();
    const files = w.t.snapshot();
    const backwards = await w.t.call('rota:build-from-cover', { from: TO, to: FROM, sites: null }, w.m);
    expect(backwards.ok ? '' : backwards.message).toMatch(/ends on or after it starts/);
    const long = await w.t.call('rota:autofill-start', { from: '2026-12-01', to: '2027-02-01', sites: null, timeLimitS: 30 }, w.m);
    expect(long.ok ? null : long.code).toBe('invalid');
    const nosite = await w.t.call('rota:build-from-cover', { from: FROM, to: TO, sites: ['ZZZ'] }, w.m);
    expect(nosite.ok ? null : nosite.code).toBe('not_found');
    const nojob = await w.t.call('rota:autofill-status', { jobId: 'no-such-job' }, w.m);
    expect(nojob.ok ? null : nojob.code).toBe('not_found');
    expect(w.t.snapshot()).toEqual(files);
  });
});

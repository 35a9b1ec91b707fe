import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftChanges } from '../../../shared/contract/rota';
import type { Shift } from '../../../shared/schemas/shift';
import type { TestApp } from '../../support/app';
import { input, item, NEXT_MONDAY, okData, rotaWorld } from './setup';
import { withSupervisor } from '../../support/app';

let t: TestApp;
afterEach(() => t.opened.close());

/** What the planner keeps of a publish to undo it: each shift as the publish left it. */
const asLeft = (changes: ShiftChanges) => changes.after.map((s) => ({ ...input(s), id: s.id }));
const stored = (s: Shift) => t.opened.app.repos.shifts.partition(`${s.date.slice(0, 7)}/${s.site}`)[s.id];

const publishedWeek = async () => {
  const w = await rotaWorld({ Ana: {}, Cy: {} });
  t = w.t;
  const drafts = okData(
    await t.call(
      'rota:save',
      {
        items: [
          item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: w.staff.Ana.id }),
          item({ date: '2026-12-02', start: '19:00', end: '07:00', staffId: w.staff.Cy.id }),
        ],
      },
      w.m,
    ),
  );
  // A shift already published in an earlier publish: undoing this week's publish must leave it alone.
  const earlier = okData(
    await t.call('rota:save', { items: [item({ date: '2026-12-06', start: '07:00', end: '19:00', site: 'FH' })] }, w.m),
  ).after[0];
  okData(await t.call('rota:publish', { week: NEXT_MONDAY, site: 'FH' }, w.m));
  t.clock.now += 60_000;
  w.m.lastActive = t.clock.now;
  const published = okData(await t.call('rota:publish', { week: NEXT_MONDAY, site: 'CH' }, w.m));
  return { ...w, drafts: drafts.after, earlier, published };
};

describe('undoing and redoing a publish against a real store', () => {
  it('returns exactly the shifts the publish changed to draft, with who, when and before → after in their history', async () => {
    const { m, drafts, earlier, published } = await publishedWeek();
    expect(published.after.map((s) => s.id).sort()).toEqual(drafts.map((s) => s.id).sort());
    t.clock.now += 120_000;
    m.lastActive = t.clock.now;

    const undone = okData(await t.call('rota:unpublish', { shifts: asLeft(published) }, m));
    expect(undone.after.map((s) => s.status)).toEqual(['draft', 'draft']);
    for (const s of drafts) {
      const now = stored(s);
      expect(now.status).toBe('draft');
      expect(now.history).toEqual([
        { at: '2026-11-25T09:03:00.000Z', by: m.userId, before: { status: 'published' }, after: { status: 'draft' } },
      ]);
      expect({ ...input(now), id: now.id }).toEqual({ ...input(s), id: s.id });
    }
    expect(stored(earlier).status).toBe('published');
    const week = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m));
    expect(week.shifts.map((s) => s.status)).toEqual(['draft', 'draft']);
  });

  it('redo publishes the same shifts again and records it; undo after redo works again', async () => {
    const { m, drafts, published } = await publishedWeek();
    const undone = okData(await t.call('rota:unpublish', { shifts: asLeft(published) }, m));
    t.clock.now += 60_000;
    m.lastActive = t.clock.now;
    const redone = okData(await t.call('rota:republish', { shifts: asLeft(undone) }, m));
    expect(redone.after.map((s) => s.status)).toEqual(['published', 'published']);
    expect(stored(drafts[0]).history.map((h) => [h.before, h.after])).toEqual([
      [{ status: 'published' }, { status: 'draft' }],
      [{ status: 'draft' }, { status: 'published' }],
    ]);
    okData(await t.call('rota:unpublish', { shifts: asLeft(redone) }, m));
    expect(stored(drafts[0]).status).toBe('draft');
  });

  it('refuses to undo when a shift has changed since, names it, and writes nothing', async () => {
    const { m, staff, drafts, published } = await publishedWeek();
    const [monday] = drafts;
    okData(await t.call('rota:save', { items: [{ ...input(monday), id: monday.id, staffId: staff.Cy.id }] }, m));
    const before = t.snapshot();
    const r = await t.call('rota:unpublish', { shifts: asLeft(published) }, m);
    expect(r).toMatchObject({ ok: false, code: 'conflict' });
    expect(!r.ok && r.message).toBe(
      'This publish cannot be undone: 1 of its 2 shifts has been changed since (Mon 30 Nov 07:00–19:00 at CH). Nothing was changed; put those shifts back as they were, or edit the week by hand.',
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses to undo when a shift was deleted since', async () => {
    const { m, drafts, published } = await publishedWeek();
    okData(await t.call('rota:save', { items: [{ ...input(drafts[1]), id: drafts[1].id, deleted: true }] }, m));
    const r = await t.call('rota:unpublish', { shifts: asLeft(published) }, m);
    expect(!r.ok && r.message).toMatch(
      /^This publish cannot be undone: 1 of its 2 shifts has been changed since \(Wed 2 Dec 19:00–07:00 at CH\)/,
    );
  });

  it('undoes after an edit that was itself undone, since the shifts are as the publish left them', async () => {
    const { m, staff, drafts, published } = await publishedWeek();
    const [monday] = drafts;
    okData(await t.call('rota:save', { items: [{ ...input(monday), id: monday.id, staffId: staff.Cy.id }] }, m));
    okData(await t.call('rota:save', { items: [{ ...input(monday), id: monday.id }] }, m));
    okData(await t.call('rota:unpublish', { shifts: asLeft(published) }, m));
    expect(stored(monday).history).toHaveLength(3);
    expect(stored(monday).status).toBe('draft');
  });

  it('refuses to redo when the week was published again since the undo', async () => {
    const { m, published } = await publishedWeek();
    const undone = okData(await t.call('rota:unpublish', { shifts: asLeft(published) }, m));
    okData(await t.call('rota:publish', { week: NEXT_MONDAY, site: 'CH' }, m));
    const before = t.snapshot();
    const r = await t.call('rota:republish', { shifts: asLeft(undone) }, m);
    expect(!r.ok && r.message).toMatch(
      /^This publish cannot be redone: 2 of its 2 shifts have been changed or published again since it was undone/,
    );
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a list naming a shift twice, and writes nothing', async () => {
    const { m, published } = await publishedWeek();
    const before = t.snapshot();
    const [first] = asLeft(published);
    expect(await t.call('rota:unpublish', { shifts: [first, first] }, m)).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { shifts: 'Each shift can be listed once' },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('is for managers only', async () => {
    const { m, published } = await publishedWeek();
    const sup = await withSupervisor(t, m);
    expect(await t.call('rota:unpublish', { shifts: asLeft(published) }, sup)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

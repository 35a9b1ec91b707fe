import { describe, expect, it } from 'vitest';
import { input, item, NEXT_MONDAY, okData, rotaWorld } from './setup';

describe('saving shifts against a real store', () => {
  it('creates drafts, shows them in the week with findings and gaps, and tombstones deletes', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    const saved = okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-01', start: '02:00', end: '07:00', staffId: staff.Ana.id }),
          ],
        },
        m,
      ),
    );
    expect(saved.before).toEqual([]);
    expect(saved.after.map((s) => s.status)).toEqual(['draft', 'draft']);

    const week = okData(await t.call('rota:week', { week: '2026-12-02', site: 'CH' }, m));
    expect(week.weekStart).toBe(NEXT_MONDAY);
    expect(week.shifts).toHaveLength(2);
    const rest = week.findings.find((f) => f.rule === 'daily-rest');
    expect(rest?.message).toContain('7 h rest');
    const security = week.gaps.filter((g) => g.site === 'CH' && g.service === 'security');
    expect(security.length).toBeGreaterThan(0);
    expect(
      week.gaps.some(
        (g) => g.service === 'reception' && g.date === NEXT_MONDAY && g.start === '08:00' && g.required === 2 && g.present === 0,
      ),
    ).toBe(true);

    const [first] = saved.after;
    okData(await t.call('rota:save', { items: [{ ...input(first), id: first.id, deleted: true }] }, m));
    const after = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m));
    expect(after.shifts.map((s) => s.id)).toEqual([saved.after[1].id]);
    const stored = t.opened.app.repos.shifts.partition('2026-11/CH')[first.id];
    expect(stored.deleted).toBe(true);
  });

  it('refuses a save that adds a block without an override and writes nothing', async () => {
    const { t, m, staff } = await rotaWorld({ Ben: { services: ['cleaning'], sia: null } });
    const before = t.snapshot();
    const r = await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ben.id })] }, m);
    expect(r).toMatchObject({ ok: false, code: 'blocked' });
    expect(!r.ok && r.message).toMatch(/override/);
    expect(!r.ok && r.fields?.override).toBeTruthy();
    expect(t.snapshot()).toEqual(before);
  });

  it('records a manager override with its reason, who and when, on the shift', async () => {
    const { t, m, staff } = await rotaWorld({ Ben: { services: ['cleaning'], sia: null } });
    const r = okData(
      await t.call(
        'rota:save',
        {
          items: [item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ben.id })],
          override: 'Agency cover confirmed by phone',
        },
        m,
      ),
    );
    const saved = t.opened.app.repos.shifts.partition('2026-11/CH')[r.after[0].id];
    expect(saved.override).toMatchObject({ reason: 'Agency cover confirmed by phone', at: '2026-11-25T09:00:00.000Z' });
    expect(saved.override?.rules).toEqual(expect.arrayContaining(['service', 'sia-licence']));
    expect(saved.override?.by).toBe(saved.createdBy);
  });

  it('publishes a week, then keeps who, when, before and after for each later change', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {}, Cy: {} });
    const { after } = okData(
      await t.call('rota:save', { items: [item({ date: '2026-12-02', start: '07:00', end: '19:00', staffId: staff.Ana.id })] }, m),
    );
    expect(okData(await t.call('rota:publish', { week: NEXT_MONDAY, site: 'CH' }, m)).after.map((s) => s.status)).toEqual(['published']);

    t.clock.now += 120_000;
    const shift = after[0];
    okData(await t.call('rota:save', { items: [{ ...input(shift), id: shift.id, staffId: staff.Cy.id, start: '08:00' }] }, m));
    const stored = t.opened.app.repos.shifts.partition('2026-12/CH')[shift.id];
    expect(stored.status).toBe('published');
    expect(stored.history).toEqual([
      {
        at: '2026-11-25T09:02:00.000Z',
        by: stored.updatedBy,
        before: expect.objectContaining({ staffId: staff.Ana.id, start: '07:00' }),
        after: expect.objectContaining({ staffId: staff.Cy.id, start: '08:00' }),
      },
    ]);
  });

  it('undo sends the inverse through the same channel and restores every field exactly; redo re-applies', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {}, Cy: {} });
    const created = okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-03', start: '19:00', end: '07:00' }),
          ],
        },
        m,
      ),
    ).after;
    const fields = (id: string) => {
      const found = t.opened.app.repos.shifts.inMonths(['2026-11', '2026-12']).filter((x) => x.id === id);
      expect(found).toHaveLength(1);
      return input(found[0]);
    };
    const original = created.map((s) => fields(s.id));

    // A move to another month and a reassignment in one action, as a drag or bulk edit sends it.
    const edit = okData(
      await t.call(
        'rota:save',
        {
          items: [
            { ...input(created[0]), id: created[0].id, date: '2026-12-01', staffId: staff.Cy.id },
            { ...input(created[1]), id: created[1].id, deleted: true },
          ],
        },
        m,
      ),
    );
    const undo = edit.before.map((b) => ({ ...input(b), id: b.id }));
    okData(await t.call('rota:save', { items: undo }, m));
    expect(created.map((s) => fields(s.id))).toEqual(original);
    expect(t.opened.app.repos.shifts.partition('2026-12/CH')[created[0].id]).toBeUndefined();

    const redo = edit.after.map((a) => ({ ...input(a), id: a.id }));
    okData(await t.call('rota:save', { items: redo }, m));
    expect(fields(created[0].id)).toMatchObject({ date: '2026-12-01', staffId: staff.Cy.id });
    expect(fields(created[1].id).deleted).toBe(true);
  });

  it('lets a supervisor see their own site but not plan', async () => {
    const { t, m } = await rotaWorld({ ana: { services: ['cleaning'] } });
    okData(
      await t.call(
        'accounts:create',
        { username: 'sam', displayName: 'Sam', role: 'supervisor', sites: ['CH'], password: 'desk password' },
        m,
      ),
    );
    const s = t.session();
    okData(await t.call('auth:sign-in', { username: 'sam', password: 'desk password' }, s));
    expect((await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, s)).ok).toBe(true);
    expect(await t.call('rota:week', { week: NEXT_MONDAY, site: 'FH' }, s)).toMatchObject({ ok: false, code: 'not_found' });
    const seen = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: null }, s));
    expect(seen.sites.map((x) => x.code)).toEqual(['CH']);
    // Supervisors see who is on, never what they are paid; a manager's week has the rates.
    expect(seen.staff.length).toBeGreaterThan(0);
    expect(seen.staff.every((p) => p.payRate === null)).toBe(true);
    expect(okData(await t.call('rota:week', { week: NEXT_MONDAY, site: null }, m)).staff.every((p) => typeof p.payRate === 'number')).toBe(
      true,
    );
    expect(await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '07:00', end: '19:00' })] }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('answers a shift with its start, end or date left empty with the field to fix, not an internal error', async () => {
    const { t, m } = await rotaWorld({});
    const noStart = await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '', end: '19:00' })] }, m);
    expect(noStart).toMatchObject({ ok: false, code: 'invalid', fields: { 'items.0.start': 'Enter a time' } });
    const noEnd = await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '07:00', end: '' })] }, m);
    expect(noEnd).toMatchObject({ ok: false, code: 'invalid', fields: { 'items.0.end': 'Enter a time' } });
    const noDate = await t.call('rota:save', { items: [item({ date: '', start: '07:00', end: '19:00' })] }, m);
    expect(noDate).toMatchObject({ ok: false, code: 'invalid', fields: { 'items.0.date': 'Enter a date' } });
    expect(okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m)).shifts).toEqual([]);
  });

  it('names a refused field in words in the message a banner shows, never by its path in the request', async () => {
    const { t, m } = await rotaWorld({});
    const badDate = await t.call('rota:save', { items: [item({ date: '2027-02-29', start: '07:00', end: '19:00' })] }, m);
    expect(badDate).toMatchObject({ ok: false, code: 'invalid', message: 'That date does not exist (Date)' });
    const part = await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', breakMinutes: 12.5 })] }, m);
    expect(part).toMatchObject({ ok: false, code: 'invalid', message: 'A break is a whole number of minutes (Unpaid break)' });
    const rules = await t.call('settings:update', { idleLockMinutes: 61 }, m);
    expect(rules).toMatchObject({ ok: false, code: 'invalid', message: 'At most 60 minutes (Lock after idle minutes)' });
  });

  it('refuses a break in part minutes, or as long as the shift itself, naming the break', async () => {
    const { t, m } = await rotaWorld({});
    const part = await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', breakMinutes: 12.5 })] }, m);
    expect(part).toMatchObject({ ok: false, code: 'invalid', fields: { 'items.0.breakMinutes': 'A break is a whole number of minutes' } });
    const whole = await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '09:00', end: '10:00', breakMinutes: 60 })] }, m);
    expect(whole).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { 'items.0.breakMinutes': 'A 60 min break leaves no paid time in a 1 h shift' },
    });
    expect(okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m)).shifts).toEqual([]);
    okData(await t.call('rota:save', { items: [item({ date: NEXT_MONDAY, start: '09:00', end: '10:00', breakMinutes: 59 })] }, m));
  });

  it('names many blocks as sentences a person can read, the first few and how many more', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    const shifts = week.map((date) => item({ date, start: '07:00', end: '15:00', staffId: staff.Ana.id }));
    okData(await t.call('rota:save', { items: shifts }, m));
    // The same week again, as copying it twice does: every shift now overlaps its twin.
    const r = await t.call('rota:save', { items: shifts }, m);
    expect(r).toMatchObject({ ok: false, code: 'blocked' });
    expect(!r.ok && r.message).toBe(
      "This breaks 7 rules that need a manager's override. " +
        'Ana is on two shifts at once: Mon 30 Nov 07:00–15:00 at CH and Mon 30 Nov 07:00–15:00 at CH. ' +
        'Ana is on two shifts at once: Tue 1 Dec 07:00–15:00 at CH and Tue 1 Dec 07:00–15:00 at CH. ' +
        'Ana is on two shifts at once: Wed 2 Dec 07:00–15:00 at CH and Wed 2 Dec 07:00–15:00 at CH. ' +
        'And 4 more.',
    );
  });
});

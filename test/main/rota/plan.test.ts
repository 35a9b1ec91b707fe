import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { input, item, NEXT_MONDAY, okData, rotaWorld } from './setup';

const FOUR_ON_FOUR_OFF = {
  name: 'CH security 4 on 4 off',
  site: 'CH',
  service: 'security' as const,
  cycleDays: 8,
  anchor: NEXT_MONDAY,
  lines: [
    { label: 'Days A', start: '07:00', end: '19:00', breakMinutes: 60, days: [0, 1, 2, 3] },
    { label: 'Nights A', start: '19:00', end: '07:00', breakMinutes: 60, days: [0, 1, 2, 3] },
    { label: 'Days B', start: '07:00', end: '19:00', breakMinutes: 60, days: [4, 5, 6, 7] },
    { label: 'Nights B', start: '19:00', end: '07:00', breakMinutes: 60, days: [4, 5, 6, 7] },
  ],
};

describe('planning a week against a real store', () => {
  it('copies a week to another, leaving open the shifts of someone now on leave', async () => {
    const { t, m, staff } = await rotaWorld({
      Ana: {},
      Cy: { absences: [{ from: '2026-12-07', to: '2026-12-11', kind: 'annual-leave' }] },
    });
    okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-01', start: '07:00', end: '19:00', staffId: staff.Cy.id }),
            item({ date: '2026-12-02', start: '05:00', end: '08:00', service: 'cleaning', site: 'FH', staffId: staff.Cy.id }),
          ],
        },
        m,
      ),
    );
    const copied = okData(await t.call('rota:copy-week', { from: NEXT_MONDAY, to: '2026-12-07', site: 'CH' }, m));
    expect(copied.after.map((s) => [s.date, s.staffId, s.status])).toEqual([
      ['2026-12-07', staff.Ana.id, 'draft'],
      ['2026-12-08', null, 'draft'],
    ]);
    expect(copied.leftOpen).toEqual([{ shiftId: copied.after[1].id, staffId: staff.Cy.id, reason: 'Cy is away (annual leave)' }]);
    const week = okData(await t.call('rota:week', { week: '2026-12-07', site: null }, m));
    expect(week.shifts).toHaveLength(2);
  });

  it('copies only the shifts not already in the week copied to, so copying twice leaves each shift once', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-01', start: '07:00', end: '19:00' }),
            item({ date: '2026-12-01', start: '07:00', end: '19:00' }),
          ],
        },
        m,
      ),
    );
    const first = okData(await t.call('rota:copy-week', { from: NEXT_MONDAY, to: '2026-12-07', site: 'CH' }, m));
    expect(first.after).toHaveLength(3);
    // A second open shift at the same time is added to the source week; only it is new to the target week.
    okData(await t.call('rota:save', { items: [item({ date: '2026-12-01', start: '07:00', end: '19:00' })] }, m));
    const again = await t.call('rota:copy-week', { from: NEXT_MONDAY, to: '2026-12-07', site: 'CH', override: 'copy again' }, m);
    const second = okData(again);
    expect(second.after.map((s) => [s.date, s.staffId])).toEqual([['2026-12-08', null]]);
    expect(second.alreadyThere).toBe(3);
    const week = okData(await t.call('rota:week', { week: '2026-12-07', site: null }, m));
    expect(week.shifts.map((s) => [s.date, s.start, s.staffId]).sort()).toEqual([
      ['2026-12-07', '07:00', staff.Ana.id],
      ['2026-12-08', '07:00', null],
      ['2026-12-08', '07:00', null],
      ['2026-12-08', '07:00', null],
    ]);
    const none = okData(await t.call('rota:copy-week', { from: NEXT_MONDAY, to: '2026-12-07', site: 'CH' }, m));
    expect([none.after.length, none.alreadyThere]).toEqual([0, 4]);
  });

  it('does not copy a shift left open again once the manager has put someone on it', async () => {
    const { t, m, staff } = await rotaWorld({
      Bo: {},
      Cy: { absences: [{ from: '2026-12-07', to: '2026-12-11', kind: 'annual-leave' }] },
    });
    okData(await t.call('rota:save', { items: [item({ date: '2026-12-01', start: '07:00', end: '19:00', staffId: staff.Cy.id })] }, m));
    const first = okData(await t.call('rota:copy-week', { from: NEXT_MONDAY, to: '2026-12-07', site: 'CH' }, m));
    expect(first.after.map((s) => [s.date, s.staffId])).toEqual([['2026-12-08', null]]);
    // Cy is away, so the copy left her shift open; the manager puts Bo on it.
    const open = first.after[0];
    okData(await t.call('rota:save', { items: [{ ...input(open), id: open.id, rev: open.rev, staffId: staff.Bo.id }] }, m));

    const again = okData(await t.call('rota:copy-week', { from: NEXT_MONDAY, to: '2026-12-07', site: 'CH' }, m));
    expect([again.after.length, again.alreadyThere]).toEqual([0, 1]);
    const week = okData(await t.call('rota:week', { week: '2026-12-07', site: null }, m));
    expect(week.shifts.map((s) => [s.date, s.start, s.staffId])).toEqual([['2026-12-08', '07:00', staff.Bo.id]]);
  });

  it('previews a 4-on-4-off pattern, then applies exactly what it showed', async () => {
    const { t, m, staff } = await rotaWorld({ Ana: {} });
    const pattern = okData(
      await t.call(
        'rota:save-pattern',
        { ...FOUR_ON_FOUR_OFF, lines: FOUR_ON_FOUR_OFF.lines.map((l, i) => ({ ...l, staffId: i === 0 ? staff.Ana.id : null })) },
        m,
      ),
    );
    const before = t.snapshot();
    const preview = okData(await t.call('rota:pattern-preview', { patternId: pattern.id, from: NEXT_MONDAY, to: '2026-12-06' }, m));
    expect(t.snapshot()).toEqual(before);
    expect(preview.shifts).toHaveLength(14);
    expect(preview.shifts.filter((s) => s.staffId === staff.Ana.id).map((s) => s.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect(preview.shifts.slice(0, 2).map((s) => s.notes)).toEqual(['CH security 4 on 4 off: Days A', 'CH security 4 on 4 off: Nights A']);

    const applied = okData(await t.call('rota:apply-pattern', { patternId: pattern.id, from: NEXT_MONDAY, to: '2026-12-06' }, m));
    expect(applied.after).toEqual(preview.shifts.map((p) => expect.objectContaining(p)));
    const week = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m));
    // Open shifts cover nothing until someone is on them: Ana covers one of the two daytime officers.
    expect(week.gaps).toContainEqual(
      expect.objectContaining({ service: 'security', date: NEXT_MONDAY, start: '07:00', end: '19:00', required: 2, present: 1 }),
    );
    expect(week.shifts.filter((s) => s.staffId === null)).toHaveLength(10);
    expect(okData(await t.call('rota:plans', {}, m)).patterns.map((p) => p.name)).toEqual(['CH security 4 on 4 off']);
  });

  it('ranks people for an open shift and fills a week, saying why what is left stays open', async () => {
    const { t, m, staff } = await rotaWorld({
      Ana: { contractedHours: 48 },
      Ben: { services: ['cleaning'], sia: null },
      Cy: { contractedHours: 24, absences: [{ from: '2026-12-01', to: '2026-12-01', kind: 'sickness' }] },
    });
    const open = okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00' }),
            item({ date: NEXT_MONDAY, start: '08:00', end: '18:00' }),
            item({ date: NEXT_MONDAY, start: '09:00', end: '17:00' }),
            item({ date: '2026-12-01', start: '07:00', end: '19:00' }),
          ],
        },
        m,
      ),
    ).after;
    const ranked = okData(await t.call('rota:candidates', { shiftId: open[0].id, date: NEXT_MONDAY }, m));
    expect(ranked.map((c) => c.name)).toEqual(['Ana', 'Cy']);
    expect(ranked[0].reasons).toEqual(expect.arrayContaining([expect.stringContaining('under contract')]));

    const warn = (v: { findings: { severity: string }[] }) => v.findings.filter((f) => f.severity === 'warn').length;
    const warningsBefore = warn(okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m)));
    const filled = okData(await t.call('rota:fill-week', { week: NEXT_MONDAY, site: 'CH' }, m));
    expect(filled.filled).toHaveLength(3);
    expect(new Set(filled.filled.filter((f) => f.shiftId !== open[3].id).map((f) => f.staffId))).toEqual(
      new Set([staff.Ana.id, staff.Cy.id]),
    );
    expect(filled.unfilled).toHaveLength(1);
    expect(filled.unfilled[0].reason).toMatch(/No one can take it/);
    expect(filled.unfilled[0].reason).toMatch(/already on a shift then/);
    const week = okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m));
    expect(week.shifts.filter((s) => s.staffId === null)).toHaveLength(1);
    // The summary's warning counts are the ones the planner shows for the week, before and after.
    expect(filled.warnings).toEqual({ before: warningsBefore, after: warn(week) });
  });

  it("shows a person's shifts, hours against contract and rests, and exports them as iCalendar and the week as CSV", async () => {
    const { t, m, staff } = await rotaWorld({ Ana: { contractedHours: 40 } });
    okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-01', start: '02:00', end: '10:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-01', start: '19:00', end: '07:00' }),
          ],
        },
        m,
      ),
    );
    const person = okData(await t.call('rota:person', { staffId: staff.Ana.id, from: NEXT_MONDAY, to: '2026-12-27' }, m));
    expect(person.shifts).toHaveLength(2);
    expect(person.weeks[0]).toEqual({ weekStart: NEXT_MONDAY, minutes: 1140, contractMinutes: 2400 });
    expect(person.weeks).toHaveLength(4);
    expect(person.rests).toEqual([{ afterShiftId: person.shifts[0].id, beforeShiftId: person.shifts[1].id, minutes: 420 }]);
    expect(person.findings.map((f) => f.rule)).toContain('daily-rest');

    const ics = okData(await t.call('rota:export-ics', { staffId: staff.Ana.id, from: NEXT_MONDAY, to: '2026-12-27' }, m));
    expect(ics).toMatchObject({ filename: 'rota-ana-2026-11-30.ics', mime: 'text/calendar' });
    const cal = new ICAL.Component(ICAL.parse('text' in ics ? ics.text : ''));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['2026-11-30T07:00:00.000Z', '2026-11-30T19:00:00.000Z'],
      ['2026-12-01T02:00:00.000Z', '2026-12-01T10:00:00.000Z'],
    ]);
    expect(events[0].summary).toBe('Security at County Hall');

    const csv = okData(await t.call('rota:export-csv', { week: NEXT_MONDAY, site: 'CH' }, m));
    const rows = Papa.parse<Record<string, string>>(('text' in csv ? csv.text : '').trim(), { header: true }).data;
    expect(csv.filename).toBe('rota-CH-2026-11-30.csv');
    expect(rows.map((r) => [r.Date, r.Start, r.End, r.Staff, r['Paid hours']])).toEqual([
      ['2026-11-30', '2026-11-30T07:00+00:00', '2026-11-30T19:00+00:00', 'Ana', '11.50'],
      ['2026-12-01', '2026-12-01T02:00+00:00', '2026-12-01T10:00+00:00', 'Ana', '7.50'],
      ['2026-12-01', '2026-12-01T19:00+00:00', '2026-12-02T07:00+00:00', 'OPEN', '11.50'],
    ]);
  });
});

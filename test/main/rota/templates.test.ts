import { describe, expect, it } from 'vitest';
import { okData, rotaWorld } from './setup';

describe('shift templates against a real store', () => {
  it('saves named times per site and service, renames them, and deletes them', async () => {
    const { t, m } = await rotaWorld({});
    const early = okData(
      await t.call('rota:save-template', { name: 'Early clean', site: 'CH', service: 'cleaning', start: '05:00', end: '08:00' }, m),
    );
    expect(early).toMatchObject({ breakMinutes: 0, rev: 1 });
    const renamed = okData(
      await t.call(
        'rota:save-template',
        { id: early.id, name: 'Early clean (3 h)', site: 'CH', service: 'cleaning', start: '05:00', end: '08:00' },
        m,
      ),
    );
    expect(renamed).toMatchObject({ id: early.id, rev: 2 });
    expect(okData(await t.call('rota:plans', {}, m)).templates.map((x) => x.name)).toEqual(['Early clean (3 h)']);
    okData(await t.call('rota:delete-plan', { kind: 'template', id: early.id }, m));
    expect(okData(await t.call('rota:plans', {}, m)).templates).toEqual([]);
    expect(await t.call('rota:delete-plan', { kind: 'template', id: early.id }, m)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses a pattern whose lines use days beyond its cycle', async () => {
    const { t, m } = await rotaWorld({});
    const r = await t.call(
      'rota:save-pattern',
      {
        name: 'Bad',
        site: 'CH',
        service: 'security',
        cycleDays: 4,
        anchor: '2026-11-30',
        lines: [{ start: '07:00', end: '19:00', days: [0, 5] }],
      },
      m,
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('beyond the cycle') });
  });

  it('refuses a template or pattern for a service the site does not run, before anything is saved', async () => {
    const { t, m } = await rotaWorld({});
    // Bishop's Stortford Register Office runs reception and cleaning only.
    const template = await t.call(
      'rota:save-template',
      { name: 'Night', site: 'BSR', service: 'security', start: '19:00', end: '07:00' },
      m,
    );
    expect(template).toMatchObject({ ok: false, code: 'invalid', message: "Bishop's Stortford Register Office does not run security." });
    const pattern = await t.call(
      'rota:save-pattern',
      {
        name: 'BSR security 4 on 4 off',
        site: 'BSR',
        service: 'security',
        cycleDays: 8,
        anchor: '2026-11-30',
        lines: [{ start: '07:00', end: '19:00', days: [0, 1, 2, 3] }],
      },
      m,
    );
    expect(pattern).toMatchObject({ ok: false, code: 'invalid', message: "Bishop's Stortford Register Office does not run security." });
    const unknown = await t.call('rota:save-template', { name: 'X', site: 'ZZ', service: 'cleaning', start: '05:00', end: '08:00' }, m);
    expect(unknown).toMatchObject({ ok: false, code: 'invalid' });
    expect(okData(await t.call('rota:plans', {}, m))).toMatchObject({ templates: [], patterns: [] });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../../shared/domain/rota';
import type { TestApp } from '../../support/app';
import { item, NEXT_MONDAY, okData, rotaWorld } from './setup';
import { withSupervisor } from '../../support/app';

let opened: TestApp | null = null;
afterEach(() => {
  opened?.opened.close();
  opened = null;
});
const world = async (...args: Parameters<typeof rotaWorld>) => {
  const w = await rotaWorld(...args);
  opened = w.t;
  return w;
};

describe('rule thresholds kept in Settings', () => {
  it('opens a data folder saved before the thresholds existed, with the UK defaults, and rewrites nothing', async () => {
    const w = await world();
    const file = path.join(w.t.dir, 'data', 'directory', 'settings.json');
    w.t.opened.close();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = JSON.stringify({ settings: { idleLockMinutes: 7, lateGraceMinutes: 12, organisationName: 'Old Council' } });
    fs.writeFileSync(file, old);
    const t = w.t.reopen();
    opened = t;
    const m = t.session();
    okData(await t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m));
    const settings = okData(await t.call('settings:get', {}, m));
    expect(settings).toMatchObject({
      idleLockMinutes: 7,
      lateGraceMinutes: 12,
      organisationName: 'Old Council',
      rules: DEFAULT_RULE_SETTINGS,
      bankHolidayChanges: { added: [], removed: [] },
    });
    expect(okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m)).weekStart).toBe(NEXT_MONDAY);
    expect(okData(await t.call('system:info', {}, m)).notices).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(old);
  });

  it('keeps the thresholds when another setting changes, and across a restart', async () => {
    const { t, m } = await world();
    okData(await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, dailyRestHours: 12 } }, m));
    okData(await t.call('settings:update', { idleLockMinutes: 9 }, m));
    const again = t.reopen();
    opened = again;
    const stored = JSON.parse(fs.readFileSync(path.join(t.dir, 'data', 'directory', 'settings.json'), 'utf8'));
    expect(stored.settings).toMatchObject({ idleLockMinutes: 9, rules: { dailyRestHours: 12 } });
  });

  it('refuses a value out of range by its field and changes nothing on disk', async () => {
    const { t, m } = await world();
    const before = t.snapshot();
    const r = await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, dailyRestHours: 30, referenceWeeks: 60 } }, m);
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { 'rules.dailyRestHours': 'Enter 1–24 hours', 'rules.referenceWeeks': 'Enter 1–52 weeks' },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('lets a supervisor read the thresholds but not change them', async () => {
    const { t, m } = await world();
    const sup = await withSupervisor(t, m);
    expect(okData(await t.call('settings:get', {}, sup)).rules).toEqual(DEFAULT_RULE_SETTINGS);
    const before = t.snapshot();
    const r = await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, dailyRestHours: 8 } }, sup);
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(t.snapshot()).toEqual(before);
  });

  it('checks the planner’s week against the daily rest a manager set', async () => {
    const { t, m, staff } = await world({ Ana: {} });
    // 19:00 to 06:30 the next morning: 11 h 30 min of rest.
    okData(
      await t.call(
        'rota:save',
        {
          items: [
            item({ date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Ana.id }),
            item({ date: '2026-12-01', start: '06:30', end: '14:30', staffId: staff.Ana.id }),
          ],
        },
        m,
      ),
    );
    const rest = async () =>
      okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m))
        .findings.filter((f) => f.rule === 'daily-rest')
        .map((f) => f.message);
    expect(await rest()).toEqual([]);
    okData(await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, dailyRestHours: 12 } }, m));
    expect(await rest()).toEqual([expect.stringMatching(/11 h 30 min rest .*12 h required/)]);
  });

  it('blocks saves against the young-worker limits a manager set', async () => {
    const { t, m, staff } = await world({ Yas: { dateOfBirth: '2010-06-01', services: ['cleaning'], sia: null } });
    const day = (date: string) => item({ service: 'cleaning', date, start: '08:00', end: '15:30', staffId: staff.Yas.id });
    okData(await t.call('rota:save', { items: [day(NEXT_MONDAY)] }, m));
    okData(await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, youngDailyHours: 6 } }, m));
    const r = await t.call('rota:save', { items: [day('2026-12-01')] }, m);
    expect(r).toMatchObject({ ok: false, code: 'blocked' });
    expect(!r.ok && r.message).toMatch(/6 h/);
  });

  it('reads back as far as the reference period a manager set, beyond the statutory 26 weeks', async () => {
    const { t, m, staff } = await world({ Cleo: { services: ['cleaning'], sia: null } });
    const longAgo = ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'].map((date) =>
      item({ service: 'cleaning', date, start: '07:00', end: '19:00', staffId: staff.Cleo.id }),
    );
    okData(
      await t.call(
        'rota:save',
        { items: [...longAgo, item({ service: 'cleaning', date: NEXT_MONDAY, start: '07:00', end: '19:00', staffId: staff.Cleo.id })] },
        m,
      ),
    );
    const average = async () =>
      okData(await t.call('rota:week', { week: NEXT_MONDAY, site: 'CH' }, m))
        .findings.filter((f) => f.rule === 'average-hours')
        .map((f) => f.message);
    // An average of one hour a week makes any work in the period count; only the period's length differs.
    okData(await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, averageWeeklyHours: 1, referenceWeeks: 17 } }, m));
    expect(await average()).toEqual([]);
    okData(await t.call('settings:update', { rules: { ...DEFAULT_RULE_SETTINGS, averageWeeklyHours: 1, referenceWeeks: 40 } }, m));
    expect(await average()).toEqual([expect.stringContaining('over the 40 weeks')]);
  });
});

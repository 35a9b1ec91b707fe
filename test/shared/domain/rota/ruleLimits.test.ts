import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../../../../shared/domain/rota';
import { belowStatutory } from '../../../../shared/domain/rota/ruleLimits';
import { bankHolidayChangesSchema, ruleSettingsSchema } from '../../../../shared/schemas/ruleSettings';
import { settingsSchema, settingsUpdateSchema } from '../../../../shared/schemas/settings';

const rules = (o: Partial<Record<keyof RuleSettings, unknown>>) => ({ ...DEFAULT_RULE_SETTINGS, ...o });
const problems = (o: Partial<Record<keyof RuleSettings, unknown>>) => {
  const r = ruleSettingsSchema.safeParse(rules(o));
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('rule settings validation', () => {
  it('accepts the UK statutory defaults', () => {
    expect(problems({})).toEqual([]);
  });

  it.each([
    ['daily rest of 0 hours', { dailyRestHours: 0 }, 'dailyRestHours', 'Enter 1–24 hours'],
    ['daily rest of 25 hours', { dailyRestHours: 25 }, 'dailyRestHours', 'Enter 1–24 hours'],
    ['daily rest of 10.5 hours', { dailyRestHours: 10.5 }, 'dailyRestHours', 'Enter whole hours'],
    ['daily rest as text', { dailyRestHours: '11' }, 'dailyRestHours', 'Enter 1–24 hours'],
    ['a reference period of 53 weeks', { referenceWeeks: 53 }, 'referenceWeeks', 'Enter 1–52 weeks'],
    ['a reference period of 0 weeks', { securityReferenceWeeks: 0 }, 'securityReferenceWeeks', 'Enter 1–52 weeks'],
    ['a negative break', { breakMinutes: -5 }, 'breakMinutes', 'Enter 0–180 minutes'],
    ['an average week over 48 hours', { averageWeeklyHours: 50 }, 'averageWeeklyHours', 'Enter 1–48 hours'],
    ['under-18s on 9 hours a day', { youngDailyHours: 9 }, 'youngDailyHours', 'Enter 1–8 hours'],
    ['under-18s on 45 hours a week', { youngWeeklyHours: 45 }, 'youngWeeklyHours', 'Enter 1–40 hours'],
    ['under-18s with 11 hours rest', { youngDailyRestHours: 11 }, 'youngDailyRestHours', 'Enter 12–24 hours'],
    ['a night start of 25:00', { nightStart: '25:00' }, 'nightStart', 'Enter a time as HH:mm, 00:00 to 23:59'],
    ['a night end of 6am', { nightEnd: '6am' }, 'nightEnd', 'Enter a time as HH:mm, 00:00 to 23:59'],
    ['a night end of 24:00', { nightEnd: '24:00' }, 'nightEnd', 'Enter a time as HH:mm, 00:00 to 23:59'],
    ['a licence warning of 400 days', { licenceExpiryWarnDays: 400 }, 'licenceExpiryWarnDays', 'Enter 1–365 days'],
  ])('refuses %s, by the field', (_label, o, path, message) => {
    expect(problems(o)).toEqual([{ path, message }]);
  });

  it.each([
    ['shorter than 7 hours', { nightStart: '00:00', nightEnd: '05:00' }],
    ['missing 04:00–05:00', { nightStart: '21:00', nightEnd: '04:00' }],
    ['missing midnight', { nightStart: '01:00', nightEnd: '08:00' }],
  ])('refuses night time %s', (_label, o) => {
    expect(problems(o)).toEqual([
      {
        path: 'nightEnd',
        message: `Night time must last at least 7 hours and include midnight to 05:00 (${o.nightStart}–${o.nightEnd} does not)`,
      },
    ]);
  });

  it.each([
    ['22:00–05:00', '22:00', '05:00', false],
    ['23:00–06:00', '23:00', '06:00', false],
    ['23:00–07:00 (contract with work after 22:00)', '23:00', '07:00', true],
    ['21:00–07:00 (stricter)', '21:00', '07:00', true],
    ['22:00–06:00', '22:00', '06:00', true],
  ])('under-18s’ no-work hours %s are %s', (_label, start, end, fine) => {
    const found = problems({ youngNoWorkStart: start, youngNoWorkEnd: end });
    expect(found.length === 0).toBe(fine);
    if (!fine) expect(found[0]).toMatchObject({ path: 'youngNoWorkEnd' });
  });

  it('refuses unknown fields rather than storing them', () => {
    expect(problems({ mystery: 3 } as never)[0]?.message).toMatch(/Unrecognized key/i);
  });
});

describe('thresholds weaker than the statutory ones', () => {
  it('has none at the defaults, nor when stricter', () => {
    expect(belowStatutory(DEFAULT_RULE_SETTINGS)).toEqual({});
    expect(belowStatutory(rules({ dailyRestHours: 12, referenceWeeks: 12, breakMinutes: 30, nightAvgHours: 7 }) as RuleSettings)).toEqual(
      {},
    );
  });

  it.each([
    ['dailyRestHours', 10, 'at least 11 h'],
    ['weeklyRestHours', 20, 'at least 24 h'],
    ['fortnightlyRestHours', 36, 'at least 48 h'],
    ['referenceWeeks', 52, 'at most 17 weeks'],
    ['securityReferenceWeeks', 30, 'at most 26 weeks'],
    ['breakAfterHours', 8, 'at most 6 h'],
    ['breakMinutes', 15, 'at least 20 min'],
    ['nightAvgHours', 10, 'at most 8 h'],
    ['nightReferenceWeeks', 26, 'at most 17 weeks'],
    ['nightWorkerMinHours', 4, 'at most 3 h'],
  ] as const)('warns that %s = %i is below the UK statutory minimum', (key, value, law) => {
    const warnings = belowStatutory(rules({ [key]: value }) as RuleSettings);
    expect(Object.keys(warnings)).toEqual([key]);
    expect(warnings[key]).toBe(
      `Below the UK statutory minimum: the law sets ${law}. Use this only under a collective or workforce agreement.`,
    );
  });

  it('warns but still accepts them, since a workforce agreement can lawfully set them', () => {
    expect(problems({ dailyRestHours: 8, referenceWeeks: 52 })).toEqual([]);
  });
});

describe('bank-holiday changes', () => {
  const issues = (v: unknown) => {
    const r = bankHolidayChangesSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('accepts a one-off day and a removed bank holiday', () => {
    expect(issues({ added: [{ date: '2027-06-07', name: 'Royal event' }], removed: ['2027-05-31'] })).toEqual([]);
  });

  it.each([
    [
      'a day that is already a bank holiday',
      { added: [{ date: '2026-12-25', name: 'Christmas' }], removed: [] },
      'added.0.date',
      'Fri 25 Dec 2026 is already a bank holiday',
    ],
    [
      'the same day twice',
      {
        added: [
          { date: '2027-06-07', name: 'A' },
          { date: '2027-06-07', name: 'B' },
        ],
        removed: [],
      },
      'added.1.date',
      'Mon 7 Jun 2027 is added twice',
    ],
    ['a day with no name', { added: [{ date: '2027-06-07', name: '  ' }], removed: [] }, 'added.0.name', 'Name the day'],
    ['a date that does not exist', { added: [{ date: '2027-02-30', name: 'X' }], removed: [] }, 'added.0.date', 'That date does not exist'],
    ['removing a date that does not exist', { added: [], removed: ['2027-02-30'] }, 'removed.0', 'That date does not exist'],
    [
      'removing an ordinary day',
      { added: [], removed: ['2027-06-01'] },
      'removed.0',
      'Tue 1 Jun 2027 is not a bank holiday in England and Wales',
    ],
  ])('refuses %s', (_label, v, path, message) => {
    expect(issues(v)).toEqual([{ path, message }]);
  });
});

describe('settings as stored and as changed', () => {
  it('reads settings saved before the rule thresholds existed with the UK defaults and no changes', () => {
    const old = settingsSchema.parse({ idleLockMinutes: 5, lateGraceMinutes: 10, organisationName: 'Herts' });
    expect(old.rules).toEqual(DEFAULT_RULE_SETTINGS);
    expect(old.bankHolidayChanges).toEqual({ added: [], removed: [] });
  });

  it('a change to one setting leaves the rules out rather than resetting them to the defaults', () => {
    expect(settingsUpdateSchema.parse({ idleLockMinutes: 7 })).toEqual({ idleLockMinutes: 7 });
  });
});

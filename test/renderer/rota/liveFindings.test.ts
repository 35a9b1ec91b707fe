import { describe, expect, it } from 'vitest';
import type { WeekView } from '../../../shared/contract/rota';
import { DEFAULT_RULE_SETTINGS } from '../../../shared/domain/rota';
import { liveFindings } from '../../../renderer/features/rota/liveFindings';
import { makeShift, makeSite, makeStaff } from '../../shared/domain/rota/factories';

const ana = makeStaff({ name: 'Ana Silva' });
// 19:00 Monday to 06:30 Tuesday: 11 h 30 min of rest.
const monday = makeShift({ date: '2026-11-30', start: '07:00', end: '19:00', staffId: ana.id });
const tuesday = makeShift({ date: '2026-12-01', start: '06:30', end: '14:30', staffId: ana.id });
const view: WeekView = {
  weekStart: '2026-11-30',
  dates: [],
  site: 'CH',
  sites: [makeSite()],
  shifts: [monday],
  context: [],
  staff: [ana],
  findings: [],
  gaps: [],
  bankHolidays: [],
};
const noChanges = { added: [], removed: [] };

describe('the planner’s live rule check', () => {
  it('uses the daily rest set in Settings, not the statutory default', () => {
    const rules = (dailyRestHours: number) =>
      liveFindings(view, tuesday, { rules: { ...DEFAULT_RULE_SETTINGS, dailyRestHours }, bankHolidayChanges: noChanges }).map(
        (f) => f.rule,
      );
    expect(rules(11)).not.toContain('daily-rest');
    expect(rules(12)).toContain('daily-rest');
  });
});

import { describe, expect, it } from 'vitest';
import type { TodayRow, TodayService } from '../../shared/contract/today';
import type { Gap } from '../../shared/domain/rota/types';
import { deskSections } from '../../renderer/features/today/deskSections';

const row = (
  name: string,
  service: TodayRow['service'],
  date: string,
  start: string,
  end: string,
  state: TodayRow['state'],
  o: Partial<TodayRow> = {},
): TodayRow => ({
  shiftId: `shift-${name}`,
  staffId: `staff-${name}`,
  name,
  service,
  date,
  start,
  end,
  state,
  late: state === 'late',
  lateMinutes: 0,
  attendanceId: null,
  signedInAt: null,
  signedOutAt: null,
  corrections: 0,
  coveredBy: null,
  ...o,
});
const gap = (service: Gap['service'], start: string, end: string): Gap => ({
  site: 'CH',
  service,
  date: '2026-11-25',
  start,
  end,
  endDate: '2026-11-25',
  required: 2,
  present: 1,
  shortMinutes: 60,
});

// 05:10 London (GMT in November) on Wed 25 Nov 2026, worked by hand.
const NOW = '2026-11-25T05:10:00.000Z';

describe('the desk’s sections', () => {
  const security: TodayService = {
    service: 'security',
    now: [
      row('nia', 'security', '2026-11-24', '19:00', '07:00', 'on'),
      row('nick', 'security', '2026-11-24', '21:00', '07:00', 'no-show'),
      row('omar', 'security', '2026-11-25', '00:00', '06:00', 'no-show', { coveredBy: 'Rita' }),
    ],
    next: [
      row('sam', 'security', '2026-11-25', '06:45', '18:45', 'upcoming'),
      row('late', 'security', '2026-11-25', '14:00', '22:00', 'upcoming'),
    ],
    earlier: [],
    open: [{ shiftId: 'open-1', service: 'security', date: '2026-11-25', start: '19:00', end: '23:00' }],
  };
  const cleaning: TodayService = {
    service: 'cleaning',
    now: [row('lena', 'cleaning', '2026-11-25', '04:30', '08:30', 'late')],
    next: [],
    earlier: [row('dawn', 'cleaning', '2026-11-25', '01:00', '04:00', 'done')],
    open: [],
  };
  const s = deskSections({
    now: NOW,
    services: [security, cleaning],
    // 00:00–07:00 lies inside Nick's no-show; 05:00–06:00 cleaning has no shift; 19:00–23:00 inside the open shift; 23:00–24:00 later with none.
    gaps: [
      gap('security', '00:00', '07:00'),
      gap('cleaning', '05:00', '06:00'),
      gap('security', '19:00', '23:00'),
      gap('security', '23:00', '24:00'),
    ],
  });

  it('needs action: the uncovered no-show, the late cleaner and the gap with no shift, oldest first', () => {
    expect(
      s.action.map((a) =>
        a.kind === 'person' ? a.row.name : a.kind === 'gap' ? `gap ${a.gap.service} ${a.gap.start}` : `open ${a.open.start}`,
      ),
    ).toEqual(['nick', 'lena', 'gap cleaning 05:00']);
  });

  it('on now keeps the signed-in and the covered no-show; due next is the next three hours; the rest waits', () => {
    expect(s.onNow.find((x) => x.service === 'security')!.rows.map((r) => r.name)).toEqual(['nia', 'omar']);
    expect(s.dueNext.find((x) => x.service === 'security')!.rows.map((r) => r.name)).toEqual(['sam']);
    expect(s.later.upcoming.map((r) => r.name)).toEqual(['late']);
    expect(s.later.earlier.map((r) => r.name)).toEqual(['dawn']);
    expect(s.later.open.map((o) => o.start)).toEqual(['19:00']);
    expect(s.later.gaps.map((g) => g.start)).toEqual(['23:00']);
  });
});

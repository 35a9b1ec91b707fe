/** A real data folder with a manager, the 15 seeded sites and a few staff, for the rota services. */
import type { Session } from '../../../main/services/types';
import type { RequestOf } from '../../../shared/contract';
import type { Shift } from '../../../shared/schemas/shift';
import type { Staff } from '../../../shared/schemas/staff';
import { openTestApp, withManager, type TestApp } from '../../support/app';
import { makeStaff, type StaffOverrides } from '../../shared/domain/rota/factories';

export const NEXT_MONDAY = '2026-11-30';

export interface RotaWorld {
  t: TestApp;
  m: Session;
  staff: Record<string, Staff>;
}

/** Opens a store with a manager and the named staff written to the directory. */
export const rotaWorld = async (people: Record<string, StaffOverrides> = {}): Promise<RotaWorld> => {
  const t = openTestApp();
  const m = await withManager(t);
  const staff = Object.fromEntries(
    Object.entries(people).map(([key, o]) => [key, makeStaff({ name: key, employeeNumber: `E-${key.slice(0, 6).toUpperCase()}`, ...o })]),
  );
  t.opened.app.repos.staff.putMany(Object.values(staff));
  return { t, m, staff };
};

export { okData } from '../../support/app';

type Item = RequestOf<'rota:save'>['items'][number];

/** A shift to save at CH, open unless a person is given. */
export const item = (o: Partial<Item> & Pick<Item, 'date' | 'start' | 'end'>): Item => ({
  site: 'CH',
  service: 'security',
  breakMinutes: 30,
  staffId: null,
  notes: '',
  ...o,
});

/** The fields of a stored shift a planner sends back, as an undo does. */
export const input = (s: Shift) => {
  const { site, service, date, start, end, breakMinutes, staffId, notes, deleted } = s;
  return { site, service, date, start, end, breakMinutes, staffId, notes, deleted };
};

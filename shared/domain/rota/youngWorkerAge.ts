/** Whether someone counts as a young worker (over school age, under 18) on a date. */
import type { Staff } from '../../schemas/staff';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The date someone turns 18; a 29 February birthday falls on 1 March in a common year. */
export const eighteenthBirthday = (dateOfBirth: string): string => {
  const [y, m, d] = dateOfBirth.split('-');
  const year = Number(y) + 18;
  return m === '02' && d === '29' && !isLeap(year) ? `${year}-03-01` : `${year}-${m}-${d}`;
};

/**
 * Young-worker status on `isoDate`. A recorded date of birth decides, because the flag can go stale on
 * an 18th birthday; the flag is used when no date of birth is held.
 */
export const isYoungWorker = (staff: Pick<Staff, 'youngWorker' | 'dateOfBirth'>, isoDate: string): boolean =>
  staff.dateOfBirth ? isoDate < eighteenthOf(staff.dateOfBirth) : staff.youngWorker;

// The rules ask for every shift of the week; a staff list has a few hundred dates of birth.
const eighteenths = new Map<string, string>();
const eighteenthOf = (dateOfBirth: string): string => {
  let day = eighteenths.get(dateOfBirth);
  if (day === undefined) {
    if (eighteenths.size >= 100_000) eighteenths.clear();
    day = eighteenthBirthday(dateOfBirth);
    eighteenths.set(dateOfBirth, day);
  }
  return day;
};

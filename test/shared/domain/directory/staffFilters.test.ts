import { describe, expect, it } from 'vitest';
import {
  filterStaff,
  indexStaff,
  licenceStatusOn,
  licenceWatch,
  type StaffFilter,
  type WatchShift,
} from '../../../../shared/domain/directory';
import { makeOfficer, makeStaff } from './factories';

describe('licenceStatusOn', () => {
  // Licence expiring on 2026-06-30: valid through that day.
  it.each([
    ['2026-01-01', 'valid', 180],
    ['2026-04-30', 'valid', 61],
    ['2026-05-01', 'expiring-60', 60],
    ['2026-05-30', 'expiring-60', 31],
    ['2026-05-31', 'expiring-30', 30],
    ['2026-06-29', 'expiring-30', 1],
    ['2026-06-30', 'expiring-30', 0],
    ['2026-07-01', 'expired', -1],
    ['2027-06-30', 'expired', -365],
  ])('on %s is %s with %i days left', (on, status, daysLeft) => {
    expect(licenceStatusOn(makeOfficer('2026-06-30'), on)).toEqual({ status, expires: '2026-06-30', daysLeft });
  });

  it('counts across the clock change and a leap day', () => {
    expect(licenceStatusOn(makeOfficer('2026-03-30'), '2026-03-28').daysLeft).toBe(2);
    expect(licenceStatusOn(makeOfficer('2028-03-01'), '2028-02-28').daysLeft).toBe(2);
  });

  it('is none without a licence', () => {
    expect(licenceStatusOn(makeStaff(), '2026-01-01')).toEqual({ status: 'none', expires: null, daysLeft: null });
  });
});

describe('filterStaff', () => {
  const TODAY = '2026-06-01';
  const people = [
    makeStaff({ name: "Siobhán O'Brien", employeeNumber: 'E-1001', services: ['reception'], homeSite: 'CH', contractType: 'part-time' }),
    makeOfficer('2026-06-20', { name: 'Tom Reed', employeeNumber: 'S2002', homeSite: 'FH', familiarSites: ['CH'] }),
    makeOfficer('2026-07-20', { name: 'Ana Kovač', employeeNumber: 'S2003', homeSite: 'FH', contractType: 'zero-hours' }),
    makeOfficer('2025-01-01', { name: 'Lee Smith', employeeNumber: 'S2004', homeSite: 'WGC', services: ['security', 'cleaning'] }),
    makeStaff({ name: 'Jo Smith', employeeNumber: 'C3005', homeSite: 'CH', archived: true, archivedOn: '2026-01-01' }),
    makeOfficer('2030-01-01', { name: 'Sam Patel', employeeNumber: 'S2006', homeSite: null }),
  ];
  const index = indexStaff(people);
  const names = (filter: StaffFilter) => filterStaff(index, filter, TODAY).map((s) => s.name);

  it.each<[string, StaffFilter, string[]]>([
    ['no filter shows everyone still employed', {}, ["Siobhán O'Brien", 'Tom Reed', 'Ana Kovač', 'Lee Smith', 'Sam Patel']],
    ['name words in any order', { text: 'smith lee' }, ['Lee Smith']],
    ['part of a surname', { text: 'smi' }, ['Lee Smith']],
    ['without accents or apostrophes', { text: 'siobhan obrien' }, ["Siobhán O'Brien"]],
    ['accented query', { text: 'KOVAČ' }, ['Ana Kovač']],
    ['employee number without the dash', { text: 'e1001' }, ["Siobhán O'Brien"]],
    ['employee number in lower case', { text: 's2003' }, ['Ana Kovač']],
    ['nothing matches', { text: 'zzz' }, []],
    ['blank text is no filter', { text: '   ' }, ["Siobhán O'Brien", 'Tom Reed', 'Ana Kovač', 'Lee Smith', 'Sam Patel']],
    ['service', { service: 'cleaning' }, ['Lee Smith']],
    ['site as home or familiar', { site: 'CH' }, ["Siobhán O'Brien", 'Tom Reed']],
    ['contract type', { contractType: 'zero-hours' }, ['Ana Kovač']],
    ['licence expiring in 30', { licence: ['expiring-30'] }, ['Tom Reed']],
    ['licence expiring in 30 or 60', { licence: ['expiring-30', 'expiring-60'] }, ['Tom Reed', 'Ana Kovač']],
    ['licence expired', { licence: ['expired'] }, ['Lee Smith']],
    ['no licence', { licence: ['none'] }, ["Siobhán O'Brien"]],
    ['valid licence', { licence: ['valid'] }, ['Sam Patel']],
    ['archived only', { archived: 'archived' }, ['Jo Smith']],
    ['everyone', { archived: 'all', text: 'smith' }, ['Lee Smith', 'Jo Smith']],
    ['filters combine', { service: 'security', site: 'FH', text: 'ana' }, ['Ana Kovač']],
  ])('%s', (_, filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it('folds each person once, in the index', () => {
    expect(index[0].key).toBe('siobhan obrien e1001');
  });

  it('finds one person among a thousand by employee number', () => {
    const many = indexStaff(
      Array.from({ length: 1000 }, (_, i) => makeStaff({ name: `Person ${i} Example`, employeeNumber: `E${10000 + i}` })),
    );
    expect(filterStaff(many, { text: 'e10999' }, '2026-06-01').map((s) => s.name)).toEqual(['Person 999 Example']);
  });
});

describe('licenceWatch', () => {
  const TODAY = '2026-06-01';
  const expired = makeOfficer('2026-05-20', { name: 'Expired Eve' });
  const soon = makeOfficer('2026-06-10', { name: 'Soon Sam' });
  const today = makeOfficer(TODAY, { name: 'Today Tia' });
  const later = makeOfficer('2026-07-20', { name: 'Later Lou' });
  const edge60 = makeOfficer('2026-07-31', { name: 'Edge Ed' });
  const fine = makeOfficer('2026-08-01', { name: 'Fine Fay' });
  const none = makeStaff({ name: 'None Nia', services: ['security'] });
  const cleaner = makeStaff({ name: 'Cleaner Cal' });
  const gone = makeOfficer('2026-05-01', { name: 'Gone Gus', archived: true, archivedOn: '2026-05-01' });
  const staff = [fine, later, soon, expired, today, edge60, none, cleaner, gone];
  const shift = (id: string, staffId: string, date: string, service: WatchShift['service'] = 'security'): WatchShift => ({
    id,
    staffId,
    date,
    site: 'CH',
    service,
  });
  const shifts = [
    shift('s1', soon.id, '2026-06-12'),
    shift('s2', soon.id, '2026-06-10'),
    shift('s3', soon.id, '2026-06-09'),
    shift('s4', soon.id, '2026-06-11', 'cleaning'),
    shift('s5', expired.id, '2026-06-02'),
    shift('s6', none.id, '2026-06-03'),
    shift('s7', fine.id, '2026-09-01'),
  ];
  const watch = licenceWatch(staff, TODAY, shifts);
  const names = (list: { staff: { name: string } }[]) => list.map((e) => e.staff.name);

  it('groups security staff by how soon their licence runs out', () => {
    expect(names(watch.expired)).toEqual(['Expired Eve']);
    expect(names(watch.within30)).toEqual(['Today Tia', 'Soon Sam']);
    expect(names(watch.within60)).toEqual(['Later Lou', 'Edge Ed']);
    expect(names(watch.none)).toEqual(['None Nia']);
  });

  it('gives days left', () => {
    expect(watch.within30.map((e) => e.daysLeft)).toEqual([0, 9]);
    expect(watch.expired[0]).toMatchObject({ expires: '2026-05-20', daysLeft: -12 });
  });

  it('lists security shifts on or after the expiry date, in date order', () => {
    expect(watch.within30[1].shifts.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(watch.expired[0].shifts.map((s) => s.id)).toEqual(['s5']);
    expect(watch.none[0].shifts.map((s) => s.id)).toEqual(['s6']);
    expect(watch.within60[0].shifts).toEqual([]);
  });

  it('works without shifts', () => {
    expect(licenceWatch(staff, TODAY).within30[1].shifts).toEqual([]);
  });
});

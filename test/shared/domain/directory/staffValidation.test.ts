import { describe, expect, it } from 'vitest';
import { ageOn, employeeNumberClash, validateStaff } from '../../../../shared/domain/directory';
import type { Staff, StaffInput } from '../../../../shared/schemas/staff';
import { makeOfficer, makeStaff } from './factories';

const TODAY = '2026-06-15';
const existing = [
  makeStaff({ name: 'Priya Shah', employeeNumber: 'E-1001' }),
  makeStaff({ name: 'Tom Reed', employeeNumber: 'E1002', archived: true, archivedOn: '2025-12-31' }),
];
const input = (overrides: Partial<Staff> = {}): StaffInput => makeStaff(overrides);
const check = (overrides: Partial<Staff> = {}, selfId?: string) => validateStaff(input(overrides), existing, { todayIso: TODAY, selfId });

describe('validateStaff: employee number', () => {
  it('accepts a new number', () => {
    expect(check({ employeeNumber: 'E-2000' })).toEqual({ errors: {}, warnings: {} });
  });

  it.each([
    ['E-1001', 'Employee number E-1001 already belongs to Priya Shah'],
    ['e-1001', 'Employee number E-1001 already belongs to Priya Shah'],
    [' E-1001 ', 'Employee number E-1001 already belongs to Priya Shah'],
    ['E1002', 'Employee number E1002 already belongs to Tom Reed (archived)'],
  ])('refuses %j', (employeeNumber, message) => {
    expect(check({ employeeNumber }).errors).toEqual({ employeeNumber: message });
  });

  it('ignores the record being edited', () => {
    expect(check({ employeeNumber: 'e-1001' }, existing[0].id).errors).toEqual({});
  });

  it('reports a malformed number from the schema', () => {
    expect(check({ employeeNumber: 'E 1' }).errors.employeeNumber).toBe('An employee number is 3–20 letters, digits or dashes');
  });

  it('finds clashes directly', () => {
    expect(employeeNumberClash('e1002', existing)?.name).toBe('Tom Reed');
    expect(employeeNumberClash('E1003', existing)).toBeUndefined();
  });
});

describe('validateStaff: SIA licence', () => {
  it.each<[string, Partial<Staff>, Record<string, string>]>([
    [
      'security without a licence is allowed but flagged',
      { services: ['security'] },
      { sia: 'No SIA licence: they cannot be put on security shifts until one is added' },
    ],
    [
      'an expired licence is flagged',
      makeOfficer('2026-06-14'),
      { 'sia.expires': 'The SIA licence expired on Sun 14 Jun 2026: no security shifts until it is renewed' },
    ],
    [
      'expiring today is flagged as expiring, not expired',
      makeOfficer(TODAY),
      { 'sia.expires': 'The SIA licence expires on Mon 15 Jun 2026 (0 days left)' },
    ],
    [
      'expiring within 60 days is flagged',
      makeOfficer('2026-08-14'),
      { 'sia.expires': 'The SIA licence expires on Fri 14 Aug 2026 (60 days left)' },
    ],
    ['61 days left is fine', makeOfficer('2026-08-15'), {}],
    ['a cleaner needs no licence', { services: ['cleaning'] }, {}],
    ['a cleaner with an expired licence is not flagged', { ...makeOfficer('2020-01-01'), services: ['cleaning'] }, {}],
  ])('%s', (_, overrides, warnings) => {
    const result = check(overrides);
    expect(result.errors).toEqual({});
    expect(result.warnings).toEqual(warnings);
  });

  it('refuses a licence number that is not 16 digits', () => {
    const officer = makeOfficer('2027-01-01');
    expect(check({ ...officer, sia: { ...officer.sia!, number: '12345' } }).errors).toEqual({
      'sia.number': 'An SIA licence number is 16 digits',
    });
  });
});

describe('validateStaff: young worker', () => {
  it.each<[string, string, boolean, Record<string, string>]>([
    ['17 and flagged', '2009-01-01', true, {}],
    [
      '17 and not flagged',
      '2009-01-01',
      false,
      { youngWorker: 'Born Thu 1 Jan 2009, so under 18: tick young worker so their limits are checked' },
    ],
    ['18 today and not flagged', '2008-06-15', false, {}],
    ['18 today but flagged', '2008-06-15', true, { youngWorker: 'Born Sun 15 Jun 2008, so 18 or over: untick young worker' }],
    ['18 tomorrow and flagged', '2008-06-16', true, {}],
    ['adult and not flagged', '1980-03-03', false, {}],
    ['born in the future', '2026-06-16', false, { dateOfBirth: 'The date of birth is after today' }],
  ])('%s', (_, dateOfBirth, youngWorker, errors) => {
    expect(check({ dateOfBirth, youngWorker }).errors).toEqual(errors);
  });

  it('leaves the flag alone when there is no date of birth', () => {
    expect(check({ dateOfBirth: null, youngWorker: true }).errors).toEqual({});
  });

  it.each([
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-29', 20],
    ['2000-12-31', '2018-12-30', 17],
    ['2000-12-31', '2018-12-31', 18],
  ])('ageOn(%s, %s) = %i', (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age);
  });
});

describe('validateStaff: working-time opt-out', () => {
  it.each<[string, string, Record<string, string>]>([
    ['signed in the past', '2025-01-10', {}],
    ['signed today', TODAY, {}],
    ['signed tomorrow', '2026-06-16', { 'optOut.signed': 'The opt-out cannot be signed after today' }],
  ])('%s', (_, signed, errors) => {
    expect(check({ optOut: { signed } }).errors).toEqual(errors);
  });

  it('warns that a young worker cannot opt out of their limits', () => {
    const result = check({ optOut: { signed: '2026-01-01' }, youngWorker: true, dateOfBirth: '2009-05-05' });
    expect(result.errors).toEqual({});
    expect(result.warnings).toEqual({ optOut: 'A young worker cannot opt out of their 8 h a day and 40 h a week limits' });
  });
});

describe('validateStaff: sites', () => {
  it('checks site codes when they are given', () => {
    const result = validateStaff(input({ homeSite: 'ZZ', familiarSites: ['FH', 'QQ'] }), [], { todayIso: TODAY, siteCodes: ['CH', 'FH'] });
    expect(result.errors).toEqual({ homeSite: 'There is no site ZZ', 'familiarSites.1': 'There is no site QQ' });
  });

  it('does not check site codes otherwise', () => {
    expect(validateStaff(input({ homeSite: 'ZZ' }), [], { todayIso: TODAY }).errors).toEqual({});
  });
});

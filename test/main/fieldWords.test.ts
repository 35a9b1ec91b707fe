/**
 * A refusal names the field in the words of the box the person typed into: "Hub user name", not "(Name)";
 * "Opt-out signed on", not "(Signed)". Each case sends an empty or wrong value through the app's own dispatch,
 * as the form does, and expects the whole sentence the banner shows. A message that already begins with the
 * field's name says it once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../shared/domain/rota/types';
import type { Session } from '../../main/services/types';
import type { RequestOf } from '../../shared/contract';
import { okData, openTestApp, withManager, type TestApp } from '../support/app';

const HUB = { url: 'https://hub.council.example:6984', name: 'desk_ch', password: 'a long hub password' };
const PERSON = {
  name: 'Priya Shah',
  employeeNumber: 'E-1001',
  services: ['security'],
  familiarSites: [],
  homeSite: 'CH',
  contractType: 'full-time',
  contractedHours: 40,
  payRate: 13.25,
  optOut: null,
  youngWorker: false,
  dateOfBirth: null,
  sia: { number: '1234567812345678', sector: 'security-guarding', expires: '2027-12-10' },
  availability: {},
  phone: '',
  notes: '',
} satisfies RequestOf<'staff:create'>;
const LEAVE = { daysPerWeek: 5 };
const SITE = {
  code: 'NEW',
  name: 'New House',
  address: '1 High Street',
  opening: {},
  services: ['reception'],
  cover: {},
};
const STAFF_ID = 'staff-0001';

let t: TestApp;
let m: Session;
/** A person on file, for the channels that look the person up before checking the rest. */
let personId: string;
beforeAll(async () => {
  t = openTestApp();
  m = await withManager(t);
  personId = okData(await t.call('staff:create', PERSON, m)).id;
});

/** The message a person sees for `payload` sent on `channel` by the manager. */
const refusal = async (channel: string, payload: unknown) => {
  const r = await t.raw(channel, payload, m);
  expect(r.ok, `${channel} was refused`).toBe(false);
  return r.ok ? '' : r.message;
};

describe('the hub connection and a desk’s hub user', () => {
  it.each([
    ['an empty hub user name', { ...HUB, name: '' }, 'A hub user name is 3–64 lower-case letters, digits, - or _ (Hub user name)'],
    [
      'a hub address that is not one',
      { ...HUB, url: 'hub' },
      'Enter the hub’s address, e.g. https://hub.council.example:6984 (Hub address)',
    ],
    ['a short hub password', { ...HUB, password: 'short' }, 'A hub password is at least 12 characters (Hub password)'],
  ])('Settings → Sync names %s', async (_what, payload, message) => {
    expect(await refusal('sync:connect', payload)).toBe(message);
  });

  it('the enrolment file names the desk’s hub user name', async () => {
    const enrol = { sites: ['CH'], supervisors: ['account-01'], hub: { name: '', password: 'a long hub password' } };
    expect(await refusal('enrol:create', enrol)).toBe('A hub user name is 3–64 lower-case letters, digits, - or _ (Hub user name)');
    expect(await refusal('enrol:create', { ...enrol, hub: { name: 'desk_ch', password: 'short' } })).toBe(
      'A hub password is at least 12 characters (Hub password)',
    );
  });
});

describe('a person’s record', () => {
  it.each([
    ['an empty opt-out date', { optOut: { signed: '' } }, 'Enter a date (Opt-out signed on)'],
    ['an opt-out date that does not exist', { optOut: { signed: '2026-02-30' } }, 'That date does not exist (Opt-out signed on)'],
    ['a short SIA licence number', { sia: { ...PERSON.sia, number: '1234' } }, 'An SIA licence number is 16 digits (SIA licence number)'],
    ['an empty licence expiry', { sia: { ...PERSON.sia, expires: '' } }, 'Enter a date (Licence expiry date)'],
    ['no licence sector', { sia: { ...PERSON.sia, sector: '' } }, 'Choose the licence sector (Licence sector)'],
    ['a home site in lower case', { homeSite: 'ch' }, 'A site code is 2–4 capital letters, e.g. CH (Home site)'],
    ['negative contracted hours', { contractedHours: -1 }, 'Hours cannot be negative (Contracted hours a week)'],
    ['no days worked a week', { leave: { daysPerWeek: 0 } }, 'At least half a day a week (Days worked a week)'],
    ['negative extra leave days', { leave: { ...LEAVE, extraDays: -1 } }, 'Cannot be negative (Contractual extra days a year)'],
    ['too many days carried over', { leave: { ...LEAVE, carriedDays: 61 } }, 'At most 60 days (Days carried over)'],
    ['an empty employment start', { leave: { ...LEAVE, started: '' } }, 'Enter a date (Employment started)'],
    [
      'a leave year start that is no day',
      { leave: { ...LEAVE, yearStart: '13-01' } },
      'Enter the month and day, e.g. 04-01 (Agreed leave year starts)',
    ],
  ])('names %s', async (_what, over, message) => {
    expect(await refusal('staff:create', { ...PERSON, ...over })).toBe(message);
  });

  it('names an absence’s days as the booking form does', async () => {
    const absence = { kind: 'sickness', from: '2027-01-04', to: '2027-01-08' };
    expect(await refusal('staff:save-absence', { staffId: personId, absence: { ...absence, from: '' } })).toBe('Enter a date (First day)');
    expect(await refusal('staff:save-absence', { staffId: personId, absence: { ...absence, to: '2027-01-01' } })).toBe(
      'An absence ends on or after the day it starts (Last day)',
    );
    expect(await refusal('staff:save-absence', { staffId: personId, absence: { ...absence, partDay: { start: '', end: '12:00' } } })).toBe(
      'Enter a time (Absent from)',
    );
  });
});

describe('leave requests', () => {
  const request = { staffId: STAFF_ID, from: '2027-01-04', to: '2027-01-08' };
  it.each([
    ['an empty first day', { ...request, from: '' }, 'Enter a date (First day)'],
    ['a last day before the first', { ...request, to: '2027-01-01' }, 'Leave ends on or after the day it starts (Last day)'],
    ['an empty part-day end', { ...request, partDay: { start: '09:00', end: '' } }, 'Enter a time (Off until)'],
  ])('names %s', async (_what, payload, message) => {
    expect(await refusal('leave:request', payload)).toBe(message);
  });

  it('names the reasons a manager gives', async () => {
    const ref = { staffId: STAFF_ID, requestId: 'request-01' };
    expect(await refusal('leave:approve', { ...ref, override: 'ok' })).toBe(
      'Say why the balance may go below zero (at least 5 characters) (Reason for approving below zero)',
    );
    expect(await refusal('leave:refuse', { ...ref, reason: '' })).toBe(
      'Say why it is refused (at least 5 characters) (Reason for refusing)',
    );
  });
});

describe('a site', () => {
  it.each([
    ['an empty site name', { ...SITE, name: '' }, 'Site name is required'],
    [
      'an opening time that is no time',
      { ...SITE, opening: { mon: { open: '25:00', close: '17:00' } } },
      'Times are written hh:mm, 00:00 to 24:00 (Opens)',
    ],
    [
      'a cover window for nobody',
      { ...SITE, cover: { reception: { mon: [{ start: '09:00', end: '17:00', min: 0 }] } } },
      'At least one person (People needed)',
    ],
    ['a contact with no name', { ...SITE, contacts: [{ name: '', role: 'Caretaker', phone: '' }] }, 'Contact name is required'],
  ])('names %s', async (_what, payload, message) => {
    expect(await refusal('sites:create', payload)).toBe(message);
  });

  it('names where cover is copied to', async () => {
    const copy = { from: 'CH', service: 'reception', day: 'mon', toSites: ['CH'], toDays: ['tue'] };
    expect(await refusal('sites:copy-cover', { ...copy, toSites: [] })).toBe('Choose at least one site (Sites to copy to)');
    expect(await refusal('sites:copy-cover', { ...copy, toDays: [] })).toBe('Choose at least one day (Days to copy to)');
  });
});

describe('settings', () => {
  it.each([
    [
      'a leave year start that is no day',
      { leave: { yearStart: '13-01', carryOver: null } },
      'Enter the month and day, e.g. 04-01 (Leave year starts on)',
    ],
    [
      'negative days carried',
      { leave: { yearStart: null, carryOver: { maxDays: -1, expiresAfterMonths: 6 } } },
      'Cannot be negative (Most days carried)',
    ],
    [
      'a carry-over that lapses at once',
      { leave: { yearStart: null, carryOver: { maxDays: 5, expiresAfterMonths: 0 } } },
      'At least 1 month (Lapse if not taken within)',
    ],
    [
      'a reference tag in lower case',
      { installTag: 'x' },
      'A tag is 1–6 capitals or digits, starting with a letter (Tag for other sites’ references)',
    ],
    [
      'an added bank holiday with no name',
      { bankHolidayChanges: { added: [{ date: '2027-03-01', name: '' }], removed: [] } },
      'Name the day (Name of the day)',
    ],
    ['a removed bank holiday with no date', { bankHolidayChanges: { added: [], removed: [''] } }, 'Enter a date (Removed day)'],
    [
      'a shortest break in part minutes',
      { rules: { ...DEFAULT_RULE_SETTINGS, breakMinutes: 20.5 } },
      'Enter whole minutes (Shortest break)',
    ],
    [
      'a night start that is no time',
      { rules: { ...DEFAULT_RULE_SETTINGS, nightStart: '25:00' } },
      'Enter a time as HH:mm, 00:00 to 23:59 (Night time starts)',
    ],
    [
      'an under-18s break threshold out of range',
      { rules: { ...DEFAULT_RULE_SETTINGS, youngBreakAfterMinutes: 0 } },
      expect.stringMatching(/^Enter \d+–\d+ minutes \(Under-18s: break needed on shifts over\)$/),
    ],
  ])('names %s', async (_what, patch, message) => {
    expect(await refusal('settings:update', patch)).toEqual(message);
  });
});

describe('passwords, PINs and unlocking', () => {
  it('names the boxes of the password and PIN forms', async () => {
    expect(await refusal('accounts:change-password', { current: '', next: 'a new password' })).toBe(
      'Enter your current password (Current password)',
    );
    expect(await refusal('accounts:change-password', { current: 'correct horse 1', next: 'short' })).toBe(
      'A password is at least 8 characters (New password)',
    );
    expect(await refusal('accounts:set-pin', { password: 'correct horse 1', pin: '12' })).toBe('A PIN is 4 to 8 digits (New PIN)');
    expect(await refusal('accounts:set-pin', { password: '', pin: null })).toBe('Enter your password (Current password)');
    expect(await refusal('auth:unlock', { username: 'maria', secret: '' })).toBe('Enter your password or PIN (Password or PIN)');
  });

  it('names the first manager’s own name once', async () => {
    const fresh = openTestApp();
    expect(await fresh.raw('auth:setup', { username: 'maria', displayName: '  ', password: 'longenough' }, fresh.session())).toMatchObject({
      message: 'Your name is required',
    });
  });
});

describe('incidents, the log and rule overrides', () => {
  const incident = {
    site: 'CH',
    location: 'Main reception',
    occurredAt: '2026-11-25T09:00:00.000Z',
    reportedAt: '2026-11-25T09:10:00.000Z',
    reportedBy: 'Sam Patel',
    reportedTo: 'Maria Okafor',
    category: 'security',
    severity: 'low',
    details: 'A door was found open.',
  };
  it.each([
    ['an empty place', { ...incident, location: '' }, 'Where in the site is required'],
    ['an empty account', { ...incident, details: '' }, 'What happened is required'],
    [
      'a follow-up with no action',
      { ...incident, followUps: [{ action: '', owner: 'Maria', due: '2026-12-01' }] },
      'Follow-up is required',
    ],
    [
      'a date reported to the HSE that does not exist',
      { ...incident, riddor: { kind: 'specified-injury', reportedOn: '2026-02-30' } },
      'That date does not exist (Reported to the HSE on)',
    ],
  ])('an incident names %s', async (_what, payload, message) => {
    expect(await refusal('incidents:create', payload)).toBe(message);
  });

  it('names an empty log entry once', async () => {
    expect(await refusal('log:add', { site: 'CH', date: '2026-11-25', time: '09:00', kind: 'patrol', text: '' })).toBe('Entry is required');
  });

  it('names a short override reason', async () => {
    expect(await refusal('rota:copy-week', { from: '2026-11-23', to: '2026-11-30', override: 'x' })).toBe(
      'Say why the rule is overridden (at least 5 characters) (Override reason)',
    );
  });
});

describe('files and packs', () => {
  it('names a staff file that is too large as the file, not its format', async () => {
    expect(await refusal('staff:import-preview', { csv: 'x'.repeat(2_000_001) })).toBe(
      'That file is too large for a staff list (2 MB at most) (Staff file)',
    );
  });

  it('names a photo that is too large as the photo, not its encoding', async () => {
    const photo = { id: 'incident-01', rev: 1, name: 'door.jpg', base64: 'A'.repeat(14_000_000) };
    expect(await refusal('incidents:add-photo', photo)).toBe('A photo is at most 10 MB (Photo)');
  });

  it('names the weeks of a rota pack as the export form does', async () => {
    expect(await refusal('exchange:export-rota', { sites: ['CH'], weeks: [] })).toBe('Choose at least one week (Number of weeks)');
  });
});

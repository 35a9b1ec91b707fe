/** A set-aside version in the words of the Conflicts screen, with hand-written versions and the words expected. */
import { describe, expect, it } from 'vitest';
import { differences, stampTime, titleOf, whyInWords, type Names } from '../../../../shared/domain/sync/aside';
import { formatHlc, HLC_ZERO } from '../../../../shared/domain/sync/hlc';

const names: Names = {
  person: (id) => ({ staff_carla_001: 'Carla Brush' })[id] ?? 'someone not on the staff list',
  site: (code) => ({ CH: 'County Hall' })[code] ?? code,
  user: (id) => ({ account_manager1: 'Maria Okafor', account_sup_ch01: 'Dee Supervisor' })[id] ?? 'someone on another install',
};

const meta = (at: string, by: string, node: string) => ({
  createdAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'seed_system_0001',
  updatedAt: at,
  updatedBy: by,
  rev: 2,
  hlc: formatHlc({ wall: Date.parse(at), count: 0, node }),
  origin: node,
});

describe('a set-aside version in words', () => {
  it('names the record of each kind', () => {
    const log = { id: 'log_1', site: 'CH', date: '2026-11-25', time: '07:10', kind: 'patrol', ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    expect(titleOf('log', log, names)).toBe('Patrol at County Hall, Wed 25 Nov 2026 07:10');
    const att = { id: 'att_1', staffId: 'staff_carla_001', site: 'CH', date: '2026-11-25', ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    expect(titleOf('attendance', att, names)).toBe('Carla Brush at County Hall, Wed 25 Nov 2026');
    const inc = { id: 'inc_1', ref: 'CH-2026-0042', site: 'CH', ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    expect(titleOf('incidents', inc, names)).toBe('CH-2026-0042 at County Hall');
    const site = { id: 'site_1', code: 'CH', name: 'County Hall', ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    expect(titleOf('sites', site, names)).toBe('County Hall (CH)');
  });

  it('says which 01:30 a log entry is on the night the clocks go back, and shows a time it cannot read as stored', () => {
    const log = { id: 'log_1', site: 'CH', date: '2026-10-25', time: '01:30', kind: 'patrol', ...meta('2026-10-25T01:40:00Z', 'x', 'a') };
    expect(titleOf('log', log, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 01:30 BST');
    expect(titleOf('log', { ...log, zone: 'GMT' }, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 01:30 GMT');
    expect(titleOf('log', { ...log, time: '22:05' }, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 22:05');
    // A record set aside is not checked: a time that is not one, or a zone the log does not store, is shown as it was written, not thrown on.
    expect(titleOf('log', { ...log, time: 'half one' }, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 half one');
    expect(titleOf('log', { ...log, time: undefined }, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 ');
    expect(titleOf('log', { ...log, time: '25:70', zone: 'GMT' }, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 25:70');
    expect(titleOf('log', { ...log, zone: 'BST' }, names)).toBe('Patrol at County Hall, Sun 25 Oct 2026 01:30');
  });

  it('says why, for each reason', () => {
    expect(whyInWords('staff', 'edited-on-two-installs')).toBe(
      'Edited on two computers while they were apart: the later edit is in force and this one was kept aside.',
    );
    expect(whyInWords('log', 'edited-on-two-installs')).toBe(
      'Two different entries were written under one id: the first written stands and this one was kept aside.',
    );
    expect(whyInWords('incidents', 'history-diverged')).toMatch(/^Its history was added to on two computers while they were apart/);
    expect(whyInWords('sites', 'stamped-ahead')).toMatch(/^Not taken in: this edit was stamped more than a day ahead/);
    expect(stampTime(HLC_ZERO)).toBeNull();
    expect(stampTime(formatHlc({ wall: Date.parse('2026-11-25T07:01:00Z'), count: 3, node: 'x' }))).toBe('2026-11-25T07:01:00.000Z');
  });

  it('lists only the fields that differ, not who wrote them nor their stamps', () => {
    const base = { id: 'log_1', site: 'CH', date: '2026-11-25', time: '07:10', kind: 'patrol', text: 'All doors checked.', corrects: null };
    const a = { ...base, ...meta('2026-11-25T07:10:00Z', 'account_manager1', 'a') };
    const b = { ...base, ...meta('2026-11-25T07:12:00Z', 'account_sup_ch01', 'b') };
    expect(differences('log', a, b, names)).toEqual([]);
    expect(differences('log', a, { ...b, text: 'Rear door open.', kind: 'alarm' }, names)).toEqual([
      { label: 'Kind', inForce: 'Patrol', setAside: 'Alarm' },
      { label: 'Entry', inForce: 'All doors checked.', setAside: 'Rear door open.' },
    ]);
  });

  it('does not count a pay rate the set-aside version of a person does not carry; labels a site’s name as the form does', () => {
    const person = { id: 'p', name: 'Cleo Early', payRate: 11.5, phone: '', ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    const fromDirectory = { id: 'p', name: 'Cleo Early', phone: '07700 900001', ...meta('2026-11-25T07:00:00Z', 'x', 'b') };
    expect(differences('staff', person, fromDirectory, names)).toEqual([{ label: 'Phone', inForce: '—', setAside: '07700 900001' }]);
    expect(differences('staff', person, { ...fromDirectory, phone: '', payRate: 12 }, names)).toEqual([
      { label: 'Pay rate', inForce: '£11.50', setAside: '£12.00' },
    ]);
    const site = { id: 's', code: 'CH', name: 'County Hall', archived: false, ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    expect(differences('sites', site, { ...site, name: 'County Hall Annexe', archived: true }, names)).toEqual([
      { label: 'Site name', inForce: 'County Hall', setAside: 'County Hall Annexe' },
      { label: 'Archived', inForce: 'No', setAside: 'Yes' },
    ]);
  });

  it('labels each field in words, acronyms and hyphens as the forms write them, never by its key', () => {
    const person = { id: 'p', name: 'Kim', optOut: null, sia: null, ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    const signed = {
      ...person,
      optOut: { signed: '2026-11-02' },
      sia: { number: '6543210987654321', sector: 'security-guarding', expires: '2026-12-20' },
    };
    expect(differences('staff', person, signed, names).map((f) => f.label)).toEqual(['48-hour opt-out', 'SIA licence']);
    const entry = { id: 'log_1', site: 'CH', date: '2026-11-25', time: '07:10', kind: 'patrol', text: 'All clear.', seq: 3 };
    const other = { ...entry, seq: 4, ...meta('2026-11-25T07:12:00Z', 'x', 'b') };
    expect(differences('log', { ...entry, ...meta('2026-11-25T07:10:00Z', 'x', 'a') }, other, names)).toEqual([
      { label: 'Number in the day’s log', inForce: '3', setAside: '4' },
    ]);
    const att = { id: 'att_1', shiftId: 'shift_a', staffId: 'staff_carla_001', ...meta('2026-11-25T07:10:00Z', 'x', 'a') };
    expect(differences('attendance', att, { ...att, shiftId: 'shift_b' }, names).map((f) => f.label)).toEqual(['Shift']);
  });

  it('an incident whose history diverged: both histories by length and last entry, and the status as the incident screens say it', () => {
    const entry = (kind: string, at: string, by: string) => ({ at, by, kind, changes: [], note: '', prevHash: '', hash: `${kind}${at}` });
    const created = entry('created', '2026-11-25T06:55:00.000Z', 'account_sup_ch01');
    const inc = {
      id: 'inc_1',
      site: 'CH',
      status: 'investigating',
      history: [created, entry('status', '2026-11-25T07:03:00.000Z', 'account_manager1')],
      ...meta('2026-11-25T07:03:00Z', 'account_manager1', 'a'),
    };
    const other = {
      ...inc,
      status: 'open',
      history: [created, entry('amendment', '2026-11-25T07:02:00.000Z', 'account_sup_ch01')],
      ...meta('2026-11-25T07:02:00Z', 'account_sup_ch01', 'b'),
    };
    expect(differences('incidents', inc, other, names)).toEqual([
      { label: 'Status', inForce: 'Investigating', setAside: 'Open' },
      {
        label: 'History',
        inForce: '2 entries; the last: Status changed, Maria Okafor, Wed 25 Nov 2026 07:03',
        setAside: '2 entries; the last: Amendment, Dee Supervisor, Wed 25 Nov 2026 07:02',
      },
    ]);
  });

  it('shows a person’s SIA sector, contract and availability as the staff editor words them, never the stored codes', () => {
    const person = {
      id: 'p',
      name: 'Kim',
      contractType: 'full-time',
      availability: {},
      sia: { number: '6543210987654321', sector: 'door-supervision', expires: '2026-12-20' },
      ...meta('2026-11-25T07:10:00Z', 'x', 'a'),
    };
    const other = {
      ...person,
      contractType: 'zero-hours',
      availability: {
        mon: [{ start: '07:00', end: '19:00' }],
        wed: [
          { start: '09:00', end: '13:00' },
          { start: '18:00', end: '22:00' },
        ],
      },
      sia: { ...person.sia, sector: 'security-guarding' },
      ...meta('2026-11-25T07:12:00Z', 'x', 'b'),
    };
    const rows = differences('staff', person, other, names);
    const shown = rows.flatMap((r) => [r.inForce, r.setAside]).join(' | ');
    for (const code of ['door-supervision', 'security-guarding', 'full-time', 'zero-hours', 'mon', 'wed'])
      expect(shown).not.toMatch(new RegExp(`\\b${code}\\b`));
    expect(rows.map((r) => [r.inForce, r.setAside])).toEqual([
      ['Full-time', 'Zero hours'],
      ['Any time', 'Mon 07:00–19:00; Wed 09:00–13:00, 18:00–22:00; not available on other days'],
      [expect.stringContaining('Door supervision'), expect.stringContaining('Security guarding')],
    ]);
  });

  it('shows a log entry’s time with BST or GMT in the hour that comes twice, and a difference in zone alone', () => {
    const entry = { id: 'log_1', site: 'CH', date: '2026-10-25', time: '01:30', kind: 'patrol', text: 'All clear.' };
    const a = { ...entry, ...meta('2026-10-25T01:40:00Z', 'x', 'a') };
    expect(differences('log', a, { ...a, time: '07:10' }, names)).toEqual([{ label: 'Time', inForce: '01:30 BST', setAside: '07:10' }]);
    expect(differences('log', a, { ...a, zone: 'GMT' }, names)).toEqual([{ label: 'Time', inForce: '01:30 BST', setAside: '01:30 GMT' }]);
    // A time the log could not read is shown as it was written.
    expect(differences('log', a, { ...a, time: 'half one', zone: 'GMT' }, names)).toEqual([
      { label: 'Time', inForce: '01:30 BST', setAside: 'half one' },
    ]);
  });
});

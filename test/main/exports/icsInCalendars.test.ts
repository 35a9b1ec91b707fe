/**
 * A person's rota as iCalendar, read back by ical.js and by Python's icalendar (Debian's python3-icalendar),
 * through an edit and a deletion, as a calendar that imported the first file would see the second.
 */
import { execFileSync } from 'node:child_process';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/app';
import { DESK_NOW, DESK_PASSWORD, DESK_STAFF, seedDesk } from '../../support/deskWorld';
import { systemPython } from '../../support/realTools';

const NAME = 'Łukasz 李雷, Ops';
const person = { ...DESK_STAFF.rhea, id: 'staff_lukasz_001', name: NAME, employeeNumber: 'E-9001' };
const RANGE = { staffId: person.id, from: '2026-11-30', to: '2026-12-06' };
const shiftOn = (date: string, start: string, end: string) => ({
  site: 'CH',
  service: 'reception' as const,
  date,
  start,
  end,
  breakMinutes: 30,
  staffId: person.id,
  notes: 'Front desk; bring the visitor book, keys and the new lanyards for contractors',
});

let t: TestApp;
let m: ReturnType<TestApp['session']>;
const ok = <T>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const exportIcs = async () => ok(await t.call('rota:export-ics', RANGE, m));
const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    lastModified: String(v.getFirstPropertyValue('last-modified')),
    status: String(v.getFirstPropertyValue('status')),
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
  }));

/** What Python's icalendar reads from the file: calendar name and each event's uid, sequence and status. */
const inPython = (text: string): { calname: string; events: [string, number, string][] } =>
  JSON.parse(
    execFileSync(
      systemPython(),
      [
        '-c',
        'import sys, json, icalendar\ncal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())\nprint(json.dumps({"calname": str(cal.get("X-WR-CALNAME")), "events": [[str(e.get("UID")), int(e.get("SEQUENCE")), str(e.get("STATUS"))] for e in cal.walk("VEVENT")]}))',
      ],
      { input: Buffer.from(text, 'utf8'), encoding: 'utf8' },
    ),
  );

beforeEach(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
  t.opened.app.repos.staff.putMany([person]);
  m = t.session();
  ok(await t.call('auth:sign-in', { username: 'manager', password: DESK_PASSWORD }, m));
});
afterEach(() => t.opened.close());

describe('a person’s rota as iCalendar', () => {
  it('updates an edited shift and cancels a deleted one under the same UID, as ical.js and Python read it', async () => {
    const saved = ok(
      await t.call(
        'rota:save',
        { items: [shiftOn('2026-11-30', '09:00', '17:00'), shiftOn('2026-12-01', '09:00', '17:00')], override: null },
        m,
      ),
    ).after;
    const [monday, tuesday] = saved;
    const first = await exportIcs();
    const before = events(first.text);
    expect(before.map((e) => e.status)).toEqual(['TENTATIVE', 'TENTATIVE']);
    for (const e of before) expect(e.lastModified).toMatch(/^2026-11-25T07:05:00/);

    // A day later, the desk in use all along (so the screen has not locked).
    t.clock.now = Date.parse('2026-11-26T10:00:00Z');
    m.lastActive = t.clock.now;
    ok(
      await t.call(
        'rota:save',
        {
          items: [
            { ...shiftOn('2026-11-30', '10:00', '18:00'), id: monday.id, rev: monday.rev },
            { ...shiftOn('2026-12-01', '09:00', '17:00'), id: tuesday.id, rev: tuesday.rev, deleted: true },
          ],
          override: null,
        },
        m,
      ),
    );
    const second = await exportIcs();
    const after = events(second.text);
    const was = (id: string) => before.find((e) => e.uid === `${id}@sitedesk`)!;
    const now = (id: string) => after.find((e) => e.uid === `${id}@sitedesk`)!;
    expect(now(monday.id)).toMatchObject({
      start: '2026-11-30T10:00:00.000Z',
      status: 'TENTATIVE',
      lastModified: expect.stringMatching(/^2026-11-26T10:00:00/),
    });
    expect(now(monday.id).sequence).toBeGreaterThan(was(monday.id).sequence);
    expect(now(tuesday.id)).toMatchObject({ status: 'CANCELLED', start: '2026-12-01T09:00:00.000Z' });
    expect(now(tuesday.id).sequence).toBeGreaterThan(was(tuesday.id).sequence);

    const python = inPython(second.text);
    expect(python.calname).toBe(`${NAME} — SiteDesk rota`);
    expect(python.events.map(([uid, , status]) => [uid, status]).sort()).toEqual(
      [
        [`${monday.id}@sitedesk`, 'TENTATIVE'],
        [`${tuesday.id}@sitedesk`, 'CANCELLED'],
      ].sort(),
    );
    expect(python.events.map(([, sequence]) => sequence).sort()).toEqual(after.map((e) => e.sequence).sort());
  });

  it('keeps every line within 75 octets, escapes the comma in the calendar name and keeps the name’s letters in the file name', async () => {
    ok(await t.call('rota:save', { items: [shiftOn('2026-11-30', '09:00', '17:00')], override: null }, m));
    const file = await exportIcs();
    expect(file.filename).toBe('rota-łukasz-李雷-ops-2026-11-30.ics');
    const lines = file.text.split('\r\n');
    const long = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
    expect(long).toEqual([]);
    expect(file.text.replace(/\r\n[ \t]/g, '')).toContain('X-WR-CALNAME:Łukasz 李雷\\, Ops — SiteDesk rota');
    const name = new ICAL.Component(ICAL.parse(file.text)).getFirstPropertyValue('x-wr-calname');
    expect(String(name).replace(/\\,/g, ',')).toBe(`${NAME} — SiteDesk rota`);
  });

  it('refuses a shift or a log entry at 01:30 on the night the clocks go forward, and saves nothing', async () => {
    const snapshot = t.snapshot();
    const shift = await t.call('rota:save', { items: [shiftOn('2027-03-28', '01:30', '09:00')], override: null }, m);
    expect(shift).toMatchObject({ ok: false, code: 'invalid' });
    expect(!shift.ok && shift.message).toContain('01:30 does not exist on Sun 28 Mar 2027');
    const overnightEnd = await t.call('rota:save', { items: [shiftOn('2027-03-27', '19:00', '01:15')], override: null }, m);
    expect(!overnightEnd.ok && overnightEnd.message).toContain('01:15 does not exist on Sun 28 Mar 2027');
    const log = await t.call('log:add', { site: 'CH', date: '2026-03-29', time: '01:30', kind: 'patrol', text: 'Patrol, all secure' }, m);
    expect(!log.ok && log.message).toContain('01:30 does not exist on Sun 29 Mar 2026');
    expect(t.snapshot()).toEqual(snapshot);
    // The hour either side of the jump is a real time and is taken.
    ok(
      await t.call(
        'rota:save',
        { items: [shiftOn('2027-03-28', '00:30', '08:00'), shiftOn('2027-03-29', '02:00', '09:00')], override: null },
        m,
      ),
    );
  });
});

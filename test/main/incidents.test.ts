import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../shared/contract/incidents';
import { serializeWithSum } from '../../main/storage/checksum';
import { okData, openTestApp, withManager, withSupervisor } from '../support/app';
import { incidentRequest } from '../support/requests';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5ee4e1a0000000049454e44ae426082',
  'hex',
);

describe('incidents against a real store', () => {
  it('issues references in sequence per site and year, tagged unless this install is the site’s home desk', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const a = okData(await t.call('incidents:create', incidentRequest(), m)).incident.ref;
    expect(a).toMatch(/^CH-2026-0001-K[0-9A-Z]{4}$/);
    okData(await t.call('settings:update', { homeDeskSites: ['CH'] }, m));
    expect(okData(await t.call('incidents:create', incidentRequest(), m)).incident.ref).toBe('CH-2026-0002');
    expect(okData(await t.call('incidents:create', incidentRequest(), m)).incident.ref).toBe('CH-2026-0003');
    expect(okData(await t.call('incidents:create', incidentRequest({ site: 'FH' }), m)).incident.ref).toMatch(/^FH-2026-0001-/);
    // The year is the year of recording: after New Year the count starts again, and survives a restart.
    t.clock.now = Date.parse('2027-01-02T10:00:00Z');
    const t2 = t.reopen();
    t2.clock.now = t.clock.now;
    const m2 = t2.session();
    okData(await t2.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m2));
    expect(
      okData(
        await t2.call(
          'incidents:create',
          incidentRequest({ occurredAt: '2026-12-31T23:00:00.000Z', reportedAt: '2026-12-31T23:05:00.000Z' }),
          m2,
        ),
      ).incident.ref,
    ).toBe('CH-2027-0001');
    expect(okData(await t2.call('incidents:create', incidentRequest(), m2)).incident.ref).toBe('CH-2027-0002');
  });

  it('refuses a supervisor recording at another site, and hides other sites’ incidents', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const s = await withSupervisor(t, m);
    const other = okData(await t.call('incidents:create', incidentRequest({ site: 'WAT' }), m));
    const before = t.snapshot();
    expect(await t.call('incidents:create', incidentRequest({ site: 'WAT' }), s)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(t.snapshot()).toEqual(before);
    expect(await t.call('incidents:get', { id: other.incident.id }, s)).toMatchObject({ ok: false, code: 'not_found' });
    expect(okData(await t.call('incidents:create', incidentRequest(), s)).incident.site).toBe('CH');
    const list = okData(await t.call('incidents:list', {}, s));
    expect(list.rows.map((r) => r.site)).toEqual(['CH']);
    expect(okData(await t.call('incidents:list', { sites: ['WAT'] }, s)).rows).toEqual([]);
    expect(okData(await t.call('incidents:list', {}, m)).total).toBe(2);
  });

  it('keeps closed incidents read-only but accepts amendments, all in the hash-chained history', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const s = await withSupervisor(t, m);
    let d: IncidentDetail = okData(
      await t.call(
        'incidents:create',
        incidentRequest({ followUps: [{ action: 'Review CCTV', owner: 'Sam Patel', due: '2026-11-27', done: false }] }),
        s,
      ),
    );
    d = okData(await t.call('incidents:set-status', { id: d.incident.id, rev: d.incident.rev, status: 'investigating' }, s));
    expect(
      await t.call('incidents:set-status', { id: d.incident.id, rev: d.incident.rev, status: 'closed', outcome: 'Done.' }, s),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await t.call('incidents:set-status', { id: d.incident.id, rev: d.incident.rev, status: 'closed', outcome: 'Done.' }, m),
    ).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('follow-up') });
    d = okData(
      await t.call(
        'incidents:update',
        { id: d.incident.id, rev: d.incident.rev, patch: { followUps: d.incident.followUps.map((f) => ({ ...f, done: true })) } },
        s,
      ),
    );
    // A patch changes only what it names; the fields it leaves out keep their values.
    expect(d.incident.history.at(-1)!.changes.map((c) => c.field)).toEqual(['followUps']);
    expect(d.incident.witnesses).toBe('Jo Reed');
    expect(
      await t.call('incidents:set-status', { id: d.incident.id, rev: d.incident.rev, status: 'closed', outcome: '  ' }, m),
    ).toMatchObject({ ok: false, code: 'invalid' });
    d = okData(
      await t.call(
        'incidents:set-status',
        { id: d.incident.id, rev: d.incident.rev, status: 'closed', outcome: 'Visitor banned for a month.' },
        m,
      ),
    );
    expect(d.incident.status).toBe('closed');

    const before = t.snapshot();
    expect(await t.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { location: 'Car park' } }, s)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      await t.call('incidents:add-photo', { id: d.incident.id, rev: d.incident.rev, name: 'x.png', base64: PNG.toString('base64') }, s),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(
      await t.call('incidents:amend', { id: d.incident.id, rev: d.incident.rev, patch: { location: 'Car park' }, note: '' }, s),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(t.snapshot()).toEqual(before);

    d = okData(
      await t.call(
        'incidents:amend',
        { id: d.incident.id, rev: d.incident.rev, patch: { location: 'Front car park' }, note: 'Location was written wrongly' },
        s,
      ),
    );
    expect(d.incident).toMatchObject({ status: 'closed', location: 'Front car park', rev: 5 });
    expect(d.incident.history.map((h) => h.kind)).toEqual(['created', 'status', 'updated', 'status', 'amendment']);
    expect(d.incident.history.at(-1)).toMatchObject({
      note: 'Location was written wrongly',
      changes: [{ field: 'location', before: 'Main reception', after: 'Front car park' }],
    });
    expect(d.verification).toEqual({ ok: true });
    // A stale copy is refused rather than silently overwriting someone else's change.
    expect(await t.call('incidents:amend', { id: d.incident.id, rev: 2, patch: { location: 'X' }, note: 'y' }, s)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('stores a photo named ../../evil.png inside the data folder under a generated name', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    let d = okData(await t.call('incidents:create', incidentRequest(), m));
    d = okData(
      await t.call(
        'incidents:add-photo',
        { id: d.incident.id, rev: d.incident.rev, name: '../../evil.png', base64: PNG.toString('base64') },
        m,
      ),
    );
    const photo = d.incident.photos[0];
    expect(photo.name).toBe('evil.png');
    expect(photo.file).toMatch(/^[A-Za-z0-9_-]+\.png$/);
    expect(fs.existsSync(path.join(t.dir, 'photos', photo.file))).toBe(true);
    expect(fs.existsSync(path.join(t.dir, '..', 'evil.png'))).toBe(false);
    expect(fs.readdirSync(path.join(t.dir, 'photos'))).toEqual([photo.file]);
    const shown = okData(await t.call('incidents:photo', { id: d.incident.id, photoId: photo.id }, m));
    expect(shown.dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);

    const before = t.snapshot();
    const notImage = Buffer.from('<script>alert(1)</script>').toString('base64');
    expect(
      await t.call('incidents:add-photo', { id: d.incident.id, rev: d.incident.rev, name: 'x.png', base64: notImage }, m),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(t.snapshot()).toEqual(before);
    expect(fs.readdirSync(path.join(t.dir, 'photos'))).toHaveLength(1);
  });

  it('flags a history edited on disk outside SiteDesk, and one cut short', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    let d = okData(await t.call('incidents:create', incidentRequest(), m));
    d = okData(await t.call('incidents:update', { id: d.incident.id, rev: d.incident.rev, patch: { severity: 'high' } }, m));
    const second = okData(await t.call('incidents:create', incidentRequest({ details: 'Second one' }), m));
    const file = path.join(t.dir, 'data/partitions/incidents/2026-11/CH.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    stored.records[d.incident.id].details = 'Nothing happened.';
    stored.records[d.incident.id].history[0].changes.find((c: { field: string }) => c.field === 'details').after = 'Nothing happened.';
    stored.records[second.incident.id].history.push({ ...stored.records[second.incident.id].history[0] });
    stored.records[second.incident.id].history.pop();
    stored.records[second.incident.id].rev = 2;
    // Edited with care: the file's own checksum recomputed (anyone can), so only the history chain can tell.
    fs.writeFileSync(file, serializeWithSum(stored));

    const t2 = t.reopen();
    const m2 = t2.session();
    okData(await t2.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m2));
    const edited = okData(await t2.call('incidents:get', { id: d.incident.id }, m2));
    expect(edited.verification).toMatchObject({ ok: false, brokenAt: 0, reason: expect.stringContaining('changed after it was written') });
    const cut = okData(await t2.call('incidents:get', { id: second.incident.id }, m2));
    expect(cut.verification).toMatchObject({ ok: false, reason: 'The history has 1 entry but 2 were recorded.' });
  });

  it('lists unreported RIDDOR incidents overdue first, exports CSV and a PDF', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const late = okData(
      await t.call(
        'incidents:create',
        incidentRequest({
          category: 'health-safety',
          occurredAt: '2026-11-01T10:00:00.000Z',
          riddor: { kind: 'specified-injury', reportedOn: null, method: '', hseReference: '' },
        }),
        m,
      ),
    );
    const soon = okData(
      await t.call(
        'incidents:create',
        incidentRequest({
          category: 'health-safety',
          riddor: { kind: 'over-7-day-incapacitation', reportedOn: null, method: '', hseReference: '' },
        }),
        m,
      ),
    );
    okData(await t.call('incidents:create', incidentRequest({ details: '=HYPERLINK("http://evil")' }), m));
    const queue = okData(await t.call('incidents:riddor-queue', {}, m));
    expect(queue.map((q) => [q.incident.id, q.status.state, q.status.deadline])).toEqual([
      [late.incident.id, 'overdue', '2026-11-11'],
      [soon.incident.id, 'due', '2026-12-10'],
    ]);
    const csv = okData(await t.call('incidents:export-csv', { categories: ['security'] }, m));
    expect('text' in csv && csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect('text' in csv && csv.text.split('\r\n')).toHaveLength(2);
    const pdf = okData(await t.call('incidents:export-pdf', { id: late.incident.id }, m));
    expect(pdf.filename).toBe(`${late.incident.ref}.pdf`);
    expect('base64' in pdf && Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('occurrence log against a real store', () => {
  it('appends entries and corrections that point at the old entry; both stay visible', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const s = await withSupervisor(t, m);
    const first = okData(
      await t.call('log:add', { site: 'CH', date: '2026-11-25', time: '08:00', kind: 'patrol', text: 'Patrol, all secure' }, s),
    );
    expect(await t.call('log:add', { site: 'WAT', date: '2026-11-25', time: '08:00', kind: 'patrol', text: 'x' }, s)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await t.call('log:add', { site: 'CH', date: '2026-11-25', time: '07:00', kind: 'patrol', text: 'x', corrects: first.entry.id }, s),
    ).toMatchObject({ ok: false, code: 'invalid' });
    // The mistake is found at the next morning's handover.
    t.clock.now = Date.parse('2026-11-26T06:35:00Z');
    s.lastActive = t.clock.now;
    const fix = okData(
      await t.call(
        'log:add',
        { site: 'CH', date: '2026-11-26', time: '06:30', kind: 'patrol', text: 'Correction: rear gate was open', corrects: first.entry.id },
        s,
      ),
    );
    const day = okData(await t.call('log:day', { site: 'CH', date: '2026-11-25' }, s));
    expect(day.map((l) => [l.entry.text, l.superseded, l.correctedBy])).toEqual([
      ['Patrol, all secure', true, [fix.entry.id]],
      ['Correction: rear gate was open', false, []],
    ]);
    expect(day[0].author).toBe('Sam Patel');
    const csv = okData(await t.call('log:export-csv', { site: 'CH', date: '2026-11-25' }, s));
    expect('text' in csv && csv.text.split('\r\n')[0]).toBe(
      '\uFEFFNo.,Date,Time,Kind,Entry,Written by,Written at,Corrects entry,Corrected by entries',
    );
  });
});

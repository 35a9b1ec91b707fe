/**
 * The first-sync bench waits until a new desk holds every record of its site's hub database. Attendance
 * and incident histories travel as one document per event, so the records are counted from the
 * documents' ids: a desk with Carla's sign-in, sign-out and a correction holds one attendance record, not
 * three, and the witness heads and photos hold none. Before this, only whole-record ids were counted
 * (`shifts:`, `attendance:`, `incidents:`, `log:`), which left out every attendance record and incident.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { recordsOfDocIds } from '../../../bench/hubRecords';
import { eventDocsOf } from '../../../main/sync/events';
import { docId, headDocOf, photoDocId, SITE_KINDS } from '../../../main/sync/docs';
import { headOf } from '../../../shared/domain/incidents';
import type { SyncRecord } from '../../../shared/domain/sync/merge';
import type { Incident } from '../../../shared/schemas/incident';
import { okData, openTestApp, type TestApp } from '../../support/app';
import { DESK_SHIFTS, seedDesk } from '../../support/deskWorld';
import { BIKE_SHED_INCIDENT, signIn } from './world';

let desk: TestApp | undefined;
afterAll(() => desk?.opened.close());

describe("the records a site's hub database holds, by its document ids", () => {
  it('counts each record once, whether it travels as one document or as its events, and heads and photos as none', async () => {
    desk = openTestApp();
    await seedDesk(desk.opened.app);
    const sup = await signIn(desk, 'sup.ch');
    // More events on records the desk holds: a sign-out, and an incident with two history entries.
    okData(await desk.call('today:sign-out', { shiftId: DESK_SHIFTS.carla.id }, sup));
    const made = okData(await desk.call('incidents:create', BIKE_SHED_INCIDENT, sup)).incident;
    okData(await desk.call('incidents:update', { id: made.id, rev: 1, patch: { severity: 'medium' } }, sup));

    const { repos } = desk.opened.app;
    const ids: string[] = [];
    let records = 0;
    let attendanceEvents = 0;
    for (const kind of SITE_KINDS)
      for (const key of repos[kind].keys()) {
        if (!key.endsWith('/CH')) continue;
        for (const r of Object.values(repos[kind].partitionOnce(key)) as SyncRecord[]) {
          records += 1;
          if (kind === 'attendance' || kind === 'incidents') {
            // As the app pushes them: each version's events (here also an earlier sign-in of the same record).
            const versions = kind === 'attendance' ? [r, { ...r, signedOutAt: null, hlc: '0000000000001-000000-x' }] : [r];
            const events = eventDocsOf(kind, versions as SyncRecord[]).map((e) => e._id);
            if (kind === 'attendance') attendanceEvents += events.length;
            ids.push(...events);
          } else ids.push(docId(kind, r.id));
          if (kind === 'incidents') {
            const incident = r as unknown as Incident;
            ids.push(headDocOf(incident, headOf(incident.id, incident.history))._id);
            for (const p of incident.photos) ids.push(photoDocId(p.file));
          }
        }
      }
    ids.push('_design/sitedesk', photoDocId('abcdef123456.jpg'));
    expect(attendanceEvents).toBeGreaterThan(repos.attendance.keys().length);
    expect(records).toBeGreaterThan(0);
    expect(recordsOfDocIds(ids)).toBe(records);
  });
});

import { describe, expect, it } from 'vitest';
import { okData, openTestApp, withManager } from '../support/app';
import { incidentRequest } from '../support/requests';

// The clock stands at 09:00 on Wed 25 Nov 2026; the incident happened at 08:40 and was reported at 08:45.
describe('an incident’s report times must be possible', () => {
  it('refuses a RIDDOR report recorded as made on a day still to come, or before the incident, and saves nothing', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const riddor = (reportedOn: string) => ({ kind: 'specified-injury' as const, reportedOn, method: 'Online', hseReference: '' });

    const ahead = await t.call('incidents:create', incidentRequest({ riddor: riddor('2026-12-01') }), m);
    expect(ahead).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { 'riddor.reportedOn': expect.stringContaining('has not come yet') },
    });
    const before = await t.call('incidents:create', incidentRequest({ riddor: riddor('2026-11-20') }), m);
    expect(before).toMatchObject({ ok: false, code: 'invalid', fields: { 'riddor.reportedOn': expect.stringContaining('before') } });
    expect(okData(await t.call('incidents:list', { limit: 50 }, m)).total).toBe(0);

    // Reported today: taken. Then an edit that moves the report date on to next week is refused.
    const made = okData(await t.call('incidents:create', incidentRequest({ riddor: riddor('2026-11-25') }), m)).incident;
    const edit = await t.call('incidents:update', { id: made.id, rev: made.rev, patch: { riddor: riddor('2026-12-02') } }, m);
    expect(edit).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { 'riddor.reportedOn': expect.stringContaining('has not come yet') },
    });
    expect(okData(await t.call('incidents:get', { id: made.id }, m)).incident.riddor?.reportedOn).toBe('2026-11-25');
  });

  it('refuses a report time before the incident happened, or still to come', async () => {
    const t = openTestApp();
    const m = await withManager(t);
    const early = await t.call('incidents:create', incidentRequest({ reportedAt: '2026-11-25T08:00:00.000Z' }), m);
    expect(early).toMatchObject({ ok: false, code: 'invalid', fields: { reportedAt: expect.stringContaining('before it happened') } });
    const ahead = await t.call('incidents:create', incidentRequest({ reportedAt: '2026-11-26T08:45:00.000Z' }), m);
    expect(ahead).toMatchObject({ ok: false, code: 'invalid', fields: { reportedAt: expect.stringContaining('has not come yet') } });
    expect(okData(await t.call('incidents:list', { limit: 50 }, m)).total).toBe(0);
  });
});

/** The incident index is read in the background after start-up, newest months first, and is whole whenever a service asks for it. */
import { describe, expect, it } from 'vitest';
import { partialIncidentIndex, warmIncidentIndex } from '../../main/services/incidentIndex';
import { openTestApp, withManager } from '../support/app';
import { seedActivity } from '../support/records';

const MONTHS = ['2026-06-10', '2026-07-10', '2026-08-10', '2026-09-10', '2026-10-10', '2026-11-10'];

/** How many incidents the index of `repos` holds now, without finishing it. */
const incidentIndexRows = (repos: Parameters<typeof partialIncidentIndex>[0]): number => partialIncidentIndex(repos)?.rows().length ?? 0;

const withIncidents = async () => {
  const t = openTestApp();
  await withManager(t);
  const me = t.opened.app.repos.accounts.all()[0];
  const ids = MONTHS.map((date) => seedActivity(t.opened.app, me.id, 'CH', date).incident.id);
  // A fresh start of the same folder, so nothing of the index is in memory yet.
  return { t: t.reopen(), ids };
};

describe('the incident index', () => {
  it('is read in the background, one partition at a time and newest first, until it holds every incident', async () => {
    const { t, ids } = await withIncidents();
    const { repos } = t.opened.app;
    const seen: number[] = [];
    warmIncidentIndex(repos, () => t.opened.app.repos, 0, 0);
    // Each slice reads one partition, the newest month first.
    while (incidentIndexRows(repos) === 0) await new Promise((done) => setImmediate(done));
    expect(partialIncidentIndex(repos)!.rows()[0].incident.id).toBe(ids.at(-1));
    // Then the rest, one partition per slice: watch how many incidents the index holds between slices.
    for (let i = 0; i < 50 && seen.at(-1) !== ids.length; i += 1) {
      await new Promise((done) => setImmediate(done));
      seen.push(incidentIndexRows(repos));
    }
    expect(seen.at(-1)).toBe(ids.length);
    expect(
      partialIncidentIndex(repos)!
        .rows()
        .map((r) => r.incident.id),
    ).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBeGreaterThan(2); // it grew step by step
    t.opened.close();
  });

  it('is finished at once by a service that needs it, mid-way or before it began', async () => {
    const { t, ids } = await withIncidents();
    const m = t.session();
    expect((await t.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' }, m)).ok).toBe(true);
    const list = await t.call('incidents:list', {}, m);
    expect(list.ok && list.data.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    t.opened.close();
  });

  it('stops when the folder’s records are replaced by a restore', async () => {
    const { t } = await withIncidents();
    const { repos } = t.opened.app;
    let current = repos;
    warmIncidentIndex(repos, () => current, 0, 0);
    current = { ...repos };
    await new Promise((done) => setTimeout(done, 5));
    for (let i = 0; i < 10; i += 1) await new Promise((done) => setImmediate(done));
    expect(incidentIndexRows(repos)).toBe(0);
    t.opened.close();
  });
});

/**
 * The child of the crash-then-damage test: saves records of every kind through the storage layer in a
 * loop, taking a backup every few saves as the app does, until it is killed. After each save returns it
 * prints `<kind>:<id> <n>`, where `n` orders the saves of one run, so the parent knows exactly which
 * writes were acknowledged.
 */
import Conf from 'conf';
import fs from 'node:fs';
import { Backups } from '../../main/storage/backups';
import { DataStore } from '../../main/storage/dataStore';
import { layout } from '../../main/storage/paths';
import { openRepos } from '../../main/storage/repos';
import type { StoreClass } from '../../main/storage/storeClass';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { makeStaff } from '../shared/domain/directory/factories';
import { makeIncident, makeLogEntry } from '../shared/domain/incidents/factories';
import { damageKinds, newAccount, newAttendance, newShift } from './crashDamageRecords';

const [dir, tag] = process.argv.slice(2);
const dirs = layout(dir);
const ds = new DataStore(dirs, Conf as unknown as StoreClass, new Backups(dirs, Date.now), Date.now);
const repos = openRepos(ds);
const at = '2026-11-20T10:00:00.000Z';
let lastShift = '';
fs.writeSync(1, 'ready\n');
// Each round starts at another kind, so every kind is among the first saves of some round: over 12 rounds
// each kind has acknowledged saves at stake however early the kill comes (from 5 ms after the first save).
const first = Number(tag.slice(2)) % damageKinds.length;
for (let i = first; ; i += 1) {
  const kind = damageKinds[i % damageKinds.length];
  const id = `${tag}x${String(i).padStart(6, '0')}`;
  const n = String(Number(tag.slice(1)) * 1_000_000 + i);
  if (kind === 'staff') repos.staff.put(makeStaff({ id, name: `Staff ${id}`, createdAt: at, updatedAt: at }));
  else if (kind === 'accounts') repos.accounts.put(newAccount(id));
  else if (kind === 'sites') {
    const site = repos.sites.all().find((s) => s.code === 'CH')!;
    repos.sites.put({ ...site, notes: `gen ${n}` });
  } else if (kind === 'settings') repos.settings.set({ ...DEFAULT_SETTINGS, organisationName: `gen ${n}` });
  else if (kind === 'shifts') {
    repos.shifts.put([newShift(id)]);
    lastShift = id;
  } else if (kind === 'attendance') {
    if (!lastShift) {
      // A round that starts here saves the shift its attendance needs first (acknowledged as a shift).
      lastShift = `${id}s`;
      repos.shifts.put([newShift(lastShift)]);
      fs.writeSync(1, `shifts:${lastShift} ${n}\n`);
    }
    repos.attendance.put([newAttendance(id, lastShift)]);
  } else if (kind === 'incidents')
    repos.incidents.put([makeIncident({ id, ref: `CH-2026-${n}`, occurredAt: at, reportedAt: at, createdAt: at })]);
  else repos.log.put([makeLogEntry({ id, date: '2026-11-20', createdAt: at })]);
  fs.writeSync(1, `${kind}:${kind === 'sites' || kind === 'settings' ? 'gen' : id} ${n}\n`);
  if (i % 11 === 10) ds.backupIfChanged('scheduled', true);
}

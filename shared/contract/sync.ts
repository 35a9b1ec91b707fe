import { z } from 'zod';
import { channel } from './define';
import { idSchema } from '../schemas/common';
import type { DecidingField } from '../domain/sync/decisions';
import type { AsideField, AsideKind } from '../domain/sync/aside';
import type { Superseded } from '../domain/sync/merge';

/**
 * Where this install stands with the hub, in the words the shell shows:
 * - `off`: not pointed at a hub;
 * - `up-to-date`: everything sent and received, as of `at`;
 * - `syncing`: `done` of `total` changes moved so far;
 * - `offline`: the hub cannot be reached; `waiting` local changes will go when it can;
 * - `refused`: the hub refused this install's name or password.
 */
export interface SyncStatus {
  state: 'off' | 'up-to-date' | 'syncing' | 'offline' | 'refused';
  hub: string | null;
  at: string | null;
  done: number;
  total: number;
  waiting: number;
  /** Documents from the hub that did not match SiteDesk's record shapes: set aside, nothing changed. */
  rejected: { db: string; docId: string; reason: string }[];
  /** Conflicts waiting for a manager's decision (shared/domain/sync/decisions.ts); 0 for a supervisor. */
  conflicts: number;
}

/** One version of a shift in the Conflicts panel, in the words a manager reads. */
export interface ConflictSide {
  /** The person's name; null when the shift is open. */
  person: string | null;
  site: string;
  siteName: string;
  service: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  notes: string;
  removed: boolean;
  published: boolean;
  /** When this version was written, and the name of whoever wrote it. */
  editedAt: string;
  editedBy: string;
}

/** A shift changed on two installs while apart, where a manager must choose which version stands. */
export interface SyncConflict {
  shiftId: string;
  /**
   * The stamp of the version in force the panel shows: a decision made on any other is refused. (Not the
   * revision number: two installs count revisions separately, so one number can name two versions.)
   */
  version: string;
  /** Names the conflict (the stamp of the version that was set aside). */
  conflict: string;
  differs: DecidingField[];
  /** The version in force now (the later edit, until someone decides). */
  current: ConflictSide;
  /** The version the automatic rule set aside. */
  other: ConflictSide;
}

/**
 * A version of a site, a person, an attendance record, an incident or a log entry that was set aside (kept in
 * `system/superseded` and on the hub), in the words the Conflicts screen shows. Read-only: `note` says why and what a
 * manager does instead.
 */
export interface SetAsideVersion {
  /** The set-aside version's key (it names the version's content). */
  key: string;
  kind: AsideKind;
  recordId: string;
  /** What kind of record it is: "Person", "Site", "Log entry" … */
  what: string;
  /** Which record, in words: "Cleo Early (E-2001)". */
  title: string;
  reason: Superseded['reason'];
  /** Why it was set aside, in a sentence. */
  why: string;
  /** When the version it lost to was written (the time of its stamp); null when that version had no stamp. */
  lostTo: string | null;
  /** Who wrote the version in force now, and when; null when this computer does not hold the record. */
  inForce: { editedAt: string; editedBy: string } | null;
  /** Who wrote the set-aside version, and when. */
  setAside: { editedAt: string; editedBy: string };
  /** Each field in which the set-aside version differs from the version in force, both in words. */
  differs: AsideField[];
  /** Why it is shown for reference only, and what to do to use anything from it. */
  note: string;
}

export const syncResolveSchema = z
  .object({
    shiftId: idSchema,
    version: z.string().max(100),
    conflict: z.string().min(1).max(100),
    keep: z.enum(['current', 'other'], { error: 'Choose which version to keep' }),
  })
  .strict();

export const syncConnectSchema = z
  .object({
    url: z.string().trim().url('Enter the hub’s address, e.g. https://hub.council.example:6984').max(500),
    name: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_-]{2,63}$/, 'A hub user name is 3–64 lower-case letters, digits, - or _'),
    password: z.string().min(12, 'A hub password is at least 12 characters').max(200),
  })
  .strict();

export const syncChannels = {
  'sync:status': channel(z.object({}).strict(), 'user')<SyncStatus>(),
  /** Points this install at a hub with its own hub credentials; checks them with the hub first. */
  'sync:connect': channel(syncConnectSchema, 'manager')<SyncStatus>(),
  /** The conflicts waiting for a manager's decision, oldest first. */
  'sync:conflicts': channel(z.object({}).strict(), 'manager')<SyncConflict[]>(),
  /** Keeps one version of a conflicting shift; the choice is an edit that replicates. Returns those still open. */
  'sync:resolve': channel(syncResolveSchema, 'manager')<SyncConflict[]>(),
  /**
   * The versions of other records set aside after edits made apart (sites, people, attendance, incidents, log entries),
   * newest first; shown for reference, nothing to decide.
   */
  'sync:set-aside': channel(z.object({}).strict(), 'manager')<SetAsideVersion[]>(),
};

import { z } from 'zod';
import { channel } from './define';

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
}

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
};

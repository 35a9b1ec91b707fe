import { z } from 'zod';
import { nonEmpty, siteCodeSchema, idSchema } from '../schemas/common';
import { passwordSchema, pinSchema, roleSchema, usernameSchema, type AccountView } from '../schemas/account';
import { channel } from './define';

export interface AuthStatus {
  setupNeeded: boolean;
  /** The accounts file was damaged and no backup held it: only restoring a backup file may go on. */
  accountsLost: boolean;
  user: AccountView | null;
  locked: boolean;
  idleLockMinutes: number;
  organisationName: string;
}

const empty = z.object({}).strict();

export const authChannels = {
  'auth:status': channel(empty, 'public')<AuthStatus>(),
  'auth:setup': channel(
    z.object({ username: usernameSchema, displayName: nonEmpty('Your name', 120), password: passwordSchema }).strict(),
    'public',
  )<AuthStatus>(),
  'auth:sign-in': channel(
    z
      .object({
        username: z.string().trim().toLowerCase().min(1, 'Enter your user name'),
        password: z.string().min(1, 'Enter your password'),
      })
      .strict(),
    'public',
  )<AuthStatus>(),
  'auth:sign-out': channel(empty, 'session')<AuthStatus>(),
  'auth:lock': channel(empty, 'session')<AuthStatus>(),
  /** Any active account may unlock with its password or PIN; the desk then works as that person. */
  'auth:unlock': channel(
    z
      .object({
        username: z.string().trim().toLowerCase().min(1, 'Enter your user name'),
        secret: z.string().min(1, 'Enter your password or PIN'),
      })
      .strict(),
    'session',
  )<AuthStatus>(),
  'auth:touch': channel(empty, 'user')<null>(),
  'accounts:list': channel(empty, 'manager')<AccountView[]>(),
  'accounts:create': channel(
    z
      .object({
        username: usernameSchema,
        displayName: nonEmpty('Name', 120),
        role: roleSchema,
        sites: z.array(siteCodeSchema),
        password: passwordSchema,
      })
      .strict()
      .refine((a) => a.role === 'manager' || a.sites.length > 0, { message: 'A supervisor needs at least one site', path: ['sites'] }),
    'manager',
  )<AccountView>(),
  'accounts:update': channel(
    z
      .object({
        id: idSchema,
        displayName: nonEmpty('Name', 120).optional(),
        sites: z.array(siteCodeSchema).optional(),
        disabled: z.boolean().optional(),
        password: passwordSchema.optional(),
      })
      .strict(),
    'manager',
  )<AccountView>(),
  'accounts:set-pin': channel(
    z.object({ password: z.string().min(1, 'Enter your password'), pin: pinSchema.nullable() }).strict(),
    'user',
  )<AccountView>(),
  'accounts:change-password': channel(
    z.object({ current: z.string().min(1, 'Enter your current password'), next: passwordSchema }).strict(),
    'user',
  )<null>(),
};

import { z } from 'zod';
import { idSchema, instantSchema, nonEmpty, siteCodeSchema } from './common';

export const roleSchema = z.enum(['manager', 'supervisor']);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string({ error: 'A user name is required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'A user name is 3–32 letters, digits, dots, dashes or underscores');

export const passwordSchema = z
  .string({ error: 'A password is required' })
  .min(8, 'A password is at least 8 characters')
  .max(200, 'A password is at most 200 characters');

/** A PIN is for quick unlocks at the desk; it never replaces the password for sign-in. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');

/** What is stored; only salted scrypt hashes, never the secret itself. */
export const accountSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  displayName: nonEmpty('Name', 120),
  role: roleSchema,
  sites: z.array(siteCodeSchema),
  passwordHash: z.string().min(20),
  pinHash: z.string().min(20).nullable(),
  disabled: z.boolean(),
  createdAt: instantSchema,
  createdBy: idSchema,
  updatedAt: instantSchema,
  updatedBy: idSchema,
  rev: z.number().int().min(1),
  failedAttempts: z.number().int().min(0),
  lastFailedAt: instantSchema.nullable(),
});
export type Account = z.infer<typeof accountSchema>;

/** An account as the renderer may see it: no hashes, no counters. */
export type AccountView = Pick<Account, 'id' | 'username' | 'displayName' | 'role' | 'sites' | 'disabled'> & { hasPin: boolean };

import type { z } from 'zod';

/**
 * Who may call a channel. `public`: anyone, even signed out or locked. `session`: a signed-in session,
 * even while locked (unlock, sign out). `user`: signed in and unlocked. `manager`: a manager, unlocked.
 * Supervisors' site limits are checked by the service, which knows the record.
 */
export type Access = 'public' | 'session' | 'user' | 'manager';

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res = unknown> {
  request: Req;
  access: Access;
  /** Type-only: the data a successful call returns. */
  response?: Res;
}

/** Declares a channel: `channel(schema, 'user')<ResponseType>()`. */
export const channel =
  <Req extends z.ZodType>(request: Req, access: Access) =>
  <Res>(): ChannelDef<Req, Res> => ({ request, access });

/** A text file main made for the renderer to save (CSV, iCalendar). */
export type TextFile = { filename: string; mime: string; text: string };

/** A binary file (PDF, pack, backup) as base64, with its size for the message that says it was saved. */
export type BinaryFile = { filename: string; mime: string; base64: string; bytes: number };

/** The one shape of a file main made for the renderer to save: every download goes through it. */
export type ExportFile = TextFile | BinaryFile;

export const CSV_MIME = 'text/csv;charset=utf-8';

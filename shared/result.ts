/** Error codes every channel may answer with; the renderer maps them to messages and actions. */
export type ErrorCode =
  | 'invalid'
  | 'unknown_channel'
  | 'signed_out'
  | 'locked'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'blocked'
  | 'rate_limited'
  | 'storage'
  | 'internal';

export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> };
export type Result<T> = Ok<T> | Err;

/** Builds a success result. */
export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
/** Builds a failure result. */
export const err = (code: ErrorCode, message: string, fields?: Record<string, string>): Err =>
  fields ? { ok: false, code, message, fields } : { ok: false, code, message };

/** An error a service throws to answer with a typed failure instead of a crash. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

import type { Err } from '../../shared/result';

/** Field messages from a failed call, with the general message under `_` when no field is named. */
export const fieldErrors = (e: Err | null): Record<string, string> => (e ? { _: e.message, ...(e.fields ?? {}) } : {});

import type { z } from 'zod';

/** A located problem: a dotted path into the record (`cover.security.mon.1`) and what is wrong there. */
export interface PathIssue {
  path: string;
  message: string;
}

/** A form's errors: one message per dotted path. */
export type FieldErrors = Record<string, string>;

/** Keeps the first message for each path, since a form shows one line under each field. */
export const toFieldErrors = (issues: readonly PathIssue[]): FieldErrors => {
  const out: FieldErrors = {};
  for (const { path, message } of issues) out[path] ??= message;
  return out;
};

/** A zod failure as path issues, with the paths put under `prefix` when the value sat inside a record. */
export const zodIssues = (error: z.ZodError, prefix: readonly (string | number)[] = []): PathIssue[] =>
  error.issues.map((issue) => ({ path: [...prefix, ...issue.path].map(String).join('.'), message: issue.message }));

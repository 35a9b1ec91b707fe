import { createHash } from 'node:crypto';

/**
 * Every data file carries the sha256 of its own content under this key, written last, in the same
 * atomic write as the content (conf and electron-store rewrite the whole file, so a sidecar could never
 * be written in the same step). A one-byte edit that leaves valid JSON no longer matches it. Record
 * schemas ignore keys they do not know, so an older SiteDesk still reads a file that carries it.
 */
export const SUM_KEY = '~sha256';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text of a data file for `value`: its JSON with the checksum of that JSON added as the last key. */
export const serializeWithSum = (value: unknown): string => {
  const content =
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== SUM_KEY))
      : value;
  const json = JSON.stringify(content);
  if (!content || typeof content !== 'object' || Array.isArray(content)) return json;
  return `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}${JSON.stringify(SUM_KEY)}:${JSON.stringify(sha256(json))}}`;
};

export type Checked = { ok: true; value: unknown; sealed: boolean } | { ok: false; why: string };

/**
 * Parses a data file's text and checks its checksum. A file without one was written by an older
 * SiteDesk (`sealed: false`); it is accepted as it is and gets one when next written.
 */
export const parseChecked = (text: string): Checked => {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    void error;
    return { ok: false, why: 'it is not valid JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !Object.hasOwn(raw, SUM_KEY)) return { ok: true, value: raw, sealed: false };
  const { [SUM_KEY]: sum, ...content } = raw as Record<string, unknown>;
  if (typeof sum !== 'string' || sum !== sha256(JSON.stringify(content)))
    return { ok: false, why: 'its checksum does not match its content (it was changed outside SiteDesk or damaged on disk)' };
  return { ok: true, value: content, sealed: true };
};

/**
 * Dates and times as people in the UK type and read them, whatever the browser's or the computer's
 * locale: `25/11/2026`, `07:05` (24-hour), `25/11/2026 07:05`. Values inside the app stay in the
 * native inputs' forms (`2026-11-25`, `07:05`, `2026-11-25T07:05`), so forms and main are unchanged.
 */
export type GbKind = 'date' | 'time' | 'datetime';

const pad = (n: number) => String(n).padStart(2, '0');

const realDate = (y: number, m: number, d: number): string | null => {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/** `25/11/2026`, `25.11.26`, `2026-11-25` → `2026-11-25`; null when it is not a real day. */
export const parseGbDate = (text: string): string | null => {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const gb = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(t);
  if (!gb) return null;
  const y = gb[3].length === 2 ? 2000 + Number(gb[3]) : Number(gb[3]);
  return realDate(y, Number(gb[2]), Number(gb[1]));
};

/** `7:05`, `07.05`, `0705` → `07:05`; null for anything not a 24-hour time. */
export const parseGbTime = (text: string): string | null => {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? `${pad(h)}:${pad(min)}` : null;
};

/** `25/11/2026 07:05` (or `2026-11-25T07:05`) → `2026-11-25T07:05`. */
export const parseGbDateTime = (text: string): string | null => {
  const m = /^(.+?)(?:\s*,\s*|\s+|T)(\d{1,2}[:.]?\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = parseGbDate(m[1]);
  const time = parseGbTime(m[2]);
  return date && time ? `${date}T${time}` : null;
};

export const parseGb = (kind: GbKind, text: string): string | null =>
  kind === 'date' ? parseGbDate(text) : kind === 'time' ? parseGbTime(text) : parseGbDateTime(text);

/** A value in the native form shown the UK way; anything unrecognised is shown as it is. */
export const showGb = (kind: GbKind, value: string): string => {
  const date = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
  };
  if (kind === 'date') return date(value);
  if (kind === 'time') return value;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? `${date(m[1])} ${m[2]}` : value;
};

export const GB_PLACEHOLDER: Record<GbKind, string> = { date: 'dd/mm/yyyy', time: 'hh:mm', datetime: 'dd/mm/yyyy hh:mm' };

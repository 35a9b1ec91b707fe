/**
 * Incident references: `CH-2026-0042` from the site's own desk, `CH-2026-0043-M7` from any other install.
 *
 * References must never collide, yet two installs may record incidents for one site while both are
 * offline and cannot agree on a counter. So every suffix has exactly one issuer: the site's enrolled
 * (home) desk issues plain references, and every other install (a manager's laptop, a spare desk PC)
 * appends its own install tag. Each issuer takes one more than the highest number it knows for that site
 * and year, whatever the suffix, so numbers run roughly in recording order across machines; because an
 * issuer always knows its own earlier references, each new number is above all of them, so numbers are
 * never reused, even after gaps. Two issuers may pick the same number, but their suffixes differ.
 *
 * The year is the London year in which the incident is recorded, not when it happened: a number is issued
 * at recording, so a late report on 2 January about New Year's Eve takes the new year's next number
 * instead of re-opening a year whose register has already been printed and sent.
 */
import { londonDateOf } from './londonDate';

export interface ParsedReference {
  site: string;
  year: number;
  seq: number;
  /** The issuing install's tag, or null for the site's home desk. */
  tag: string | null;
}

const REF = /^([A-Z]{2,4})-(\d{4})-(\d{4,})(?:-([A-Z0-9]+))?$/;
const SITE = /^[A-Z]{2,4}$/;
// A tag starts with a letter so `CH-2026-0042-M7` never reads as two numbers.
const TAG = /^[A-Z][A-Z0-9]{0,5}$/;

/** Whether `tag` can be used as an install tag (1–6 capitals or digits, starting with a letter). */
export const isInstallTag = (tag: string): boolean => TAG.test(tag);

/** Splits a reference into site, year, sequence and tag; null when it is not a reference. */
export const parseReference = (ref: string): ParsedReference | null => {
  const m = REF.exec(ref);
  if (!m) return null;
  return { site: m[1], year: Number(m[2]), seq: Number(m[3]), tag: m[4] ?? null };
};

/** Writes a reference, padding the sequence to four digits (it grows past 9999 rather than wrapping). */
export const formatReference = ({ site, year, seq, tag }: ParsedReference): string =>
  `${site}-${year}-${String(seq).padStart(4, '0')}${tag ? `-${tag}` : ''}`;

/** The year a reference recorded at `recordedAt` (a UTC instant) belongs to: its London calendar year. */
export const referenceYear = (recordedAt: string): number => Number(londonDateOf(recordedAt).slice(0, 4));

/**
 * The next reference for `site` in `year`. `existingRefs` must include every reference this install has
 * issued (and may include any others it knows of, from any site or year).
 */
export const nextReference = (
  existingRefs: Iterable<string>,
  site: string,
  year: number,
  installTag: string,
  isHomeDesk: boolean,
): string => {
  if (!SITE.test(site)) throw new Error(`Not a site code: ${site}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Not a year: ${year}`);
  if (!isHomeDesk && !isInstallTag(installTag)) throw new Error(`Not an install tag: ${installTag}`);
  let highest = 0;
  for (const ref of existingRefs) {
    const p = parseReference(ref);
    if (p && p.site === site && p.year === year && p.seq > highest) highest = p.seq;
  }
  return formatReference({ site, year, seq: highest + 1, tag: isHomeDesk ? null : installTag });
};

/** Orders references by site, year, then number numerically; a plain reference before tagged ones of its number. */
export const compareReferences = (a: string, b: string): number => {
  const pa = parseReference(a);
  const pb = parseReference(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  if (pa.site !== pb.site) return pa.site < pb.site ? -1 : 1;
  if (pa.year !== pb.year) return pa.year - pb.year;
  if (pa.seq !== pb.seq) return pa.seq - pb.seq;
  if (pa.tag === pb.tag) return 0;
  if (pa.tag === null) return -1;
  if (pb.tag === null) return 1;
  return pa.tag < pb.tag ? -1 : 1;
};

/** For each of `sites` and each year, the reference with the highest number among `refs` (tags kept), in order. */
export const highestReferences = (refs: Iterable<string>, sites: readonly string[]): string[] => {
  const best = new Map<string, { seq: number; ref: string }>();
  for (const ref of refs) {
    const p = parseReference(ref);
    if (!p || !sites.includes(p.site)) continue;
    const key = `${p.site}-${p.year}`;
    if ((best.get(key)?.seq ?? 0) < p.seq) best.set(key, { seq: p.seq, ref });
  }
  return [...best.values()].map((b) => b.ref).sort(compareReferences);
};

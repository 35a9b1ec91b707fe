import { formatDateGB, londonParts } from '../dates';
import { counted } from '../counted';

/**
 * Hybrid logical clocks: the order of edits made on different installs, without trusting any one
 * machine's wall clock. A stamp is the wall time it was made at (or later), a counter for edits within
 * the same millisecond or made while the wall clock lags, and the install that made it as the final tie
 * break. Every install's next stamp is above everything it has made or received, so an edit is always
 * ordered after the version it was made from, even when a desk's clock is hours slow. Stamps are fixed
 * width, so comparing the strings compares the clocks.
 */
export interface Hlc {
  wall: number;
  count: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNT_DIGITS = 6;
const MAX_COUNT = 10 ** COUNT_DIGITS - 1;

/** The stamp of records written before clocks existed: below every real one. */
export const HLC_ZERO = `${'0'.repeat(WALL_DIGITS)}-${'0'.repeat(COUNT_DIGITS)}-`;

/** The stamp as stored: `000001764064800000-000000-<install id>`. */
export const formatHlc = (h: Hlc): string =>
  `${String(h.wall).padStart(WALL_DIGITS, '0')}-${String(h.count).padStart(COUNT_DIGITS, '0')}-${h.node}`;

const PATTERN = new RegExp(`^(\\d{${WALL_DIGITS}})-(\\d{${COUNT_DIGITS}})-([A-Za-z0-9_-]*)$`);

/** Reads a stored stamp; anything unreadable reads as zero, so an odd record never wins by accident. */
export const parseHlc = (s: string): Hlc => {
  const m = PATTERN.exec(s);
  return m ? { wall: Number(m[1]), count: Number(m[2]), node: m[3] } : { wall: 0, count: 0, node: '' };
};

/** Orders two stamps: negative when `a` is earlier. */
export const compareHlc = (a: string, b: string): number => {
  const x = parseHlc(a);
  const y = parseHlc(b);
  return x.wall - y.wall || x.count - y.count || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0);
};

const bump = (wall: number, count: number, node: string): Hlc =>
  // A counter that runs out moves on to the next millisecond rather than wrap and go backwards.
  count > MAX_COUNT ? { wall: wall + 1, count: 0, node } : { wall, count, node };

/** The stamp for a local edit (or a pack being sent) at wall time `now`, after `last`. */
export const tick = (last: Hlc, now: number, node: string): Hlc => {
  const wall = Math.max(last.wall, Math.floor(now));
  return bump(wall, wall === last.wall ? last.count + 1 : 0, node);
};

/** The clock after seeing a stamp from elsewhere (an imported record): above both, and above `now`. */
export const receive = (last: Hlc, remote: Hlc, now: number, node: string): Hlc => {
  const wall = Math.max(last.wall, remote.wall, Math.floor(now));
  const count =
    wall === last.wall && wall === remote.wall
      ? Math.max(last.count, remote.count) + 1
      : wall === last.wall
        ? last.count + 1
        : wall === remote.wall
          ? remote.count + 1
          : 0;
  return bump(wall, count, node);
};

/** How far (ms) a stamp is ahead of this machine's wall clock: a sign that the writer's clock was wrong. */
export const aheadBy = (stamp: string, now: number): number => Math.max(0, parseHlc(stamp).wall - now);

const DAY_MS = 24 * 3_600_000;

/**
 * How far ahead of the receiving computer's clock a stamp from elsewhere may be and still be merged. Ordinary skew
 * between council PCs is seconds to minutes, and a PC with the wrong time zone or daylight-saving setting is an hour
 * or two out: its sign-ins must still reach the manager. A day covers all of those. Beyond it the writer's clock is
 * wrong (a desk set to the wrong date) or the stamp was made up, and taking it in would let that version win every
 * later merge of the record and move every install's clock that far forward. The cost of a day rather than an hour:
 * a version stamped up to a day ahead still wins merges until that day has passed.
 */
export const STAMP_AHEAD_LIMIT_MS = DAY_MS;

/** Whether a stamp from elsewhere is further ahead of `now` than STAMP_AHEAD_LIMIT_MS allows. */
export const tooFarAhead = (stamp: string | undefined, now: number): boolean =>
  stamp !== undefined && aheadBy(stamp, now) > STAMP_AHEAD_LIMIT_MS;

/** How far ahead a stamp is, in the words a manager reads: "30 hours", "12 days", "5 years". */
export const aheadInWords = (stamp: string, now: number): string => {
  const ms = aheadBy(stamp, now);
  const [n, unit] =
    ms >= 2 * 365.25 * DAY_MS
      ? [Math.round(ms / (365.25 * DAY_MS)), 'year']
      : ms >= 2 * DAY_MS
        ? [Math.round(ms / DAY_MS), 'day']
        : [Math.round(ms / 3_600_000), 'hour'];
  return counted(n, unit);
};

/** The latest of some stamps (HLC_ZERO for none). */
export const latestHlc = (stamps: Iterable<string>): string => {
  let latest = HLC_ZERO;
  for (const s of stamps) if (compareHlc(s, latest) > 0) latest = s;
  return latest;
};

/** The date (London) a stamp's wall time falls on, as "Fri 5 Dec 2031"; null past the year 9999, which no real clock reaches. */
export const stampDateGB = (stamp: string): string | null => {
  const { date } = londonParts(parseHlc(stamp).wall);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDateGB(date) : null;
};

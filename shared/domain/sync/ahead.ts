/**
 * Versions refused for a stamp too far ahead of this computer's clock (STAMP_AHEAD_LIMIT_MS in hlc.ts), kept rather
 * than dropped. Such a version may not win a merge (it would win every later one) nor move a clock, so the version
 * held here stays in force; but it is somebody's edit, and the document it came in may carry versions an earlier
 * merge set aside for a manager to decide on. When the held version is written over the refused document, all of
 * those are kept beside it, here and on the hub:
 * - a shift: the refused version's history joins the held shift's (the clashes it set aside stay there, so the
 *   Conflicts panel still offers them), and the refused version itself is a history entry of its own, which the panel
 *   offers too where it differs in who, when, where or whether; a manager who keeps it writes its fields under a
 *   stamp of today;
 * - a site, a person or a log entry: the refused version is kept aside (`stamped-ahead`) with the versions it carried.
 * A version kept aside never becomes the record and never moves a clock (only attendance and incident versions are
 * folded back in, and these rules leave them alone: their events stay on the hub as they came), so its own stamp may
 * be ahead; the stamp of the version it was kept against may not.
 */
import { isFolded } from './fold';
import { HLC_ZERO, tooFarAhead } from './hlc';
import { asideOf, follows, mergeRecord, shiftKeeping, type Superseded, type SyncKind, type SyncRecord } from './merge';

/** The note on the history entry keeping a shift version refused for its stamp: the same words on every install. */
export const AHEAD_NOTE =
  'Not taken in: this edit was stamped more than a day ahead of the computer that received it (the computer that made it had the wrong date). It is kept here for a manager to decide.';

/** Whether a set-aside version was kept for a stamp too far ahead: its own stamp is ahead by design. */
export const keptForStamp = (s: Pick<Superseded, 'kind' | 'reason'>): boolean => s.reason === 'stamped-ahead' && !isFolded(s.kind);

/** The stamps of a set-aside version that must not be too far ahead of the receiving computer's clock. */
export const checkedStamps = (s: Superseded): string[] => (keptForStamp(s) ? [s.keptHlc] : [s.keptHlc, s.record.hlc ?? HLC_ZERO]);

/**
 * What to keep of a record document refused for a stamp too far ahead of `now` — its record `refused` and the versions
 * it kept aside — beside `held`, the version of that record held here, which stays in force. Null for an attendance or
 * incident version (their events are never written over). The very version held here (this install's own edit come
 * back) is not kept twice. A document refused only for a stamp of a version it carried aside has its record merged as
 * usual.
 */
export const keepRefused = (
  kind: SyncKind,
  held: SyncRecord,
  refused: SyncRecord,
  refusedAside: readonly Superseded[],
  now: number,
): { record: SyncRecord; superseded: Superseded[] } | null => {
  if (isFolded(kind)) return null;
  const keptHlc = held.hlc ?? HLC_ZERO;
  const superseded = refusedAside.map((s): Superseded => ({
    ...s,
    ...(tooFarAhead(s.keptHlc, now) ? { keptHlc } : {}),
    ...(tooFarAhead(s.record.hlc, now) ? { reason: 'stamped-ahead' } : {}),
  }));
  if ((refused.hlc ?? HLC_ZERO) === keptHlc) return { record: held, superseded };
  // Refused only for a version it carried aside: the record itself merges as any other does.
  if (!tooFarAhead(refused.hlc, now)) {
    const m = mergeRecord(kind, held, refused);
    return { record: m.record, superseded: m.superseded ? [...superseded, m.superseded] : superseded };
  }
  // A version the held one was made from (this install's own earlier edit) is history, not a rival.
  const rival = !follows(held, refused);
  if (kind === 'shifts') return { record: shiftKeeping(held, refused, rival ? AHEAD_NOTE : null), superseded };
  return { record: held, superseded: rival ? [...superseded, asideOf(kind, refused, held, 'stamped-ahead')] : superseded };
};

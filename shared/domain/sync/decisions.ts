/**
 * Which sync conflicts a person must decide, and what deciding writes. Pure: the shift comes in, the
 * answer goes out; nothing here reads a clock or a disk.
 *
 * Every conflict is resolved at once by the automatic rule (merge.ts): the later hybrid-clock edit
 * wins, and the losing version is written into the shift's own change history as a conflict entry
 * (`before` = the version that lost, with its stamp; `after` = the version it lost to, with `mergeNote`).
 * That entry travels with the shift to every install, so every install can tell the same open decisions
 * from the shift alone.
 *
 * A person must decide when the version that lost and the version in force disagree on what the rota
 * tells people to do: **who** works the shift (`staffId`, open included), **when** (`date`, `start`,
 * `end`), **where** (`site`) or **whether** it happens at all (`deleted`). Then the automatic rule has
 * silently sent one of two people home, or moved a shift someone was told about, and only a manager can
 * say which is right. Differences only in the service, the break, the notes, draft/published or an
 * override reason are left to the automatic rule: the losing version stays readable in the history.
 *
 * A decision is itself an edit of the shift, made from the version in force (so it never conflicts with
 * it): the kept version's fields, and a history entry naming the conflict it settles (`after.decided` =
 * the losing version's stamp, `after.kept`). Because it replicates like any edit, once one manager
 * decides, every install's panel loses the conflict.
 */

/** What the rota tells people; a difference in any of these needs a person. */
export const DECIDING_FIELDS = ['staffId', 'date', 'start', 'end', 'site', 'deleted'] as const;
export type DecidingField = (typeof DECIDING_FIELDS)[number];

/** The fields a decision copies from the version it keeps. */
export const VERSION_FIELDS = [
  'site',
  'service',
  'date',
  'start',
  'end',
  'breakMinutes',
  'staffId',
  'notes',
  'deleted',
  'status',
  'override',
] as const;
type VersionField = (typeof VERSION_FIELDS)[number];

/** A shift as far as deciding goes: its fields, who last changed it and when, and its change history. */
export interface DecidableShift {
  id: string;
  hlc?: string;
  updatedAt: string;
  updatedBy: string;
  history: readonly { at: string; by: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  [field: string]: unknown;
}

/** One version of the shift, as it is shown side by side. */
export interface Version {
  fields: Record<VersionField, unknown>;
  /** When and by whom (a user id) this version was written. */
  editedAt: string;
  editedBy: string;
}

export interface OpenDecision {
  shiftId: string;
  /** The stamp of the version that lost: names this conflict. */
  conflict: string;
  /** The version in force now. */
  current: Version;
  /** The version the automatic rule set aside. */
  other: Version;
  /** The deciding fields the two disagree on, in DECIDING_FIELDS order; never empty. */
  differs: DecidingField[];
}

const pick = (r: Record<string, unknown>, fallback: Record<string, unknown>): Record<VersionField, unknown> =>
  Object.fromEntries(VERSION_FIELDS.map((f) => [f, Object.hasOwn(r, f) ? r[f] : fallback[f]])) as Record<VersionField, unknown>;

const norm = (field: DecidingField, v: unknown): unknown => (field === 'deleted' ? v === true : field === 'staffId' ? (v ?? null) : v);

/** Whether a history entry is the automatic rule's record of a version it set aside; its stamp if so. */
const lostStamp = (e: DecidableShift['history'][number]): string | null =>
  e.before && e.after && typeof e.after.mergeNote === 'string' && typeof e.before.hlc === 'string' && e.before.hlc ? e.before.hlc : null;

const decidedStamp = (e: DecidableShift['history'][number]): string | null =>
  e.after && typeof e.after.decided === 'string' ? e.after.decided : null;

/**
 * The conflicts on this shift that still need a person: set aside by the automatic rule, not decided
 * yet, and different from the version in force in who, when, where or whether. Oldest first; one per
 * losing version even when its entry was written more than once.
 */
export const openDecisions = (shift: DecidableShift): OpenDecision[] => {
  const history = Array.isArray(shift.history) ? shift.history : [];
  const decided = new Set(history.map(decidedStamp).filter((s): s is string => s !== null));
  const seen = new Set<string>();
  const out: OpenDecision[] = [];
  const current: Version = { fields: pick(shift, {}), editedAt: shift.updatedAt, editedBy: shift.updatedBy };
  for (const e of history) {
    const stamp = lostStamp(e);
    if (!stamp || decided.has(stamp) || seen.has(stamp) || stamp === shift.hlc) continue;
    seen.add(stamp);
    const other: Version = { fields: pick(e.before!, shift), editedAt: e.at, editedBy: e.by };
    const differs = DECIDING_FIELDS.filter((f) => norm(f, current.fields[f]) !== norm(f, other.fields[f]));
    if (differs.length) out.push({ shiftId: shift.id, conflict: stamp, current, other, differs });
  }
  return out;
};

export type Keep = 'current' | 'other';

/**
 * What deciding writes: the kept version's fields and the history entry that settles the conflict, for
 * the caller to stamp and save as an edit of the version in force. Null when `conflict` is not open on
 * this shift (decided already, or never there).
 */
export const decide = (
  shift: DecidableShift,
  conflict: string,
  keep: Keep,
  by: string,
  at: string,
): { fields: Record<VersionField, unknown>; entry: DecidableShift['history'][number] } | null => {
  const open = openDecisions(shift).find((d) => d.conflict === conflict);
  if (!open) return null;
  const fields = keep === 'current' ? open.current.fields : open.other.fields;
  return { fields, entry: { at, by, before: { ...open.current.fields }, after: { ...fields, decided: conflict, kept: keep } } };
};

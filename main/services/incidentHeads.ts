import {
  extendsHead,
  headOf,
  verifyHistory,
  verifyIncidentHistory,
  acceptedByDecision,
  type VerifyResult,
} from '../../shared/domain/incidents';
import type { Incident } from '../../shared/schemas/incident';
import { readSuperseded } from '../exchange/superseded';
import type { AppCore } from './types';
import { counted, wasOrWere } from '../../shared/domain/counted';

const INCIDENTS = 'partitions/incidents/';

/**
 * After a save: records the new head of every incident in the files it wrote whose chain grew from its
 * recorded head. One whose chain no longer reaches its recorded head keeps the old record, so it stays
 * flagged until a manager's decision (`incidents:decide`) records a new one.
 */
export const recordHeads = (app: AppCore, ops: { rel: string; value: unknown }[]): void => {
  const lines: Parameters<AppCore['heads']['record']>[0] = [];
  for (const op of ops) {
    if (!op.rel.startsWith(INCIDENTS)) continue;
    for (const incident of Object.values((op.value as { records: Record<string, Incident> }).records)) {
      const now = headOf(incident.id, incident.history);
      const recorded = app.heads.get(incident.id);
      if (recorded && recorded.length === now.length && recorded.head === now.head) continue;
      if (recorded && !extendsHead(incident.id, incident.history, recorded)) continue;
      lines.push({ id: incident.id, ...now, why: 'write' });
    }
  }
  app.heads.record(lines, new Date(app.now()).toISOString());
};

/**
 * An incident's history checked three ways: every link and hash, its fields against what the history
 * replays to (with `rev` as the count of entries written), and its chain against the head recorded in
 * the sealed heads file. An incident saved before the heads file existed is recorded when first checked.
 */
export const checkIncident = (app: AppCore, incident: Incident): { verification: VerifyResult; locked: boolean } => {
  const chain = verifyIncidentHistory(incident, { length: incident.rev });
  const recorded = app.heads.get(incident.id);
  if (!recorded && chain.ok)
    app.heads.record([{ id: incident.id, ...headOf(incident.id, incident.history), why: 'first-seen' }], new Date(app.now()).toISOString());
  let verification: VerifyResult = chain;
  if (chain.ok && recorded && !extendsHead(incident.id, incident.history, recorded)) {
    verification = {
      ok: false,
      brokenAt: Math.min(recorded.length, incident.history.length),
      reason:
        incident.history.length < recorded.length
          ? `The history has ${counted(incident.history.length, 'entry', 'entries')}, but ${recorded.length} ${wasOrWere(recorded.length)} recorded as written: entries were cut off the end.`
          : `The history no longer contains entry ${recorded.length} as it was recorded when written: it was rewritten.`,
    };
  }
  if (verification.ok) verification = checkWitness(app, incident);
  return { verification, locked: !verification.ok && !acceptedByDecision(incident) };
};

/**
 * The incident's chain against every head the hub has seen of it (main/sync): each must be reached by
 * the chain held here, or by a version of the incident set aside when two installs' chains diverged.
 * This catches a tail cut off on this machine together with the local heads file's own tail.
 */
const checkWitness = (app: AppCore, incident: Incident): VerifyResult => {
  const seen = app.sync?.witnessed(incident.id, incident.site) ?? [];
  const missing = seen.filter((w) => !extendsHead(incident.id, incident.history, w)).sort((a, b) => b.length - a.length);
  if (!missing.length) return { ok: true };
  const aside = Object.values(readSuperseded(app.ds)).filter((s) => s.kind === 'incidents' && s.recordId === incident.id);
  const reachedAside = (w: { length: number; head: string }) =>
    aside.some(
      (s) =>
        Array.isArray(s.record.history) &&
        verifyHistory(incident.id, s.record.history as Incident['history']).ok &&
        extendsHead(incident.id, s.record.history as Incident['history'], w),
    );
  const w = missing.find((m) => !reachedAside(m));
  if (!w) return { ok: true };
  const n = incident.history.length;
  return {
    ok: false,
    brokenAt: Math.min(w.length, n),
    reason:
      n < w.length
        ? `The history has ${counted(n, 'entry', 'entries')}, but the hub has seen ${w.length}: entries were cut off the end on this computer.`
        : `The history no longer contains entry ${w.length} as the hub saw it: it was rewritten on this computer.`,
  };
};

import { AlertTriangle, Check } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConflictSide, SetAsideVersion, SyncConflict } from '../../../shared/contract/sync';
import type { DecidingField } from '../../../shared/domain/sync/decisions';
import { formatDateGB, formatWhenGB } from '../../../shared/domain/dates';
import type { Err } from '../../../shared/result';
import { Banner } from '../../components/Banner';
import { useStore } from '../../store/appStore';
import { SERVICE_LABEL } from '../sites/CoverEditor';

type Row = { label: string; show: (s: ConflictSide) => string; fields: DecidingField[] };

const ROWS: Row[] = [
  { label: 'Who', show: (s) => s.person ?? 'No one (open shift)', fields: ['staffId'] },
  { label: 'Date', show: (s) => formatDateGB(s.date), fields: ['date'] },
  { label: 'Time', show: (s) => `${s.start}–${s.end}${s.end <= s.start ? ' (ends next day)' : ''}`, fields: ['start', 'end'] },
  { label: 'Site', show: (s) => `${s.siteName} (${s.site})`, fields: ['site'] },
  { label: 'On the rota', show: (s) => (s.removed ? 'Removed' : s.published ? 'Published' : 'Draft'), fields: ['deleted'] },
  { label: 'Service', show: (s) => SERVICE_LABEL[s.service as keyof typeof SERVICE_LABEL] ?? s.service, fields: [] },
  { label: 'Break', show: (s) => `${s.breakMinutes} min`, fields: [] },
  { label: 'Notes', show: (s) => s.notes || '—', fields: [] },
  { label: 'Changed by', show: (s) => `${s.editedBy}, ${formatWhenGB(s.editedAt)}`, fields: [] },
];

const titleOf = (c: SyncConflict) =>
  `${SERVICE_LABEL[c.current.service as keyof typeof SERVICE_LABEL] ?? c.current.service} shift at ${c.current.siteName}, ${formatDateGB(c.current.date)}`;

/** What was kept, in a sentence. */
const keptText = (c: SyncConflict, keep: 'current' | 'other') => {
  const s = keep === 'current' ? c.current : c.other;
  const what = s.removed ? 'the shift stays removed' : `${s.person ?? 'no one (open)'}, ${formatDateGB(s.date)} ${s.start}–${s.end}`;
  return `Kept ${keep === 'current' ? 'the version in force' : 'the set-aside version'} of the ${titleOf(c)}: ${what}. Every computer connected to the hub follows.`;
};

const ConflictCard = ({ c, onKeep, busy }: { c: SyncConflict; onKeep: (keep: 'current' | 'other') => void; busy: boolean }) => {
  const id = `conflict-${c.shiftId}-${c.conflict.replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <section className="card conflict" aria-labelledby={id}>
      <h2 id={id}>{titleOf(c)}</h2>
      <table className="conflict-table">
        <thead>
          <tr>
            <td />
            <th scope="col">
              In force now <span className="muted">(the later change)</span>
            </th>
            <th scope="col">
              Set aside <span className="muted">(kept in the shift’s history)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => {
            const differs = r.fields.some((f) => c.differs.includes(f));
            return (
              <tr key={r.label} className={differs ? 'differs' : undefined}>
                <th scope="row">
                  {r.label}
                  {differs && (
                    <span className="differs-mark">
                      <AlertTriangle aria-hidden size={14} /> differs
                    </span>
                  )}
                </th>
                <td>{r.show(c.current)}</td>
                <td>{r.show(c.other)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>
              <button className="btn btn-primary" disabled={busy} onClick={() => onKeep('current')}>
                <Check aria-hidden size={16} /> Keep the version in force
              </button>
            </td>
            <td>
              <button className="btn btn-primary" disabled={busy} onClick={() => onKeep('other')}>
                <Check aria-hidden size={16} /> Keep the set-aside version
              </button>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
};

/** Who wrote a version, and when, as the shift cards say it. */
const byWhom = (v: { editedBy: string; editedAt: string }) => `${v.editedBy}, ${formatWhenGB(v.editedAt)}`;

/**
 * A version of a site, a person, an attendance record, an incident or a log entry kept aside: which record, why, and
 * each field that differs beside the version in force. Nothing to choose: the note says why and what to do instead.
 */
const SetAsideCard = ({ v }: { v: SetAsideVersion }) => {
  const id = `aside-${v.key.replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <section className="card conflict" aria-labelledby={id}>
      <h3 id={id}>
        {v.what}: {v.title}
      </h3>
      <p>
        {v.why}
        {v.lostTo && <> It was set aside against the version written {formatWhenGB(v.lostTo)}.</>}
      </p>
      {v.inForce ? (
        <table className="conflict-table">
          <thead>
            <tr>
              <td />
              <th scope="col">In force now</th>
              <th scope="col">
                Set aside <span className="muted">(kept on every computer)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {v.differs.map((f) => (
              <tr key={f.label} className="differs">
                <th scope="row">
                  {f.label}
                  <span className="differs-mark">
                    <AlertTriangle aria-hidden size={14} /> differs
                  </span>
                </th>
                <td>{f.inForce}</td>
                <td>{f.setAside}</td>
              </tr>
            ))}
            {v.differs.length === 0 && (
              <tr>
                <th scope="row">Fields</th>
                <td colSpan={2}>The same in both versions</td>
              </tr>
            )}
            <tr>
              <th scope="row">Changed by</th>
              <td>{byWhom(v.inForce)}</td>
              <td>{byWhom(v.setAside)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p>This computer does not hold the record itself. The set-aside version was written by {byWhom(v.setAside)}.</p>
      )}
      <p className="muted aside-note">{v.note}</p>
    </section>
  );
};

/**
 * Moves when a sync may have changed what the lists hold: the count of conflicts waiting (a decision made on another
 * computer empties one) or the time the sync last stood up to date (new versions may have come with it). The time is
 * null while a sync runs, which is not a change yet: only a new time counts.
 */
const useSyncChanges = () => {
  const { waiting, at } = useStore(useShallow((s) => ({ waiting: s.syncStatus?.conflicts ?? 0, at: s.syncStatus?.at ?? null })));
  const [settled, setSettled] = useState(at);
  if (at !== null && at !== settled) setSettled(at);
  return `${waiting}|${settled ?? ''}`;
};

/** Reads a list when the screen opens and again at each of `changes`; why it could not, or null. */
const useListLoad = (load: () => Promise<Err | null>, changes: string) => {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void load().then((e) => setError(e ? e.message : null));
  }, [load, changes]);
  return error;
};

/**
 * A list read from the app: "Loading…" until it first comes, then its items or `empty`. When it cannot be read, that is
 * said in its place (above the list last read, if any), not "Loading…" for ever, which a manager would wait on. The
 * items keep their keys across a new reading, so the focus stays where the manager left it.
 */
const ListOf = <T,>({
  items,
  error,
  empty,
  children,
}: {
  items: T[] | null;
  error: string | null;
  empty: string;
  children: (items: T[]) => ReactNode;
}) => (
  <>
    {error && <Banner tone="error">{error}</Banner>}
    {items === null ? (
      !error && <p role="status">Loading…</p>
    ) : items.length === 0 ? (
      <p className="card" role="status">
        {empty}
      </p>
    ) : (
      children(items)
    )}
  </>
);

/** Settings → Sync → Conflicts (managers): shifts changed on two computers while apart, side by side; one click keeps one. */
export const ConflictsView = () => {
  const { conflicts, load, resolve, aside, loadAside } = useStore(
    useShallow((s) => ({
      conflicts: s.syncConflicts,
      load: s.loadSyncConflicts,
      aside: s.syncSetAside,
      loadAside: s.loadSyncSetAside,
      resolve: s.resolveSyncConflict,
    })),
  );
  const [msg, setMsg] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Both lists are read again whenever the status the shell polls says a sync has changed something.
  const changes = useSyncChanges();
  const conflictsError = useListLoad(load, changes);
  const asideError = useListLoad(loadAside, changes);
  const keep = async (c: SyncConflict, which: 'current' | 'other') => {
    setBusy(true);
    const r = await resolve(c, which);
    setBusy(false);
    if (r.ok) setMsg({ tone: 'ok', text: keptText(c, which) });
    else {
      setMsg({ tone: 'error', text: r.message });
      void load();
    }
  };
  return (
    <section aria-labelledby="conflicts-title">
      <header className="page-head">
        <h1 id="conflicts-title">Conflicts</h1>
        <p className="muted">
          Shifts changed on two computers while they were apart. The later change is in force until you choose; the other is kept in the
          shift’s history.
        </p>
      </header>
      <div className="stack">
        {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
        <ListOf items={conflicts} error={conflictsError} empty="No conflicts wait for a decision.">
          {(list) => list.map((c) => <ConflictCard key={`${c.shiftId}|${c.conflict}`} c={c} busy={busy} onKeep={(w) => void keep(c, w)} />)}
        </ListOf>
      </div>
      <section aria-labelledby="aside-title" className="stack aside-list">
        <header>
          <h2 id="aside-title">Other versions kept aside</h2>
          <p className="muted">
            Sites, people (with their leave and absences), attendance, incidents and log entries changed on two computers while they were
            apart. The automatic rule settled each; the version it did not use is kept here and on every computer, for reference.
          </p>
        </header>
        <ListOf items={aside} error={asideError} empty="No other versions have been kept aside.">
          {(list) => list.map((v) => <SetAsideCard key={v.key} v={v} />)}
        </ListOf>
      </section>
    </section>
  );
};

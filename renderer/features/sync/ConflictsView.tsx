import { AlertTriangle, Check } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConflictSide, SyncConflict } from '../../../shared/contract/sync';
import type { DecidingField } from '../../../shared/domain/sync/decisions';
import { formatDateGB, formatWhenGB } from '../../../shared/domain/dates';
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

/** Settings → Sync → Conflicts (managers): shifts changed on two computers while apart, side by side; one click keeps one. */
export const ConflictsView = () => {
  const { conflicts, load, resolve, waiting } = useStore(
    useShallow((s) => ({
      conflicts: s.syncConflicts,
      load: s.loadSyncConflicts,
      resolve: s.resolveSyncConflict,
      waiting: s.syncStatus?.conflicts ?? 0,
    })),
  );
  const [msg, setMsg] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Asked again whenever the count the shell polls changes: a decision made on another computer empties it here.
  useEffect(() => {
    void load().then((e) => e && setMsg({ tone: 'error', text: e.message }));
  }, [load, waiting]);
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
        {conflicts === null ? (
          <p role="status">Loading…</p>
        ) : conflicts.length === 0 ? (
          <p className="card" role="status">
            No conflicts wait for a decision.
          </p>
        ) : (
          conflicts.map((c) => <ConflictCard key={`${c.shiftId}|${c.conflict}`} c={c} busy={busy} onKeep={(w) => void keep(c, w)} />)
        )}
      </div>
    </section>
  );
};

import { AlertDialog } from 'radix-ui';
import { Archive, Pencil, RotateCcw } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { StaffView } from '../../../shared/contract/staff';
import { licenceStatusOn } from '../../../shared/domain/directory';
import { addDays, formatDateGB, formatMinutes, formatWhenGB, londonToday } from '../../../shared/domain/dates';
import { leaveBalance } from '../../../shared/domain/leave/balance';
import { WEEKDAYS } from '../../../shared/schemas/common';
import { Banner } from '../../components/Banner';
import { LicenceBadge } from '../../components/LicenceBadge';
import { useNow } from '../../components/useNow';
import { GbInput } from '../../components/GbInput';
import { useStore, useStoreFields } from '../../store/appStore';
import { SERVICE_LABEL } from '../sites/CoverEditor';
import { AbsencesPanel } from './AbsencesPanel';
import { StaffEditor } from './StaffEditor';
import { CONTRACT_LABEL, SECTOR_LABEL } from '../../../shared/domain/directory/staffLabels';
import { useLeaveRules } from './useLeaveRules';
import { BackButton } from '../../components/BackButton';
import './staff.css';

const ArchiveButton = ({ person, today, onArchived }: { person: StaffView; today: string; onArchived: () => void }) => {
  const archiveStaff = useStore((s) => s.archiveStaff);
  const [on, setOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  return (
    <AlertDialog.Root onOpenChange={() => setError(null)}>
      <AlertDialog.Trigger asChild>
        <button className="btn">
          <Archive aria-hidden size={16} /> Archive leaver…
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>Archive {person.name}?</AlertDialog.Title>
          <AlertDialog.Description className="muted">
            They leave the staff list and cannot be rostered from this date. Nothing is deleted: their shifts, attendance and incidents keep
            their name, and you can restore them.
          </AlertDialog.Description>
          <div className="field" style={{ marginTop: 'var(--s4)' }}>
            <label htmlFor="archive-on">No longer working from</label>
            <GbInput id="archive-on" kind="date" value={on} onChange={(e) => setOn(e.target.value)} />
          </div>
          {error && <Banner tone="error">{error}</Banner>}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button className="btn">Keep on the books</button>
            </AlertDialog.Cancel>
            <button
              className="btn btn-primary"
              onClick={async () => {
                const failure = await archiveStaff(person.id, on || undefined);
                if (failure) setError(failure.message);
                else onArchived();
              }}
            >
              Archive
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
};

/** Everything on file about one person, with editing, absences and archiving for managers. */
export const StaffPage = ({ id }: { id: string }) => {
  const { person, loadPerson, go, auth, restoreStaff } = useStoreFields('person', 'loadPerson', 'go', 'auth', 'restoreStaff');
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string; undo?: boolean } | null>(null);
  const today = londonToday(useNow());
  const manager = auth?.user?.role === 'manager';
  useEffect(() => {
    void loadPerson(id);
  }, [loadPerson, id]);
  const back = <BackButton label="All staff" onClick={() => go('staff')} />;
  if (person.status === 'error')
    return (
      <>
        {back}
        <Banner tone="error">{person.message}</Banner>
      </>
    );
  if (person.status !== 'ready' || person.data.id !== id) return <p className="muted">Loading…</p>;
  const p = person.data;

  if (editing)
    return (
      <section aria-labelledby="person-title">
        {back}
        <header className="page-head">
          <h1 id="person-title">Edit {p.name}</h1>
        </header>
        <StaffEditor
          person={p}
          onDone={() => {
            setEditing(false);
            setNote(null);
          }}
        />
      </section>
    );

  const restore = async () => {
    const failure = await restoreStaff(p.id);
    setNote(failure ? { tone: 'error', text: failure.message } : { tone: 'ok', text: `${p.name} is back on the books.` });
  };
  const availability = Object.keys(p.availability).length === 0 ? null : WEEKDAYS.map((d) => ({ d, w: p.availability[d] ?? [] }));

  return (
    <section aria-labelledby="person-title">
      {back}
      <header className="page-head">
        <h1 id="person-title">{p.name}</h1>
        <span className="muted">{p.employeeNumber}</span>
        {p.archived && <span className="archived-tag">Archived{p.archivedOn ? ` from ${formatDateGB(p.archivedOn)}` : ''}</span>}
        {manager && (
          <div className="page-actions">
            {p.archived ? (
              <button className="btn" onClick={() => void restore()}>
                <RotateCcw aria-hidden size={16} /> Restore
              </button>
            ) : (
              <ArchiveButton
                person={p}
                today={today}
                onArchived={() => setNote({ tone: 'ok', text: `${p.name} is archived. Their records are kept.`, undo: true })}
              />
            )}
            <button className="btn btn-primary" onClick={() => setEditing(true)}>
              <Pencil aria-hidden size={16} /> Edit
            </button>
          </div>
        )}
      </header>
      {note && (
        <Banner
          tone={note.tone}
          action={
            note.undo ? (
              <button className="btn btn-quiet btn-small" onClick={() => void restore()}>
                Undo
              </button>
            ) : undefined
          }
        >
          {note.text}
        </Banner>
      )}
      <div className="person-grid">
        <div className="stack" style={{ gap: 'var(--s4)' }}>
          <section className="card" aria-labelledby="work-title">
            <h2 id="work-title">Work</h2>
            <dl className="facts">
              <dt>Services</dt>
              <dd>{p.services.map((s) => SERVICE_LABEL[s]).join(', ')}</dd>
              <dt>Home site</dt>
              <dd>{p.homeSite ?? 'None (floating)'}</dd>
              <dt>Familiar sites</dt>
              <dd>{p.familiarSites.length ? p.familiarSites.join(', ') : <span className="muted">None</span>}</dd>
              <dt>Contract</dt>
              <dd>
                {CONTRACT_LABEL[p.contractType]}, {p.contractedHours} hours a week
              </dd>
              {p.payRate !== null && (
                <>
                  <dt>Pay rate</dt>
                  <dd>£{p.payRate.toFixed(2)} an hour</dd>
                </>
              )}
              <dt>Annual leave</dt>
              <dd>
                <LeaveSummary person={p} today={today} />
              </dd>
              <dt>48-hour opt-out</dt>
              <dd>{p.optOut ? `Signed ${formatDateGB(p.optOut.signed)}` : 'Not signed'}</dd>
              <dt>Young worker</dt>
              <dd>{p.youngWorker ? 'Yes, under 18: limits apply' : 'No'}</dd>
              {p.dateOfBirth && (
                <>
                  <dt>Date of birth</dt>
                  <dd>{formatDateGB(p.dateOfBirth)}</dd>
                </>
              )}
              <dt>Phone</dt>
              <dd>{p.phone || <span className="muted">None</span>}</dd>
              <dt>Notes</dt>
              <dd>{p.notes || <span className="muted">None</span>}</dd>
              <dt>Last changed</dt>
              <dd className="muted small">{formatWhenGB(p.updatedAt)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="sia-title">
            <h2 id="sia-title">SIA licence</h2>
            {p.sia ? (
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  <LicenceBadge state={licenceStatusOn(p, today)} />
                </dd>
                <dt>Number</dt>
                <dd>{p.sia.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</dd>
                <dt>Sector</dt>
                <dd>{SECTOR_LABEL[p.sia.sector]}</dd>
                <dt>Expires</dt>
                <dd>{formatDateGB(p.sia.expires)}</dd>
              </dl>
            ) : (
              <p className="muted">
                {p.services.includes('security')
                  ? 'No licence on file: they cannot be put on security shifts.'
                  : 'None on file (not needed for their services).'}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="avail-title">
            <h2 id="avail-title">Weekly availability</h2>
            {availability ? (
              <dl className="facts">
                {availability.map(({ d, w }) => (
                  <div key={d} style={{ display: 'contents' }}>
                    <dt>{d[0].toUpperCase() + d.slice(1)}</dt>
                    <dd>{w.length ? w.map((x) => `${x.start}–${x.end}`).join(', ') : <span className="muted">Not available</span>}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">Any time (none stated).</p>
            )}
          </section>
        </div>
        <AbsencesPanel person={p} today={today} canEdit={manager && !p.archived} />
      </div>
    </section>
  );
};

const days = (n: number) => `${Number(n.toFixed(2))} ${Math.abs(n) === 1 ? 'day' : 'days'}`;

/** The leave balance for the leave year containing today, in days and hours (WTR regs. 13–13A). */
const LeaveSummary = ({ person, today }: { person: StaffView; today: string }) => {
  const { holidays, policy } = useLeaveRules(today);
  const b = leaveBalance(person, today, holidays, undefined, policy);
  if (!b) return <span className="muted">No leave terms on file</span>;
  const basis = {
    agreed: 'agreed leave year',
    organisation: "the organisation's leave year",
    anniversary: 'from the start date (reg. 13(3))',
    calendar: 'calendar year (no start date on file)',
  }[b.yearBasis];
  return (
    <>
      {days(b.remainingDays)} ({formatMinutes(Math.round(b.remainingHours * 60))}) left of {days(b.entitledDays)} (
      {formatMinutes(Math.round(b.entitledHours * 60))}) for {formatDateGB(b.year.start)} to {formatDateGB(b.year.end)}, {basis}
      <span className="muted small">
        {' '}
        · taken {days(b.takenDays)}
        {b.bankHolidayDays > 0 && `, bank holidays ${days(b.bankHolidayDays)}`}
        {b.carried.days > 0 && `, carried in ${days(b.carried.days)}`}
        {b.carried.lapses &&
          b.carried.days > 0 &&
          (b.carried.lapsedDays > 0
            ? ` (${days(b.carried.lapsedDays)} lapsed untaken on ${formatDateGB(b.carried.lapses)})`
            : ` (to take by ${formatDateGB(addDays(b.carried.lapses, -1))})`)}
      </span>
    </>
  );
};

import { FileDown, Lock, Pencil, Search, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { IncidentDetail } from '../../../shared/contract/incidents';
import { formatDateGB, formatWhenGB, londonToday } from '../../../shared/domain/dates';
import { AGENCY_LABEL, CATEGORY_LABEL, RIDDOR_LABEL, SEVERITY_LABEL } from '../../../shared/domain/incidents';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { TextArea } from '../../components/TextArea';
import { useNow } from '../../components/useNow';
import { useStore, useStoreFields } from '../../store/appStore';
import { StatusBadge } from './badges';
import { CloseDialog } from './CloseDialog';
import { HistoryList } from './HistoryList';
import { fromDraft, skippedTimeErrors, toDraft, unprefixed, type IncidentDraft } from './incidentDraft';
import { IncidentFields } from './IncidentFields';
import { Photos } from './Photos';
import { BackButton } from '../../components/BackButton';
import { counted } from '../../../shared/domain/counted';

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="dl-item">
    <dt>{label}</dt>
    <dd>{children || <span className="muted">—</span>}</dd>
  </div>
);

const Details = ({ d }: { d: IncidentDetail }) => {
  const i = d.incident;
  const updateIncident = useStore((s) => s.updateIncident);
  const today = londonToday(useNow());
  const toggle = (id: string, done: boolean) =>
    void updateIncident({ followUps: i.followUps.map((f) => (f.id === id ? { ...f, done } : f)) });
  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="what-title">
        <h2 id="what-title">What happened</h2>
        <p className="prewrap">{i.details}</p>
        <dl className="dl">
          <Item label="Where">{i.location}</Item>
          <Item label="When it happened">{formatWhenGB(i.occurredAt)}</Item>
          <Item label="Reported">{`${formatWhenGB(i.reportedAt)} by ${i.reportedBy} to ${i.reportedTo}`}</Item>
          <Item label="Category">{CATEGORY_LABEL[i.category]}</Item>
          <Item label="Severity">{SEVERITY_LABEL[i.severity]}</Item>
          <Item label="People involved">{i.peopleInvolved}</Item>
          <Item label="Witnesses">{i.witnesses}</Item>
          <Item label="Action taken">{i.actionTaken}</Item>
          <Item label="Onward reporting">
            {i.onwardReports.map((r) => `${AGENCY_LABEL[r.agency]}${r.reference ? ` — ref ${r.reference}` : ''}`).join('; ')}
          </Item>
          {i.status === 'closed' && <Item label="Outcome">{i.outcome}</Item>}
        </dl>
      </section>
      <section className="card" aria-labelledby="follow-title">
        <h2 id="follow-title">Action still to take</h2>
        {i.followUps.length === 0 && <p className="muted">No follow-ups.</p>}
        <ul className="follow-ups">
          {i.followUps.map((f) => (
            <li key={f.id} className={!f.done && f.due < today ? 'overdue' : ''}>
              <label className="choice">
                <input type="checkbox" checked={f.done} disabled={i.status === 'closed'} onChange={(e) => toggle(f.id, e.target.checked)} />
                <span>
                  <strong>{f.action}</strong> — {f.owner}, due {formatDateGB(f.due)}
                  {!f.done && f.due < today && <strong className="overdue-text"> (overdue)</strong>}
                  {f.done && <span className="muted"> (done)</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <h2>RIDDOR</h2>
        {!i.riddor ? (
          <p className="muted">Not reportable.</p>
        ) : (
          <dl className="dl">
            <Item label="Kind">{RIDDOR_LABEL[i.riddor.kind]}</Item>
            {'deadline' in d.riddor && <Item label="Deadline">{formatDateGB(d.riddor.deadline)}</Item>}
            <Item label="Reported to the HSE">
              {i.riddor.reportedOn ? `${formatDateGB(i.riddor.reportedOn)}${i.riddor.method ? `, ${i.riddor.method}` : ''}` : 'Not yet'}
            </Item>
            <Item label="HSE reference">{i.riddor.hseReference}</Item>
          </dl>
        )}
      </section>
    </div>
  );
};

const EditForm = ({ d, onDone }: { d: IncidentDetail; onDone: () => void }) => {
  const { sites, updateIncident, amendIncident } = useStoreFields('sites', 'updateIncident', 'amendIncident');
  const amending = d.incident.status === 'closed';
  const today = londonToday(useNow());
  const [draft, setDraft] = useState<IncidentDraft>(() =>
    toDraft(d.incident, { site: d.incident.site, nowIso: d.incident.occurredAt, me: '' }),
  );
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const skipped = skippedTimeErrors(draft);
    if (Object.keys(skipped).length) return setErrors(skipped);
    const { site: _site, ...patch } = fromDraft(draft);
    const failure = amending ? await amendIncident(patch, note) : await updateIncident(patch);
    setErrors(unprefixed(fieldErrors(failure)));
    if (!failure) onDone();
  };
  return (
    <form className="card edit-form" onSubmit={submit} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title">{amending ? 'Add an amendment' : 'Edit incident'}</h2>
      {amending && (
        <p className="muted">
          This incident is closed. Your change is added to its history as an amendment, with your reason; nothing before it is changed.
        </p>
      )}
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <IncidentFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        sites={sites.status === 'ready' ? sites.data : [{ code: d.incident.site, name: d.incident.site }]}
        siteFixed
        today={today}
      />
      {amending && (
        <TextArea label="Why is this amendment needed?" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          {amending ? 'Save amendment' : 'Save changes'}
        </button>
      </div>
    </form>
  );
};

/** A manager's decision to accept a broken history as it stands; the reason goes into the history. */
const DecisionForm = () => {
  const decideIncident = useStore((s) => s.decideIncident);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(fieldErrors(await decideIncident(reason)));
  };
  return (
    <form className="card" aria-labelledby="decision-title" onSubmit={(e) => void submit(e)}>
      <h2 id="decision-title">Manager’s decision</h2>
      <p>
        Check the record against what you know (the paper log, the people involved). Recording a decision accepts the history as it stands
        and unlocks the record; the decision and your reason are added to its history for good.
      </p>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <TextArea
        label="Reason for accepting the history as it stands"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary">
          Record decision
        </button>
      </div>
    </form>
  );
};

const Page = ({ d }: { d: IncidentDetail }) => {
  const { go, setIncidentStatus, exportIncidentPdf, sites } = useStoreFields('go', 'setIncidentStatus', 'exportIncidentPdf', 'sites');
  const i = d.incident;
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const site = sites.status === 'ready' ? sites.data.find((s) => s.code === i.site) : undefined;
  return (
    <article aria-labelledby="incident-title" className="incident-page">
      <BackButton label="All incidents" onClick={() => go('incidents')} />
      <header className="page-head incident-head">
        <h1 id="incident-title">{i.ref}</h1>
        <StatusBadge status={i.status} />
        <p className="muted">
          {site ? `${site.code} · ${site.name}` : i.site} · {CATEGORY_LABEL[i.category]} · {SEVERITY_LABEL[i.severity]}
        </p>
        <div className="head-actions">
          {i.status === 'open' && !d.locked && (
            <button className="btn" onClick={async () => setError((await setIncidentStatus('investigating'))?.message ?? null)}>
              <Search aria-hidden size={16} /> Start investigating
            </button>
          )}
          {!editing && !d.locked && (
            <button className="btn" onClick={() => setEditing(true)}>
              <Pencil aria-hidden size={16} /> {i.status === 'closed' ? 'Add amendment' : 'Edit'}
            </button>
          )}
          {d.canClose && (
            <button className="btn" onClick={() => setClosing(true)}>
              <Lock aria-hidden size={16} /> Close incident…
            </button>
          )}
          <button className="btn" onClick={async () => setError((await exportIncidentPdf())?.message ?? null)}>
            <FileDown aria-hidden size={16} /> Export PDF
          </button>
        </div>
      </header>
      {error && <Banner tone="error">{error}</Banner>}
      {!d.verification.ok && d.locked && (
        <Banner tone="error">
          <strong>Locked: history broken</strong> at entry {d.verification.brokenAt + 1}: {d.verification.reason} This record may have been
          changed outside SiteDesk, so it cannot be edited, amended or closed until a manager records a decision about it.{' '}
          {d.canDecide ? 'Record your decision below.' : 'Keep the data folder as it is and tell your manager.'}
        </Banner>
      )}
      {!d.verification.ok && !d.locked && (
        <Banner tone="warn">
          <strong>History broken</strong> at entry {d.verification.brokenAt + 1}: {d.verification.reason} A manager accepted the history as
          it stands; their decision is in the history below.
        </Banner>
      )}
      {d.canDecide && <DecisionForm />}
      {i.status === 'closed' && (
        <Banner tone="info">Closed and read-only. Corrections are added as amendments and kept in the history.</Banner>
      )}
      {(d.riddor.state === 'due' || d.riddor.state === 'overdue') && (
        <Banner tone={d.riddor.state === 'overdue' ? 'error' : 'warn'}>{d.riddor.message}</Banner>
      )}
      {editing ? <EditForm d={d} onDone={() => setEditing(false)} /> : <Details d={d} />}
      <Photos d={d} />
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title" className="history-title">
          {d.verification.ok ? (
            <ShieldCheck aria-hidden size={18} className="ok-icon" />
          ) : (
            <ShieldAlert aria-hidden size={18} className="bad-icon" />
          )}
          History{' '}
          <span className="muted small">
            {d.verification.ok ? `${counted(i.history.length, 'entry', 'entries')}, chain verified` : 'chain broken'}
          </span>
        </h2>
        <HistoryList d={d} />
      </section>
      <CloseDialog d={d} open={closing} onOpenChange={setClosing} />
    </article>
  );
};

/** One incident: its fields, follow-ups, RIDDOR, photos and verified history, with its actions. */
export const IncidentPage = ({ id }: { id: string }) => {
  const { incident, openIncident } = useStoreFields('incident', 'openIncident');
  useEffect(() => {
    if (incident.status !== 'ready' || incident.data.incident.id !== id) void openIncident(id);
  }, [id, incident, openIncident]);
  if (incident.status === 'error') return <Banner tone="error">{incident.message}</Banner>;
  if (incident.status !== 'ready' || incident.data.incident.id !== id) return <p className="muted">Loading incident…</p>;
  return <Page key={`${incident.data.incident.id}-${incident.data.incident.rev}`} d={incident.data} />;
};

import { useEffect, useState, type FormEvent } from 'react';
import { addDays, londonToday, weekStart } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { download } from '../../components/download';
import { formatBytes } from '../../components/files';
import { useNow } from '../../components/useNow';
import { useStore, useStoreFields } from '../../store/appStore';
import { EnrolDesk } from './EnrolDesk';
import { ImportPack } from './ImportPack';

type Msg = { tone: 'ok' | 'error'; text: string } | null;

const NOUNS: Record<string, [string, string]> = {
  sites: ['site', 'sites'],
  staff: ['staff member', 'staff'],
  shifts: ['shift', 'shifts'],
  attendance: ['attendance record', 'attendance records'],
  incidents: ['incident', 'incidents'],
  log: ['log entry', 'log entries'],
  photos: ['photo', 'photos'],
  superseded: ['earlier version', 'earlier versions'],
};
const countsText = (counts: Record<string, number | undefined>) =>
  Object.entries(counts)
    .filter(([k, n]) => n && NOUNS[k])
    .map(([k, n]) => `${n} ${NOUNS[k][n === 1 ? 0 : 1]}`)
    .join(', ') || 'nothing';

/** Site checkboxes shared by the export and enrolment forms. */
export const SitePicker = ({ legend, chosen, onChange }: { legend: string; chosen: string[]; onChange: (codes: string[]) => void }) => {
  const sites = useStore((s) => s.sites);
  const list = sites.status === 'ready' ? sites.data : [];
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="choice-grid">
        {list.map((s) => (
          <label key={s.code} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(s.code)}
              onChange={() => onChange(chosen.includes(s.code) ? chosen.filter((c) => c !== s.code) : [...chosen, s.code])}
            />{' '}
            {s.code} · {s.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
};

const RotaExport = () => {
  const exportRota = useStore((s) => s.exportRota);
  const today = londonToday(useNow());
  const [sites, setSites] = useState<string[]>([]);
  const [first, setFirst] = useState(() => addDays(weekStart(today), 7));
  const [weeks, setWeeks] = useState('1');
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Math.max(1, Math.min(26, Number(weeks) || 1));
    setBusy(true);
    const r = await exportRota(
      sites,
      Array.from({ length: n }, (_, i) => addDays(weekStart(first), 7 * i)),
    );
    setBusy(false);
    if (!r.ok) return setMsg({ tone: 'error', text: r.message });
    download(r.data);
    setMsg({ tone: 'ok', text: `Saved ${r.data.filename} (${formatBytes(r.data.bytes)}): ${countsText(r.data.manifest.counts)}.` });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="rota-export-title">
      <h2 id="rota-export-title">Export a rota pack</h2>
      <p className="muted">For site desks: the chosen weeks’ shifts, with the sites and staff they need.</p>
      <SitePicker legend="Sites" chosen={sites} onChange={setSites} />
      <div className="row">
        <Field label="First week (the Monday)" type="date" value={first} onChange={(e) => setFirst(e.target.value)} required />
        <Field label="Number of weeks" type="number" min={1} max={26} value={weeks} onChange={(e) => setWeeks(e.target.value)} />
      </div>
      {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Exporting…' : 'Export rota pack'}
      </button>
    </form>
  );
};

const ActivityExport = () => {
  const exportActivity = useStore((s) => s.exportActivity);
  const today = londonToday(useNow());
  const [from, setFrom] = useState(() => addDays(today, -6));
  const [to, setTo] = useState(today);
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await exportActivity(from, to);
    setBusy(false);
    if (!r.ok) return setMsg({ tone: 'error', text: r.message });
    download(r.data);
    setMsg({ tone: 'ok', text: `Saved ${r.data.filename} (${formatBytes(r.data.bytes)}): ${countsText(r.data.manifest.counts)}.` });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="activity-export-title">
      <h2 id="activity-export-title">Export an activity pack</h2>
      <p className="muted">For the manager: this desk’s incidents (with history and photos), occurrence log and attendance.</p>
      <div className="row">
        <Field label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Field label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Exporting…' : 'Export activity pack'}
      </button>
    </form>
  );
};

/** Plans travel to the desks and incidents back, by file: export, import with a preview, enrol a desk. */
export const ExchangeView = () => {
  const { auth, exchange, loadExchange, loadSites, resetImport } = useStoreFields(
    'auth',
    'exchange',
    'loadExchange',
    'loadSites',
    'resetImport',
  );
  const manager = auth?.user?.role === 'manager';
  useEffect(() => {
    void loadExchange();
    void loadSites();
    return resetImport;
  }, [loadExchange, loadSites, resetImport]);
  const status = exchange.status === 'ready' ? exchange.data : null;
  return (
    <section aria-labelledby="exchange-title">
      <header className="page-head">
        <h1 id="exchange-title">Exchange</h1>
        {status && (
          <p className="muted">
            {status.organisationName}
            {status.enrolled
              ? ` · ${status.role === 'desk' ? `site desk for ${status.sites.join(', ')}` : 'manager'} · key ${status.keyId}`
              : ' · no organisation key yet'}
          </p>
        )}
      </header>
      <div className="stack">
        <ImportPack />
        {manager && <RotaExport />}
        <ActivityExport />
        {manager && <EnrolDesk />}
      </div>
    </section>
  );
};

import { ChevronLeft, ChevronRight, Download, FilePlus2, Printer, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LogLine } from '../../../shared/contract/occurrence';
import { flushSync } from 'react-dom';
import { addDays, formatDateGB, formatInstantGB, isRepeatedTime, londonToday, type LondonZone } from '../../../shared/domain/dates';
import { incidentDraftFromLogEntry, LOG_KIND_LABEL, logClock, logStampAt } from '../../../shared/domain/incidents';
import { LOG_KINDS, type LogEntry } from '../../../shared/schemas/occurrence';
import { Banner } from '../../components/Banner';
import { clearSent } from '../../components/clearSent';
import { fieldErrors } from '../../components/errors';
import { GbInput } from '../../components/GbInput';
import { RepeatedHourChoice } from '../../components/RepeatedHourChoice';
import { useStore, useStoreFields } from '../../store/appStore';
import './log.css';
import { SiteOptions } from '../../components/SiteOptions';
import { Select } from '../../components/Select';
import { LogTextInput } from './LogTextInput';

type Kind = LogEntry['kind'];

/** The entry line: type, Enter. Time is now unless set; Alt+1…6 picks the kind without leaving the text. */
const EntryForm = ({
  site,
  date,
  correcting,
  onDoneCorrecting,
}: {
  site: string;
  date: string;
  correcting: LogLine | null;
  onDoneCorrecting: () => void;
}) => {
  const addLogEntry = useStore((s) => s.addLogEntry);
  const [kind, setKind] = useState<Kind>(correcting?.entry.kind ?? 'patrol');
  // The typed time and, on the night the clocks go back, which of the two a time in 01:00–01:59 is (asked only then).
  const [{ time, zone }, setWhen] = useState<{ time: string; zone: LondonZone }>({ time: '', zone: 'BST' });
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const textRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = { text, time };
    // A blank time is the moment of writing, on the day it is written (the page shown may be another day, or have been
    // opened before midnight), and in the second pass of the hour the clocks go back says so by itself. A typed time is
    // on the day shown, and the second pass only when the person said so.
    const when = time ? { date, time, ...(zone === 'GMT' && isRepeatedTime(date, time) ? { zone } : {}) } : logStampAt(Date.now());
    const failure = await addLogEntry({
      site,
      ...when,
      kind,
      text,
      corrects: correcting?.entry.id ?? null,
    });
    setErrors(fieldErrors(failure));
    if (!failure) {
      setText(clearSent(sent.text));
      // The time box emptied, and with it the choice of which 01:30; a time typed since is kept with its choice.
      setWhen((w) => (clearSent(sent.time)(w.time) === '' ? { time: '', zone: 'BST' } : w));
      onDoneCorrecting();
      textRef.current?.focus();
    }
  };
  return (
    <form
      className="log-entry-form card no-print"
      onSubmit={submit}
      noValidate
      aria-label={correcting ? 'Write a correction' : 'New log entry'}
      onKeyDown={(e) => {
        if (e.altKey && /^[1-6]$/.test(e.key)) {
          e.preventDefault();
          setKind(LOG_KINDS[Number(e.key) - 1]);
        }
        if (e.key === 'Escape' && correcting) onDoneCorrecting();
      }}
    >
      {correcting && (
        <p className="correcting" role="status">
          Correcting the {logClock(correcting.entry)} entry: “{correcting.entry.text}”. Both will stay in the log. Esc cancels.
        </p>
      )}
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <div className="log-entry-row">
        <Select
          label="Kind"
          options={LOG_KINDS.map((k, n) => [k, `${LOG_KIND_LABEL[k]} (Alt+${n + 1})`] as const)}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        />
        <div className="field">
          <label htmlFor="log-time">Time</label>
          <GbInput
            id="log-time"
            kind="time"
            placeholder="now"
            value={time}
            onChange={(e) => setWhen({ time: e.target.value, zone })}
            aria-describedby="log-time-hint"
          />
        </div>
        <div className="field grow">
          <label htmlFor="log-text">{correcting ? 'Correction' : 'Entry'}</label>
          <LogTextInput
            id="log-text"
            inputRef={textRef}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
            invalid={Boolean(errors.text)}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {correcting ? 'Add correction' : 'Add'}
        </button>
      </div>
      {/* Under the entry line, not in it: the line stays one row, and the question reads as being about the time. */}
      {time && <RepeatedHourChoice label="Time" date={date} time={time} value={zone} onChange={(z) => setWhen({ time, zone: z })} />}
      <p id="log-time-hint" className="field-hint">
        Leave the time empty for now. Alt+1 to Alt+6 choose the kind.
      </p>
    </form>
  );
};

const Lines = ({ lines, onCorrect }: { lines: LogLine[]; onCorrect: (l: LogLine) => void }) => {
  const { auth, startNewIncident } = useStoreFields('auth', 'startNewIncident');
  // Numbers are each entry's own (the order written in its day); a correction from another day says which.
  const day = lines[0]?.entry.date;
  const label = new Map(
    lines.map((l) => [l.entry.id, l.entry.date === day ? String(l.number) : `${l.number} of ${formatDateGB(l.entry.date)}`]),
  );
  const num = { get: (id: string) => label.get(id) };
  return (
    <table className="table log-table">
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">Time</th>
          <th scope="col">Kind</th>
          <th scope="col">Entry</th>
          <th scope="col">Written by</th>
          <th scope="col" className="no-print">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.entry.id} className={l.superseded ? 'superseded' : l.entry.corrects ? 'correction' : ''}>
            <td>{num.get(l.entry.id)}</td>
            <td>
              {logClock(l.entry)}
              {l.entry.date !== lines[0]?.entry.date && <span className="small muted"> ({formatDateGB(l.entry.date)})</span>}
              {l.backDated && (
                <span className="backdated">
                  {' '}
                  <strong>Back-dated:</strong> occurred {formatDateGB(l.entry.date)} {logClock(l.entry)}, written{' '}
                  {formatInstantGB(l.entry.createdAt)}
                </span>
              )}
            </td>
            <td>{LOG_KIND_LABEL[l.entry.kind]}</td>
            <td>
              <span className="log-text">{l.entry.text}</span>
              {l.superseded && <span className="note"> Corrected by entry {l.correctedBy.map((id) => num.get(id)).join(', ')}.</span>}
              {l.entry.corrects && <span className="note"> Corrects entry {num.get(l.entry.corrects) ?? 'from an earlier day'}.</span>}
            </td>
            <td>{l.author}</td>
            <td className="no-print row-actions">
              <button className="btn btn-quiet" onClick={() => onCorrect(l)} aria-label={`Correct entry ${num.get(l.entry.id)}`}>
                <Undo2 aria-hidden size={15} /> Correct
              </button>
              <button
                className="btn btn-quiet"
                aria-label={`Make entry ${num.get(l.entry.id)} an incident`}
                onClick={() =>
                  startNewIncident(incidentDraftFromLogEntry(l.entry, { reportedBy: l.author, reportedTo: auth?.user?.displayName ?? '' }))
                }
              >
                <FilePlus2 aria-hidden size={15} /> Incident
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The occurrence log of one site and day: fast keyboard entry, corrections in the open, print and CSV. */
export const LogView = () => {
  const { sites, loadSites, logDay, logLines, showLogDay, exportLogCsv, auth } = useStoreFields(
    'sites',
    'loadSites',
    'logDay',
    'logLines',
    'showLogDay',
    'exportLogCsv',
    'auth',
  );
  const [correcting, setCorrecting] = useState<LogLine | null>(null);
  // Stamped as printing starts (from the button or the browser's own Print), so the page says when.
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(Date.now()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const siteList = sites.status === 'ready' ? sites.data : [];
  useEffect(() => {
    void loadSites();
  }, [loadSites]);
  useEffect(() => {
    if (!logDay && sites.status === 'ready' && sites.data.length) void showLogDay(sites.data[0].code, londonToday(Date.now()));
  }, [logDay, sites, showLogDay]);
  const site = siteList.find((s) => s.code === logDay?.site);
  return (
    <section aria-labelledby="log-title" className="log-view">
      <header className="page-head">
        <h1 id="log-title">Occurrence log</h1>
        {logDay && (
          <p className="print-only">
            {site ? `${site.code} · ${site.name}` : logDay.site} — {formatDateGB(logDay.date)}
            <br />
            Printed by {auth?.user?.displayName ?? 'unknown'} at {formatInstantGB(new Date(printedAt).toISOString())} (UK time). Entries are
            numbered in the order they were written.
          </p>
        )}
        <div className="head-actions no-print">
          <button
            className="btn"
            onClick={() => {
              flushSync(() => setPrintedAt(Date.now()));
              window.print();
            }}
          >
            <Printer aria-hidden size={16} /> Print day
          </button>
          <button className="btn" onClick={async () => setError((await exportLogCsv())?.message ?? null)}>
            <Download aria-hidden size={16} /> Export CSV
          </button>
        </div>
      </header>
      {logDay && (
        <div className="log-day-bar no-print">
          <div className="field">
            <label htmlFor="log-site">Site</label>
            <select id="log-site" value={logDay.site} onChange={(e) => void showLogDay(e.target.value, logDay.date)}>
              <SiteOptions sites={siteList} />
            </select>
          </div>
          <button className="btn" aria-label="Previous day" onClick={() => void showLogDay(logDay.site, addDays(logDay.date, -1))}>
            <ChevronLeft aria-hidden size={16} />
          </button>
          <div className="field">
            <label htmlFor="log-date">Day</label>
            <GbInput
              id="log-date"
              kind="date"
              value={logDay.date}
              onChange={(e) => e.target.value && void showLogDay(logDay.site, e.target.value)}
            />
          </div>
          <button className="btn" aria-label="Next day" onClick={() => void showLogDay(logDay.site, addDays(logDay.date, 1))}>
            <ChevronRight aria-hidden size={16} />
          </button>
          <button className="btn btn-quiet" onClick={() => void showLogDay(logDay.site, londonToday(Date.now()))}>
            Today
          </button>
        </div>
      )}
      {error && <Banner tone="error">{error}</Banner>}
      {logDay && (
        <EntryForm
          key={correcting?.entry.id ?? 'new'}
          site={logDay.site}
          date={logDay.date}
          correcting={correcting}
          onDoneCorrecting={() => setCorrecting(null)}
        />
      )}
      {logLines.status === 'error' && <Banner tone="error">{logLines.message}</Banner>}
      {logLines.status === 'ready' && logLines.data.length === 0 && (
        <p className="empty">Nothing logged for this day yet. Type an entry above and press Enter.</p>
      )}
      {logLines.status === 'ready' && logLines.data.length > 0 && <Lines lines={logLines.data} onCorrect={setCorrecting} />}
    </section>
  );
};

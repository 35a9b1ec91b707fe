import { useRef, useState, type FormEvent } from 'react';
import { LOG_KIND_LABEL, logClock, logNumbers, logStampAt } from '../../../shared/domain/incidents';
import { LOG_KINDS, type LogEntry } from '../../../shared/schemas/occurrence';
import { Banner } from '../../components/Banner';
import { clearSent } from '../../components/clearSent';
import { fieldErrors } from '../../components/errors';
import { useStore } from '../../store/appStore';
import { Select } from '../../components/Select';
import { LogTextInput } from '../occurrence/LogTextInput';

/** Today's occurrence log at the desk: type an entry and press Enter, timed now, as on the log screen. */
export const TodayLogPanel = ({ entries, site, onAdded }: { entries: LogEntry[]; site: string; onAdded: () => void }) => {
  const addLogEntry = useStore((s) => s.addLogEntry);
  const [kind, setKind] = useState<LogEntry['kind']>('patrol');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const textRef = useRef<HTMLInputElement>(null);
  const numbers = logNumbers(entries);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = text;
    // Dated when written, not by the board, which can still show yesterday for a moment after midnight; in the second
    // pass of the hour the clocks go back, the entry says so by itself.
    const failure = await addLogEntry({ site, ...logStampAt(Date.now()), kind, text, corrects: null });
    setErrors(fieldErrors(failure));
    if (!failure) {
      setText(clearSent(sent));
      onAdded();
      textRef.current?.focus();
    }
  };

  return (
    <section className="card" aria-labelledby="today-log-title">
      <h2 id="today-log-title">Occurrence log today</h2>
      <form className="today-log-form" onSubmit={submit} noValidate aria-label="Quick log entry">
        {errors._ && !errors.text && <Banner tone="error">{errors._}</Banner>}
        <Select
          label="Kind"
          options={LOG_KINDS.map((k) => [k, LOG_KIND_LABEL[k]] as const)}
          value={kind}
          onChange={(e) => setKind(e.target.value as LogEntry['kind'])}
        />
        <div className="field grow">
          <label htmlFor="today-log-text">Log entry</label>
          <LogTextInput
            id="today-log-text"
            inputRef={textRef}
            value={text}
            onChange={(e) => setText(e.target.value)}
            invalid={Boolean(errors.text)}
            aria-describedby={errors.text ? 'today-log-error' : undefined}
          />
          {errors.text && (
            <p id="today-log-error" className="field-error" role="alert">
              {errors.text}
            </p>
          )}
        </div>
        <button type="submit" className="btn">
          Add
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="muted">No entries yet today.</p>
      ) : (
        <ol className="log-list" aria-label="Today's log entries">
          {[...entries].reverse().map((e) => (
            // Newest first, each numbered as on the log screen and the printed day, so "entry 3" means one entry.
            <li key={e.id} value={numbers.get(e.id)} className={e.corrects ? 'log-correction' : undefined}>
              <span className="log-time">{logClock(e)}</span> <span className="tag">{LOG_KIND_LABEL[e.kind]}</span>{' '}
              {e.corrects && <span className="muted small">(correction) </span>}
              {e.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

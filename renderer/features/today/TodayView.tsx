import { useEffect, useState } from 'react';
import type { TodayRow, TodayService } from '../../../shared/contract/today';
import { formatDateGB } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { useNow } from '../../components/useNow';
import { useStore } from '../../store/appStore';
import { useShallow } from 'zustand/react/shallow';
import { CorrectDialog } from './CorrectDialog';
import { CoverDialog } from './CoverDialog';
import { clockOf, SERVICE_LABEL } from './labels';
import { PersonRow } from './PersonRow';
import { TodayLogPanel } from './TodayLogPanel';
import { TodayIncidents } from './TodayIncidents';

const ACTION_DONE = { 'today:sign-in': 'signed in', 'today:sign-out': 'signed out', 'today:mark-no-show': 'marked as a no-show' } as const;

/** The supervisor's home screen: the day at their site, refreshed by itself as time passes. */
export const TodayView = () => {
  const { today, loadToday, deskAction } = useStore(useShallow((s) => ({ today: s.today, loadToday: s.loadToday, deskAction: s.deskAction })));
  const now = useNow(30_000);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [cover, setCover] = useState<{ shiftId: string; title: string } | null>(null);
  const [correcting, setCorrecting] = useState<TodayRow | null>(null);

  useEffect(() => {
    void loadToday();
  }, [loadToday, now]);

  const act = async (action: keyof typeof ACTION_DONE, row: TodayRow) => {
    setBusy(true);
    const failure = await deskAction(action, row.shiftId);
    setBusy(false);
    setSaid(failure ? { tone: 'error', text: failure.message } : { tone: 'ok', text: `${row.name} ${ACTION_DONE[action]}.` });
  };

  if (today.status === 'error') return <Banner tone="error">{today.message}</Banner>;
  if (today.status !== 'ready') return <p className="muted">Loading today…</p>;
  const b = today.data;

  const group = (s: TodayService, key: 'now' | 'next' | 'earlier', label: string) =>
    s[key].length > 0 && (
      <div className="group">
        <h3>{label}</h3>
        <ul className="people">
          {s[key].map((row) => (
            <PersonRow key={`${row.shiftId}-${row.staffId}`} row={row} busy={busy} onAction={(a, r) => void act(a, r)} onCorrect={setCorrecting} onCover={(shiftId) => setCover({ shiftId, title: `${SERVICE_LABEL[row.service]} ${row.start}–${row.end} (${row.name})` })} />
          ))}
        </ul>
      </div>
    );

  return (
    <section aria-labelledby="today-title" className="today">
      <header className="page-head today-head">
        <h1 id="today-title">Today at {b.site.name}</h1>
        <p className="today-clock">
          {formatDateGB(b.today)} · <span aria-label={`Time now ${clockOf(b.now)}`}>{clockOf(b.now)}</span>
        </p>
        {b.sites.length > 1 && (
          <div className="field inline-field">
            <label htmlFor="today-site">Site</label>
            <select id="today-site" value={b.site.code} onChange={(e) => void loadToday(e.target.value)}>
              {b.sites.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} · {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      <div aria-live="polite">{said && <Banner tone={said.tone}>{said.text}</Banner>}</div>

      <div className="today-grid">
        {b.services.map((s) => (
          <section key={s.service} className="card service-card" aria-labelledby={`svc-${s.service}`}>
            <h2 id={`svc-${s.service}`} className={`service-title tag-${s.service}`}>
              {SERVICE_LABEL[s.service]}
            </h2>
            {s.now.length + s.next.length + s.earlier.length + s.open.length === 0 && <p className="muted">Nobody on the rota today.</p>}
            {group(s, 'now', 'On now')}
            {group(s, 'next', 'Due next')}
            {s.open.length > 0 && (
              <div className="group">
                <h3>Open shifts</h3>
                <ul className="people">
                  {s.open.map((o) => (
                    <li key={o.shiftId} className="person person-open" aria-label={`Open shift ${o.start} to ${o.end}`}>
                      <div className="person-main">
                        <span className="person-name">Nobody assigned</span>
                        <span className="person-times">
                          {o.start}–{o.end}
                        </span>
                      </div>
                      <span className="status status-bad">⚠ Open shift</span>
                      <div className="person-actions">
                        <button className="btn btn-warn" onClick={() => setCover({ shiftId: o.shiftId, title: `${SERVICE_LABEL[o.service]} ${o.start}–${o.end}` })}>
                          Find cover<span className="visually-hidden"> for {SERVICE_LABEL[o.service]} {o.start}–{o.end}</span>
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {group(s, 'earlier', 'Earlier today')}
          </section>
        ))}
      </div>

      <div className="today-grid">
        <section className="card" aria-labelledby="gaps-title">
          <h2 id="gaps-title">Gaps in cover today</h2>
          {b.gaps.length === 0 ? (
            <p className="muted">✓ No gaps: the rest of today is covered.</p>
          ) : (
            <ul className="gap-list">
              {b.gaps.map((g) => (
                <li key={`${g.service}-${g.date}-${g.start}`}>
                  <strong>{SERVICE_LABEL[g.service]}</strong> {g.start}–{g.end}
                  {g.endDate !== g.date ? ' (next day)' : ''}: {g.present} of {g.required} people
                </li>
              ))}
            </ul>
          )}
          <p className="small muted">No-shows count as gaps. Use Find cover on a no-show or an open shift.</p>
        </section>
        <TodayIncidents incidents={b.incidents} followUps={b.followUps} />
        <TodayLogPanel entries={b.log} />
      </div>

      {cover && (
        <CoverDialog
          shiftId={cover.shiftId}
          title={cover.title}
          onClose={() => setCover(null)}
          onAssigned={(name) => {
            setCover(null);
            setSaid({ tone: 'ok', text: `${name} is now covering ${cover.title}.` });
          }}
        />
      )}
      {correcting && (
        <CorrectDialog
          row={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setSaid({ tone: 'ok', text: `${correcting.name}’s record corrected.` });
            setCorrecting(null);
          }}
        />
      )}
    </section>
  );
};

import { useEffect, useState } from 'react';
import type { TodayRow } from '../../../shared/contract/today';
import { formatClockGB, formatDateGB, formatMinutes, londonInstant } from '../../../shared/domain/dates';
import type { Gap } from '../../../shared/domain/rota/types';
import { Banner } from '../../components/Banner';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNow } from '../../components/useNow';
import { useStore, useStoreFields } from '../../store/appStore';
import { CorrectDialog } from './CorrectDialog';
import { CoverDialog } from './CoverDialog';
import { deskSections, DUE_NEXT_HOURS, type ActionItem } from './deskSections';
import { gapText, gapTimes, SERVICE_LABEL } from './labels';
import { PersonRow } from './PersonRow';
import { TodayIncidents } from './TodayIncidents';
import { TodayLogPanel } from './TodayLogPanel';
import { SiteOptions } from '../../components/SiteOptions';

const ACTION_DONE = { 'today:sign-in': 'signed in', 'today:sign-out': 'signed out', 'today:mark-no-show': 'marked as a no-show' } as const;

/**
 * The supervisor's home screen, in the order the desk works: what needs doing now, who is on, who is
 * due in the next few hours, then the rest of the day folded away. It refreshes itself as time passes.
 */
export const TodayView = () => {
  const { today, loadToday, deskAction, go, loadWeek } = useStoreFields('today', 'loadToday', 'deskAction', 'go', 'loadWeek');
  const now = useNow(30_000);
  // Changes that sync brings in (a week published on a manager's laptop) show without waiting for the next minute.
  const synced = useStore((s) => s.syncStatus?.done ?? 0);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [cover, setCover] = useState<{ shiftId: string; title: string } | null>(null);
  const [correcting, setCorrecting] = useState<TodayRow | null>(null);
  const [early, setEarly] = useState<TodayRow | null>(null);

  useEffect(() => {
    void loadToday();
  }, [loadToday, now, synced]);

  const act = async (action: keyof typeof ACTION_DONE, row: TodayRow) => {
    setBusy(true);
    const failure = await deskAction(action, row.shiftId);
    setBusy(false);
    setSaid(failure ? { tone: 'error', text: failure.message } : { tone: 'ok', text: `${row.name} ${ACTION_DONE[action]}.` });
  };

  // No site yet is where a new desk starts, not a fault: its sites arrive with its first sync.
  if (today.status === 'error' && today.code === 'not_found')
    return (
      <Banner tone="info">
        {today.message} This desk’s sites arrive with its first sync from the hub, or in a rota pack; a manager adds them under Sites.
      </Banner>
    );
  if (today.status === 'error') return <Banner tone="error">{today.message}</Banner>;
  if (today.status !== 'ready') return <p className="muted">Loading today…</p>;
  const b = today.data;
  const clock = formatClockGB(Date.parse(b.now));
  const sections = deskSections(b);
  const coverFor = (row: TodayRow) =>
    setCover({ shiftId: row.shiftId, title: `${SERVICE_LABEL[row.service]} ${row.start}–${row.end} (${row.name})` });
  const rowProps = {
    now: Date.parse(b.now),
    busy,
    onAction: (a: keyof typeof ACTION_DONE, r: TodayRow) => void act(a, r),
    onEarly: setEarly,
    onCorrect: setCorrecting,
  };
  const person = (row: TodayRow, showService = false) => (
    <PersonRow key={`${row.shiftId}-${row.staffId}`} row={row} showService={showService} {...rowProps} onCover={() => coverFor(row)} />
  );
  const toPlanner = (g: Gap) => {
    void loadWeek(g.date, b.site.code);
    go('rota');
  };

  const actionItem = (a: ActionItem) => {
    if (a.kind === 'person') return person(a.row, true);
    if (a.kind === 'open') {
      const o = a.open;
      return (
        <li key={o.shiftId} className="person person-open" aria-label={`Open ${SERVICE_LABEL[o.service]} shift ${o.start} to ${o.end}`}>
          <div className="person-main">
            <span className="person-name">Nobody assigned</span>
            <span className="person-times">
              <span className={`tag tag-${o.service}`}>{SERVICE_LABEL[o.service]}</span> {o.start}–{o.end}
            </span>
          </div>
          <span className="status status-bad">⚠ Open shift</span>
          <div className="person-actions">
            <button
              className="btn btn-warn btn-big"
              disabled={busy}
              onClick={() => setCover({ shiftId: o.shiftId, title: `${SERVICE_LABEL[o.service]} ${o.start}–${o.end}` })}
            >
              Find cover
              <span className="visually-hidden">
                {' '}
                for {SERVICE_LABEL[o.service]} {o.start}–{o.end}
              </span>
            </button>
          </div>
        </li>
      );
    }
    const g = a.gap;
    const at = gapTimes(g);
    return (
      <li
        key={`gap-${g.service}-${g.date}-${g.start}`}
        className="person person-open"
        aria-label={`Gap in ${SERVICE_LABEL[g.service]} cover ${at.start} to ${at.end}`}
      >
        <div className="person-main">
          <span className="person-name">Gap in cover</span>
          <span className="person-times">
            <span className={`tag tag-${g.service}`}>{SERVICE_LABEL[g.service]}</span> {gapText(g)}
          </span>
        </div>
        <span className="status status-bad">⚠ No shift to fill</span>
        <div className="person-actions">
          <button className="btn btn-warn" onClick={() => toPlanner(g)}>
            Add a shift in the planner
            <span className="visually-hidden">
              {' '}
              for {SERVICE_LABEL[g.service]} {at.start}–{at.end}
            </span>
          </button>
        </div>
      </li>
    );
  };

  const laterCount =
    sections.later.upcoming.length + sections.later.earlier.length + sections.later.open.length + sections.later.gaps.length;
  return (
    <section aria-labelledby="today-title" className="today">
      <header className="page-head today-head">
        <h1 id="today-title">Today at {b.site.name}</h1>
        <p className="today-clock">
          {/* `01:30 BST`, then `01:30 GMT`, on the night the clocks go back. */}
          {formatDateGB(b.today)} · <span aria-label={`Time now ${clock}`}>{clock}</span>
        </p>
        {b.sites.length > 1 && (
          <div className="field inline-field">
            <label htmlFor="today-site">Site</label>
            <select id="today-site" value={b.site.code} onChange={(e) => void loadToday(e.target.value)}>
              <SiteOptions sites={b.sites} />
            </select>
          </div>
        )}
      </header>
      <div aria-live="polite">{said && <Banner tone={said.tone}>{said.text}</Banner>}</div>

      <section className={`card action-card${sections.action.length ? ' has-action' : ''}`} aria-labelledby="action-title">
        <h2 id="action-title">Needs action now {sections.action.length > 0 && `(${sections.action.length})`}</h2>
        {sections.action.length === 0 ? (
          <p className="muted">✓ Nothing needs doing now: nobody late or missing, and no gaps in the next {DUE_NEXT_HOURS} hours.</p>
        ) : (
          <ul className="people people-compact">{sections.action.map(actionItem)}</ul>
        )}
      </section>

      <div className="today-grid services-grid">
        {b.services.map((s) => {
          const on = sections.onNow.find((x) => x.service === s.service)?.rows ?? [];
          const next = sections.dueNext.find((x) => x.service === s.service)?.rows ?? [];
          return (
            <section key={s.service} className="card service-card" aria-labelledby={`svc-${s.service}`}>
              <h2 id={`svc-${s.service}`} className={`service-title tag-${s.service}`}>
                {SERVICE_LABEL[s.service]}
              </h2>
              <h3>On now</h3>
              {on.length === 0 ? (
                <p className="muted small">Nobody on now.</p>
              ) : (
                <ul className="people people-compact">{on.map((r) => person(r))}</ul>
              )}
              <h3>Due next ({DUE_NEXT_HOURS} h)</h3>
              {next.length === 0 ? (
                <p className="muted small">Nobody due in the next {DUE_NEXT_HOURS} hours.</p>
              ) : (
                <ul className="people people-compact">{next.map((r) => person(r))}</ul>
              )}
            </section>
          );
        })}
      </div>

      <details className="card later-card">
        <summary>
          <h2 className="summary-title">Later and earlier today ({laterCount})</h2>
        </summary>
        {sections.later.upcoming.length > 0 && (
          <>
            <h3>Later today</h3>
            <ul className="people people-compact">{sections.later.upcoming.map((r) => person(r, true))}</ul>
          </>
        )}
        {(sections.later.open.length > 0 || sections.later.gaps.length > 0) && (
          <>
            <h3>Open shifts and gaps later</h3>
            <ul className="people people-compact">
              {sections.later.open.map((o) => actionItem({ kind: 'open', open: o, at: 0 }))}
              {sections.later.gaps.map((g) => actionItem({ kind: 'gap', gap: g, at: 0 }))}
            </ul>
          </>
        )}
        {sections.later.earlier.length > 0 && (
          <>
            <h3>Earlier today</h3>
            <ul className="people people-compact">{sections.later.earlier.map((r) => person(r, true))}</ul>
          </>
        )}
        {laterCount === 0 && <p className="muted">Nothing else today.</p>}
      </details>

      <div className="today-grid">
        <TodayLogPanel entries={b.log} site={b.site.code} onAdded={() => void loadToday()} />
        <TodayIncidents incidents={b.incidents} followUps={b.followUps} />
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
      <ConfirmDialog
        open={early !== null}
        onOpenChange={(o) => !o && setEarly(null)}
        title={early ? `Sign in ${early.name} early?` : ''}
        confirm="Sign in now"
        onConfirm={() => {
          if (early) void act('today:sign-in', early);
          setEarly(null);
        }}
      >
        {early &&
          `${early.name} is not due until ${early.start} (${SERVICE_LABEL[early.service]} ${early.start}–${early.end}), ${formatMinutes(Math.max(0, Math.round((londonInstant(early.date, early.start) - Date.parse(b.now)) / 60_000)))} from now. Check it is the right person before signing them in.`}
      </ConfirmDialog>
    </section>
  );
};

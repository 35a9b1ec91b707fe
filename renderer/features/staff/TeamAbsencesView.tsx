import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatDateGB, londonToday, monthOf, weekdayOf } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { useNow } from '../../components/useNow';
import { useStoreFields } from '../../store/appStore';
import type { AbsenceMark } from '../../../shared/domain/directory';
import { LEAVE_STATUS } from '../leave/LeaveStatusTag';
import { AbsenceLegend } from './AbsenceLegend';
import { monthTitle, shiftMonth } from './AbsencesPanel';
import { ABSENCE_LABEL, ABSENCE_MARK } from './absenceKinds';
import './staff.css';
import { SiteOptions } from '../../components/SiteOptions';

/** One day's absence in the team calendar: kind by letters, status by icon and words, both by colour too. */
const CalendarMark = ({ person, date, mark }: { person: string; date: string; mark: AbsenceMark }) => {
  const status = LEAVE_STATUS[mark.status];
  const Icon = status.mark;
  const what = `${ABSENCE_LABEL[mark.kind]}${mark.partDay ? ` ${mark.partDay.start}–${mark.partDay.end}` : ''}, ${status.label.toLowerCase()}`;
  return (
    <span
      className={`swatch abs-${mark.kind}${mark.status === 'requested' ? ' abs-pending' : ''}${mark.status === 'refused' ? ' abs-refused' : ''}`}
      title={`${person}, ${formatDateGB(date)}: ${what}`}
    >
      {ABSENCE_MARK[mark.kind]}
      {(mark.kind === 'annual-leave' || mark.status !== 'approved') && <Icon aria-hidden size={11} strokeWidth={3} />}
      <span className="visually-hidden">{` ${what}`}</span>
    </span>
  );
};

/** A site team's month: who is off on which day, by kind, so leave can be planned around cover. */
export const TeamAbsencesView = () => {
  const { sites, loadSites, teamAbsences, loadTeamAbsences, go } = useStoreFields(
    'sites',
    'loadSites',
    'teamAbsences',
    'loadTeamAbsences',
    'go',
  );
  const today = londonToday(useNow());
  const [month, setMonth] = useState(monthOf(today));
  const [site, setSite] = useState('');
  const siteList = sites.status === 'ready' ? sites.data : [];
  const chosen = site || siteList[0]?.code || '';
  useEffect(() => {
    void loadSites();
  }, [loadSites]);
  useEffect(() => {
    if (chosen) void loadTeamAbsences(chosen, month);
  }, [chosen, month, loadTeamAbsences]);

  const cal = teamAbsences.status === 'ready' ? teamAbsences.data : null;
  return (
    <section aria-labelledby="team-title">
      <header className="page-head">
        <h1 id="team-title">Team absences</h1>
      </header>
      <div className="filters">
        <div className="field">
          <label htmlFor="team-site">Site (home site of the team)</label>
          <select id="team-site" value={chosen} onChange={(e) => setSite(e.target.value)}>
            <SiteOptions sites={siteList} />
          </select>
        </div>
        <div className="actions-row">
          <button className="btn" aria-label="Previous month" onClick={() => setMonth(shiftMonth(month, -1))}>
            <ChevronLeft aria-hidden size={16} />
          </button>
          <strong aria-live="polite" style={{ minWidth: 140, textAlign: 'center' }}>
            {monthTitle(month)}
          </strong>
          <button className="btn" aria-label="Next month" onClick={() => setMonth(shiftMonth(month, 1))}>
            <ChevronRight aria-hidden size={16} />
          </button>
          {month !== monthOf(today) && (
            <button className="btn btn-quiet" onClick={() => setMonth(monthOf(today))}>
              This month
            </button>
          )}
        </div>
      </div>
      {teamAbsences.status === 'error' && <Banner tone="error">{teamAbsences.message}</Banner>}
      {cal && cal.month === month && cal.rows.length === 0 && <p className="empty">Nobody has {chosen} as their home site.</p>}
      {cal && cal.rows.length > 0 && (
        <>
          <div className="team-wrap">
            <table className="team">
              <caption className="visually-hidden">
                Absences at {chosen} in {monthTitle(cal.month)}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="who">
                    Person
                  </th>
                  {cal.dates.map((d) => (
                    <th
                      key={d}
                      scope="col"
                      className={['sat', 'sun'].includes(weekdayOf(d)) ? 'weekend' : undefined}
                      abbr={formatDateGB(d)}
                    >
                      {Number(d.slice(8))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cal.rows.map((r) => (
                  <tr key={r.staffId}>
                    <th scope="row" className="who">
                      <button className="link-button" onClick={() => go('staff', r.staffId)}>
                        {r.name}
                      </button>
                    </th>
                    {r.days.map((marks, i) => {
                      const m = marks[0];
                      const weekend = ['sat', 'sun'].includes(weekdayOf(cal.dates[i]));
                      return (
                        <td key={cal.dates[i]} className={weekend ? 'weekend' : undefined}>
                          {m && <CalendarMark person={r.name} date={cal.dates[i]} mark={m} />}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <AbsenceLegend />
        </>
      )}
    </section>
  );
};

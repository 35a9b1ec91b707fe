import { AlertTriangle, UserX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { lateArrivals, lateBy, noShows, notInYet, notInYetBy } from '../../../shared/domain/attendance/lateness';
import type { PersonWeekSummary } from '../../../shared/contract/attendance';
import type { CorrectionWords, TimesheetRow } from '../../../shared/domain/attendance/timesheet';
import { addDays, formatClockGB, formatDayShort, formatMinutes, londonToday, weekStart } from '../../../shared/domain/dates';
import { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';
import { Banner } from '../../components/Banner';
import { download as save } from '../../components/download';
import { useNow } from '../../components/useNow';
import { useStoreFields } from '../../store/appStore';
import type { Range } from './attendanceSlice';
import { RangeFilter } from './RangeFilter';
import { TableHead } from '../../components/TableHead';

const money = (n: number) => `£${n.toFixed(2)}`;
const h = (m: number) => (m / 60).toFixed(2);

/**
 * How someone came to a shift, in the desk's words: late by how long (an icon beside the words), not in yet
 * though the shift has started, on time, or not in.
 */
const Arrival = ({ row }: { row: TimesheetRow }) =>
  row.lateMinutes > 0 ? (
    <span className="status status-warn">
      <AlertTriangle aria-hidden size={14} />
      {row.signedInAt ? lateBy(row.lateMinutes) : notInYetBy(row.lateMinutes)}
    </span>
  ) : row.signedInAt ? (
    'On time'
  ) : (
    '—'
  );

/**
 * A shift's paid hours. For one still under way (signed in, not out, before its end: basis `so-far`) they are the hours
 * so far and still growing, and the cell says so in words beside the number, set smaller so the column stays narrow.
 */
const PaidHours = ({ row }: { row: TimesheetRow }) =>
  row.paidBasis === 'so-far' ? (
    <span className="paid-so-far" title="Still signed in: the hours so far, growing until they sign out">
      {h(row.paidMinutes)} <span className="so-far">so far</span>
    </span>
  ) : (
    h(row.paidMinutes)
  );

/**
 * A person's paid hours in the range. When they take in the hours so far of a shift still under way, a short mark says
 * the total is still growing ("3.17+", with the words for a screen reader and in its title): the words themselves, as in
 * the Shifts table, made the People table wider than the window at 1360 px.
 */
const PersonPaidHours = ({ person }: { person: PersonWeekSummary }) =>
  person.soFar > 0 ? (
    <span
      className="paid-so-far"
      title={`Includes the hours so far of ${person.soFar === 1 ? 'a shift' : `${person.soFar} shifts`} still under way, growing until they sign out`}
    >
      {h(person.paidMinutes)}
      <span className="so-far-mark" aria-hidden="true">
        +
      </span>
      <span className="visually-hidden"> including hours so far</span>
    </span>
  ) : (
    h(person.paidMinutes)
  );

/** A correction's value, each piece whole (`01:30 GMT`, `on Sun 25 Oct`), wrapping only between them. */
const Pieces = ({ words }: { words: string[] }) =>
  words.map((w, i) => (
    <span key={i}>
      {i > 0 && ' '}
      <span className="nowrap">{w}</span>
    </span>
  ));

/** A correction in the payroll CSV's words (correctionText), on a line of its own in the narrow Corrections column. */
const Correction = ({ c }: { c: CorrectionWords }) => (
  <div>
    <span className="nowrap">{c.field}</span> <Pieces words={c.before} /> → <Pieces words={c.after} /> ({c.reason})
  </div>
);

/**
 * A person's late arrivals in the range and, apart from them, shifts under way they are not in for yet, in
 * words, with the same icon as a late shift.
 */
const Lateness = ({ person }: { person: PersonWeekSummary }) => {
  if (person.late === 0 && person.notIn === 0) return lateArrivals(0, 0);
  const arrivals = person.late > 0 ? lateArrivals(person.late, person.lateMinutes) : '';
  const missing = notInYet(person.notIn, person.notInMinutes);
  const [first, second] = [arrivals, missing].filter(Boolean);
  // Each part stays whole ("1 h 35 min" never split over two lines); a long pair wraps between them.
  return (
    <span className="status status-warn">
      <AlertTriangle aria-hidden size={14} />
      <span>
        <span className="nowrap">
          {first.charAt(0).toUpperCase() + first.slice(1)}
          {second && ';'}
        </span>
        {second && (
          <>
            {' '}
            <span className="nowrap">{second}</span>
          </>
        )}
      </span>
    </span>
  );
};

/** A person's no-shows in the range, in words, with an icon beside them when there are any. */
const NoShows = ({ person }: { person: PersonWeekSummary }) =>
  person.noShows > 0 ? (
    <span className="status status-bad status-short">
      <UserX aria-hidden size={14} />
      {noShows(person.noShows)}
    </span>
  ) : (
    noShows(0)
  );

/** The manager's attendance: scheduled against actual per person for a week, the payroll CSV and the working-time record. */
export const AttendanceView = () => {
  const { attendance, loadAttendance, timesheetCsv, workingTime, loadWorkingTime } = useStoreFields(
    'attendance',
    'loadAttendance',
    'timesheetCsv',
    'workingTime',
    'loadWorkingTime',
  );
  const monday = weekStart(londonToday(useNow(60_000)));
  const [range, setRange] = useState<Range>({ from: monday, to: addDays(monday, 6), site: null });
  const [wtRange, setWtRange] = useState<Range>({ from: addDays(monday, -28), to: addDays(monday, -1), site: null });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadAttendance(range);
  }, [loadAttendance, range]);

  const download = async () => {
    const r = await timesheetCsv(range);
    if (r.ok) save(r.data);
    setError(r.ok ? null : r.message);
  };
  const shiftWeek = (n: number) => setRange({ ...range, from: addDays(range.from, 7 * n), to: addDays(range.to, 7 * n) });

  return (
    <section aria-labelledby="attendance-title" className="stack-wide">
      <header className="page-head">
        <h1 id="attendance-title">Attendance and timesheets</h1>
      </header>
      <div className="toolbar no-print">
        <button className="btn" onClick={() => shiftWeek(-1)}>
          ← Previous week
        </button>
        <button className="btn" onClick={() => shiftWeek(1)}>
          Next week →
        </button>
        <RangeFilter value={range} onChange={setRange} idPrefix="att" />
        <button className="btn btn-primary" onClick={() => void download()}>
          Download timesheet CSV
        </button>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      {attendance.status === 'loading' && <p className="muted">Loading attendance…</p>}
      {attendance.status === 'error' && <Banner tone="error">{attendance.message}</Banner>}
      {attendance.status === 'ready' && (
        <>
          <h2>
            People, {formatDayShort(range.from)} to {formatDayShort(range.to)}
          </h2>
          {attendance.data.people.length === 0 ? (
            <p className="empty">No shifts in this range.</p>
          ) : (
            <table className="table attendance-people">
              <TableHead
                columns={['Name', 'Employee no.', 'Shifts', 'Scheduled hours', 'Paid hours', 'Late', 'No-shows', 'Corrections', 'Cost']}
              />
              <tbody>
                {attendance.data.people.map((p) => (
                  <tr key={p.staffId}>
                    <td className="strong">{p.name}</td>
                    <td>{p.employeeNumber}</td>
                    <td>{p.shifts}</td>
                    <td>{h(p.scheduledMinutes)}</td>
                    <td>
                      <PersonPaidHours person={p} />
                    </td>
                    <td>
                      <Lateness person={p} />
                    </td>
                    <td>
                      <NoShows person={p} />
                    </td>
                    <td>{p.corrections}</td>
                    <td>{money(p.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Shifts</h2>
          <table className="table table-dense attendance-shifts">
            <TableHead
              columns={[
                'Date',
                'Name',
                'Site',
                'Service',
                'Scheduled',
                'Actual in',
                'Actual out',
                'Paid hours',
                'Arrival',
                'No-show',
                'Corrections',
              ]}
            />
            <tbody>
              {attendance.data.rows.map((r) => (
                <tr key={`${r.shiftId}-${r.staffId}`}>
                  <td>{formatDayShort(r.date)}</td>
                  <td>{r.name}</td>
                  <td>{r.site}</td>
                  <td>{SERVICE_LABEL[r.service]}</td>
                  <td>
                    {r.scheduledStart}–{r.scheduledEnd}
                  </td>
                  {/* `01:30 BST` or `01:30 GMT` on the night the clocks go back, an hour apart. */}
                  <td className="clock-cell">{r.signedInAt ? formatClockGB(Date.parse(r.signedInAt)) : '—'}</td>
                  <td className="clock-cell">{r.signedOutAt ? formatClockGB(Date.parse(r.signedOutAt)) : '—'}</td>
                  <td>
                    <PaidHours row={r} />
                  </td>
                  <td>
                    <Arrival row={r} />
                  </td>
                  <td>{r.noShow ? '✕ Yes' : 'No'}</td>
                  <td className="small">
                    {r.corrections.map((c, i) => (
                      <Correction key={i} c={c} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <section className="card" aria-labelledby="wt-title">
        <h2 id="wt-title">Working-time record</h2>
        <p className="muted small">
          Hours, rest, night work and opt-outs actually worked in a past period. Keep these records for two years.
        </p>
        <div className="toolbar no-print">
          <RangeFilter value={wtRange} onChange={setWtRange} idPrefix="wt" />
          <button className="btn" onClick={() => void loadWorkingTime(wtRange)}>
            Show working-time record
          </button>
          {workingTime.status === 'ready' && (
            <button className="btn" onClick={() => save(workingTime.data.csv)}>
              Download working-time CSV
            </button>
          )}
        </div>
        {workingTime.status === 'error' && <Banner tone="error">{workingTime.message}</Banner>}
        {workingTime.status === 'ready' && (
          <table className="table">
            <TableHead
              columns={[
                'Name',
                'Shifts',
                'Hours worked',
                'Average a week',
                'Shortest rest',
                `Rests under ${workingTime.data.dailyRestHours} h`,
                'Night shifts',
                'Opt-out',
              ]}
            />
            <tbody>
              {workingTime.data.records.map((w) => (
                <tr key={w.staffId}>
                  <td>
                    {w.name}
                    {w.youngWorker ? ' (young worker)' : ''}
                  </td>
                  <td>{w.shifts}</td>
                  <td>{formatMinutes(w.workedMinutes)}</td>
                  <td>{formatMinutes(w.averageWeeklyMinutes)}</td>
                  <td>{w.shortestRestMinutes === null ? '—' : formatMinutes(w.shortestRestMinutes)}</td>
                  <td>{w.shortRests > 0 ? `⚠ ${w.shortRests}` : '0'}</td>
                  <td>{w.nightShifts}</td>
                  <td>{w.optOutSigned ? `Signed ${w.optOutSigned}` : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
};

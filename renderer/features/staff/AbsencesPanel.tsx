import { ChevronLeft, ChevronRight, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../shared/contract/staff';
import { absenceOnDate, monthDates, type FieldErrors } from '../../../shared/domain/directory';
import { addDays, formatDateGB, monthOf, weekdayOf } from '../../../shared/domain/dates';
import { WEEKDAYS } from '../../../shared/schemas/common';
import { ABSENCE_KINDS, type Absence } from '../../../shared/schemas/staff';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStoreFields } from '../../store/appStore';
import { tidyTime } from '../sites/timeText';
import { LeaveStatusTag } from '../leave/LeaveStatusTag';
import { leaveDates } from '../leave/leaveText';
import { AbsenceLegend } from './AbsenceLegend';
import { ABSENCE_LABEL, ABSENCE_MARK } from './absenceKinds';
import './staff.css';

/** `2026-12` moved by `n` months. */
export const shiftMonth = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
/** `December 2026`. */
export const monthTitle = (month: string): string =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const describe = (a: Absence): string =>
  `${a.from === a.to ? formatDateGB(a.from) : `${formatDateGB(a.from)} to ${formatDateGB(a.to)}`}${a.partDay ? `, ${a.partDay.start}–${a.partDay.end}` : ''}`;

/** A month of one person's absences, Monday first, each day's kind by letter as well as colour. */
const MiniCalendar = ({ absences, today }: { absences: Absence[]; today: string }) => {
  const [month, setMonth] = useState(() => {
    const next = absences.find((a) => a.to >= today);
    return monthOf(next && next.from > today ? next.from : today);
  });
  const dates = monthDates(month);
  const lead = WEEKDAYS.indexOf(weekdayOf(dates[0]));
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...dates];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <div>
      <div className="cal-nav">
        <button
          type="button"
          className="btn btn-quiet btn-small"
          aria-label="Previous month"
          onClick={() => setMonth(shiftMonth(month, -1))}
        >
          <ChevronLeft aria-hidden size={16} />
        </button>
        <span className="strong" aria-live="polite">
          {monthTitle(month)}
        </span>
        <button type="button" className="btn btn-quiet btn-small" aria-label="Next month" onClick={() => setMonth(shiftMonth(month, 1))}>
          <ChevronRight aria-hidden size={16} />
        </button>
      </div>
      <table className="mini-cal">
        <caption className="visually-hidden">Absences in {monthTitle(month)}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" abbr={d}>
                {d.slice(0, 2).replace(/^./, (c) => c.toUpperCase())}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} />;
                const a = absences.find((x) => absenceOnDate(x, date));
                const label = `${formatDateGB(date)}${a ? `: ${ABSENCE_LABEL[a.kind]}${a.partDay ? ` ${a.partDay.start}–${a.partDay.end}` : ''}${a.approved ? '' : ' (requested)'}` : ''}`;
                return (
                  <td key={j}>
                    <span
                      className={`day${a ? ` abs-${a.kind}` : ''}${a && !a.approved ? ' abs-pending' : ''}${date === today ? ' today' : ''}`}
                      aria-label={label}
                      title={label}
                      role="img"
                    >
                      <span aria-hidden>{Number(date.slice(8))}</span>
                      {a && (
                        <span className="mark" aria-hidden>
                          {ABSENCE_MARK[a.kind]}
                        </span>
                      )}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const blank = (today: string) => ({
  kind: 'annual-leave' as Absence['kind'],
  from: today,
  to: today,
  partDay: false,
  start: '09:00',
  end: '13:00',
  approved: true,
  note: '',
});

/** A person's absences: the month calendar, the list, and (for managers) booking and cancelling. */
export const AbsencesPanel = ({ person, today, canEdit }: { person: StaffView; today: string; canEdit: boolean }) => {
  const { saveAbsence, removeAbsence } = useStoreFields('saveAbsence', 'removeAbsence');
  const [form, setForm] = useState(() => blank(addDays(today, 1)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState<{ text: string; undo?: Absence } | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  // Absences that stand for a leave request change only by deciding the request.
  const requested = new Set((person.leaveRequests ?? []).map((r) => r.id));
  const upcoming = person.absences.filter((a) => a.to >= today);
  const past = person.absences.filter((a) => a.to < today);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await saveAbsence({
      staffId: person.id,
      absence: {
        kind: form.kind,
        from: form.from,
        to: form.to || form.from,
        partDay: form.partDay ? { start: form.start, end: form.end } : null,
        approved: form.approved,
        note: form.note,
      },
    });
    setErrors(fieldErrors(failure));
    if (!failure) {
      setNote({
        text: `${ABSENCE_LABEL[form.kind]} booked: ${describe({ ...form, id: 'x', to: form.to || form.from, partDay: form.partDay ? { start: form.start, end: form.end } : null })}.`,
      });
      setForm(blank(addDays(today, 1)));
    }
  };
  const remove = async (a: Absence) => {
    const failure = await removeAbsence(person.id, a.id);
    setNote(failure ? { text: failure.message } : { text: `${ABSENCE_LABEL[a.kind]} ${describe(a)} cancelled.`, undo: a });
  };
  const undo = async (a: Absence) => {
    const failure = await saveAbsence({ staffId: person.id, absence: a });
    setNote({ text: failure ? failure.message : 'Put back.' });
  };

  const item = (a: Absence) => (
    <li key={a.id}>
      <span>
        <span className={`swatch abs-${a.kind}${a.approved ? '' : ' abs-pending'}`}>{ABSENCE_MARK[a.kind]}</span>{' '}
        <span className="strong">{ABSENCE_LABEL[a.kind]}</span> · {describe(a)}
        {!a.approved && <span className="muted"> · requested</span>}
        {requested.has(a.id) && <span className="muted"> · leave request (decided under Leave requests)</span>}
        {a.note && <span className="muted"> · {a.note}</span>}
      </span>
      {canEdit && !requested.has(a.id) && (
        <button
          type="button"
          className="btn btn-quiet btn-small"
          aria-label={`Cancel ${ABSENCE_LABEL[a.kind]} ${describe(a)}`}
          onClick={() => void remove(a)}
        >
          <Trash2 aria-hidden size={14} /> Cancel
        </button>
      )}
    </li>
  );

  return (
    <section className="card" aria-labelledby="absences-title">
      <h2 id="absences-title">Absences</h2>
      {note && (
        <Banner
          tone="ok"
          action={
            note.undo ? (
              <button type="button" className="btn btn-quiet btn-small" onClick={() => void undo(note.undo!)}>
                Undo
              </button>
            ) : undefined
          }
        >
          {note.text}
        </Banner>
      )}
      <MiniCalendar key={person.id} absences={person.absences} today={today} />
      <AbsenceLegend />
      <h3 className="small muted" style={{ marginTop: 'var(--s4)' }}>
        Coming up
      </h3>
      {upcoming.length ? <ul className="absence-list">{upcoming.map(item)}</ul> : <p className="muted">Nothing booked.</p>}
      {past.length > 0 && (
        <details>
          <summary className="small">Past absences ({past.length})</summary>
          <ul className="absence-list">{past.map(item)}</ul>
        </details>
      )}
      {(person.leaveRequests ?? []).length > 0 && (
        <>
          <h3 className="small muted">Leave requests</h3>
          <ul className="absence-list" aria-label="Leave requests">
            {[...(person.leaveRequests ?? [])].reverse().map((r) => (
              <li key={r.id}>
                <span>
                  {leaveDates(r)}
                  {r.refusal && <span className="muted"> · refused: {r.refusal}</span>}
                  {r.override && <span className="muted"> · approved below zero: {r.override}</span>}
                </span>
                <LeaveStatusTag status={r.status} />
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate aria-label="Book an absence" style={{ marginTop: 'var(--s4)' }}>
          <h3 className="small" style={{ margin: '0 0 var(--s2)' }}>
            Book an absence
          </h3>
          {errors._ && <Banner tone="error">{errors._}</Banner>}
          <div className="form-grid">
            <div className="field">
              <label htmlFor="abs-kind">Kind</label>
              <select id="abs-kind" value={form.kind} onChange={(e) => set({ kind: e.target.value as Absence['kind'] })}>
                {ABSENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ABSENCE_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="First day"
              type="date"
              value={form.from}
              onChange={(e) => set({ from: e.target.value, to: form.to < e.target.value ? e.target.value : form.to })}
              error={errors.from ?? errors['absence.from']}
            />
            <Field
              label="Last day"
              type="date"
              value={form.to}
              onChange={(e) => set({ to: e.target.value })}
              error={errors.to ?? errors['absence.to']}
            />
          </div>
          <label className="choice">
            <input type="checkbox" checked={form.partDay} onChange={(e) => set({ partDay: e.target.checked })} /> Part of the day only
          </label>
          {form.partDay && (
            <div className="actions-row" style={{ margin: 'var(--s2) 0' }}>
              <input
                className="small-input time-input"
                aria-label="Absent from"
                value={form.start}
                onChange={(e) => set({ start: e.target.value })}
                onBlur={(e) => set({ start: tidyTime(e.target.value) })}
              />
              <span className="muted">to</span>
              <input
                className="small-input time-input"
                aria-label="Absent until"
                value={form.end}
                onChange={(e) => set({ end: e.target.value })}
                onBlur={(e) => set({ end: tidyTime(e.target.value) })}
              />
              {(errors['partDay.start'] ?? errors['partDay.end'] ?? errors['absence.partDay.start'] ?? errors['absence.partDay.end']) && (
                <span className="inline-error">
                  {errors['partDay.start'] ?? errors['partDay.end'] ?? errors['absence.partDay.start'] ?? errors['absence.partDay.end']}
                </span>
              )}
            </div>
          )}
          <label className="choice">
            <input type="checkbox" checked={!form.approved} onChange={(e) => set({ approved: !e.target.checked })} /> Requested, not yet
            approved
          </label>
          <Field label="Note" value={form.note} onChange={(e) => set({ note: e.target.value })} />
          <button type="submit" className="btn btn-primary">
            Book absence
          </button>
        </form>
      )}
    </section>
  );
};

import { AlertTriangle, CalendarPlus, X } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LeaveImpactView, LeaveRequestView } from '../../../shared/contract/leave';
import { addDays, formatDateGB, formatMinutes, formatWhenGB, londonToday } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { TextArea } from '../../components/TextArea';
import { useNow } from '../../components/useNow';
import { useStore } from '../../store/appStore';
import { tidyTime } from '../sites/timeText';
import { LeaveStatusTag } from './LeaveStatusTag';
import { leaveDates } from './leaveText';
import './leave.css';

// A minus sign, as formatMinutes writes it, so days and hours below zero read alike.
const days = (n: number) => {
  const r = Number(n.toFixed(2));
  return `${r < 0 ? '−' : ''}${Math.abs(r)} ${Math.abs(r) === 1 ? 'day' : 'days'}`;
};
const hours = (h: number) => formatMinutes(Math.round(h * 60));
const amount = (d: number, h: number) => `${days(d)} (${hours(h)})`;

/** The failure's general message, when no field of the form carries it already. */
const general = (errors: Record<string, string>) => (Object.keys(errors).length === 1 ? errors._ : undefined);

const takes = (r: LeaveRequestView) => (r.days === null || r.hours === null ? 'No leave terms on file' : amount(r.days, r.hours));

const balanceAfter = (r: LeaveRequestView) =>
  r.years.length === 0 ? (
    <span className="muted">Not checked</span>
  ) : (
    <>
      {r.years.map((y) => (
        <span key={y.start} className="leave-year">
          {amount(y.remainingDays, y.remainingHours)}
          {r.years.length > 1 && <span className="muted small"> for the year from {formatDateGB(y.start)}</span>}
        </span>
      ))}
      {r.overdrawn && (
        <span className="leave-below">
          <AlertTriangle aria-hidden size={14} /> Below zero
        </span>
      )}
    </>
  );

/** What approving would do, and the approve and refuse actions: the manager's decision screen. */
const Review = ({ impact, onDone }: { impact: LeaveImpactView; onDone: (text: string) => void }) => {
  const { approveLeave, refuseLeave, closeLeaveImpact } = useStore(
    useShallow((s) => ({ approveLeave: s.approveLeave, refuseLeave: s.refuseLeave, closeLeaveImpact: s.closeLeaveImpact })),
  );
  const r = impact.request;
  const [override, setOverride] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [r.id]);
  const shiftCount = impact.opened.length;

  const approve = async () => {
    setBusy(true);
    const res = await approveLeave({ staffId: r.staffId, requestId: r.id, override: r.overdrawn ? override : null });
    setBusy(false);
    if (!res.ok) return setErrors(fieldErrors(res));
    closeLeaveImpact();
    onDone(res.data.notice);
  };
  const refuse = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await refuseLeave({ staffId: r.staffId, requestId: r.id, reason });
    setBusy(false);
    if (!res.ok) return setErrors(fieldErrors(res));
    closeLeaveImpact();
    onDone(`Refused: ${r.name}, ${leaveDates(r)}. The reason is kept with the request.`);
  };

  return (
    <section className="card leave-review" aria-labelledby="review-title">
      <div className="card-head">
        <h2 id="review-title" tabIndex={-1} ref={heading}>
          Decide leave for {r.name}
        </h2>
        <button type="button" className="btn btn-quiet btn-small" onClick={closeLeaveImpact}>
          <X aria-hidden size={14} /> Close
        </button>
      </div>
      <dl className="leave-facts">
        <div>
          <dt>Dates</dt>
          <dd>{leaveDates(r)}</dd>
        </div>
        <div>
          <dt>Takes</dt>
          <dd>{takes(r)}</dd>
        </div>
        <div>
          <dt>Balance after approving</dt>
          <dd>{balanceAfter(r)}</dd>
        </div>
        <div className="leave-wide">
          <dt>Recorded</dt>
          <dd>
            by {r.requestedByName}, {formatWhenGB(r.requestedAt)}
            {r.note && <span className="muted"> · {r.note}</span>}
          </dd>
        </div>
      </dl>

      <h3>Effect on cover</h3>
      <Banner tone={impact.shortfalls.length > 0 ? 'warn' : 'info'}>{impact.summary}</Banner>
      {shiftCount > 0 && (
        <div className="leave-columns">
          <div>
            <h4>Shifts approving opens</h4>
            <ul className="leave-list">
              {impact.opened.map((s) => {
                const n = impact.coverers.filter((c) => c.shiftIds.includes(s.id)).length;
                return (
                  <li key={s.id}>
                    <span className="strong">
                      {formatDateGB(s.date)} {s.start}–{s.end}
                    </span>{' '}
                    · {s.site} {s.service}
                    <span className="muted small"> · {n === 0 ? 'no one could cover' : `${n} could cover`}</span>
                  </li>
                );
              })}
            </ul>
          </div>
          <div>
            <h4>Who could cover</h4>
            {impact.coverers.length === 0 ? (
              <p className="muted">No one without breaking a rule.</p>
            ) : (
              <ul className="leave-list">
                {impact.coverers.map((c) => (
                  <li key={c.staffId}>
                    <span className="strong">{c.name}</span>
                    <span className="muted small">
                      {' '}
                      ·{' '}
                      {c.shiftIds.length === shiftCount
                        ? shiftCount === 1
                          ? 'the shift'
                          : `all ${shiftCount} shifts`
                        : `${c.shiftIds.length} of ${shiftCount} shifts`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}

      <h3>Decision</h3>
      {general(errors) && <Banner tone="error">{general(errors)}</Banner>}
      <div className="leave-decide">
        <div className="leave-approve">
          {r.overdrawn && (
            <TextArea
              label="Reason for approving below zero"
              hint="The balance goes below zero, so approving needs a reason; it is kept with the request."
              value={override}
              onChange={(e) => setOverride(e.target.value)}
              error={errors.override}
            />
          )}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void approve()}>
            Approve leave
          </button>
          {shiftCount > 0 && (
            <p className="muted small">
              Approving takes {r.name} off {shiftCount === 1 ? 'the shift' : `the ${shiftCount} shifts`} above; they become open shifts.
            </p>
          )}
        </div>
        <form className="leave-refuse" onSubmit={refuse} noValidate aria-label="Refuse the request">
          <TextArea label="Reason for refusing" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
          <button type="submit" className="btn" disabled={busy}>
            Refuse leave
          </button>
        </form>
      </div>
    </section>
  );
};

const blank = (today: string) => ({ staffId: '', from: today, to: today, partDay: false, start: '09:00', end: '13:00', note: '' });

/** Recording a request for one of the people the user may see. */
const RequestForm = ({ today, onDone }: { today: string; onDone: (text: string) => void }) => {
  const { staff, requestLeave } = useStore(useShallow((s) => ({ staff: s.staff, requestLeave: s.requestLeave })));
  const people = staff.status === 'ready' ? staff.data.filter((p) => !p.archived) : [];
  const [form, setForm] = useState(() => blank(addDays(today, 7)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.staffId) return setErrors({ staffId: 'Choose the person' });
    const res = await requestLeave({
      staffId: form.staffId,
      from: form.from,
      to: form.to || form.from,
      partDay: form.partDay ? { start: form.start, end: form.end } : null,
      note: form.note,
    });
    setErrors(fieldErrors(res.ok ? null : res));
    if (!res.ok) return;
    setForm(blank(addDays(today, 7)));
    const amountText = res.data.days === null ? 'no leave terms on file, so no balance is checked' : takes(res.data);
    onDone(`Leave requested for ${res.data.name}: ${leaveDates(res.data)}, ${amountText}. It waits for a manager's decision.`);
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="record-title">
      <h2 id="record-title">
        <CalendarPlus aria-hidden size={18} /> Record a leave request
      </h2>
      {general(errors) && <Banner tone="error">{general(errors)}</Banner>}
      <Select
        label="Person"
        value={form.staffId}
        onChange={(e) => set({ staffId: e.target.value })}
        options={[['', 'Choose…'], ...people.map((p) => [p.id, `${p.name} (${p.employeeNumber})`] as const)]}
        error={errors.staffId}
      />
      <div className="form-grid">
        <Field
          label="First day"
          type="date"
          value={form.from}
          onChange={(e) => set({ from: e.target.value, to: form.to < e.target.value ? e.target.value : form.to })}
          error={errors.from}
        />
        <Field label="Last day" type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} error={errors.to} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.partDay} onChange={(e) => set({ partDay: e.target.checked })} /> Part of each day only (hours)
      </label>
      {form.partDay && (
        <div className="form-grid">
          <Field
            label="Off from"
            value={form.start}
            onChange={(e) => set({ start: e.target.value })}
            onBlur={(e) => set({ start: tidyTime(e.target.value) })}
            error={errors['partDay.start']}
          />
          <Field
            label="Off until"
            value={form.end}
            onChange={(e) => set({ end: e.target.value })}
            onBlur={(e) => set({ end: tidyTime(e.target.value) })}
            error={errors['partDay.end']}
          />
        </div>
      )}
      <Field label="Note" value={form.note} onChange={(e) => set({ note: e.target.value })} error={errors.note} />
      <button type="submit" className="btn btn-primary">
        Record request
      </button>
    </form>
  );
};

const RequestTable = ({
  rows,
  caption,
  waiting,
  onReview,
}: {
  rows: LeaveRequestView[];
  caption: string;
  waiting: boolean;
  /** Managers decide; without it the table has no action column. */
  onReview?: (r: LeaveRequestView) => void;
}) => (
  <div className="leave-table-wrap">
    <table className="table leave-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Dates</th>
          <th scope="col">Takes</th>
          <th scope="col">Status</th>
          <th scope="col">{waiting ? 'Balance after approving' : 'Decision'}</th>
          {onReview && (
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.name}
              <span className="muted small leave-site">{r.homeSite ?? 'No home site'}</span>
            </th>
            <td>{leaveDates(r)}</td>
            <td>{takes(r)}</td>
            <td>
              <LeaveStatusTag status={r.status} />
            </td>
            <td>
              {waiting
                ? balanceAfter(r)
                : `${r.decidedByName ?? ''}${r.decidedAt ? `, ${formatWhenGB(r.decidedAt)}` : ''}${r.refusal ? `: ${r.refusal}` : ''}${r.override ? ` (below zero: ${r.override})` : ''}`}
            </td>
            {onReview && (
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => onReview(r)}
                  aria-label={`Decide leave for ${r.name}, ${leaveDates(r)}`}
                >
                  Decide…
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** Leave requests: recording them, and for managers deciding them with their effect on cover in view. */
export const LeaveView = () => {
  const { auth, loadStaff, leaveRequests, loadLeaveRequests, leaveImpact, loadLeaveImpact } = useStore(
    useShallow((s) => ({
      auth: s.auth,
      loadStaff: s.loadStaff,
      leaveRequests: s.leaveRequests,
      loadLeaveRequests: s.loadLeaveRequests,
      leaveImpact: s.leaveImpact,
      loadLeaveImpact: s.loadLeaveImpact,
    })),
  );
  const manager = auth?.user?.role === 'manager';
  const today = londonToday(useNow());
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void loadStaff();
    void loadLeaveRequests();
  }, [loadStaff, loadLeaveRequests]);
  const list = leaveRequests.status === 'ready' ? leaveRequests.data : [];
  const waiting = list.filter((r) => r.status === 'requested');
  const decided = list.filter((r) => r.status !== 'requested');

  return (
    <section aria-labelledby="leave-title">
      <header className="page-head">
        <h1 id="leave-title">Leave requests</h1>
      </header>
      {notice && <Banner tone="ok">{notice}</Banner>}
      {leaveRequests.status === 'error' && <Banner tone="error">{leaveRequests.message}</Banner>}
      <div className="leave-layout">
        <div className="leave-main">
          {leaveImpact.status === 'ready' && <Review impact={leaveImpact.data} onDone={setNotice} />}
          {leaveImpact.status === 'loading' && <p className="muted">Working out the effect on cover…</p>}
          {leaveImpact.status === 'error' && <Banner tone="error">{leaveImpact.message}</Banner>}
          <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">Waiting for a decision</h2>
            {waiting.length === 0 ? (
              <p className="empty">No leave is waiting for a decision.</p>
            ) : (
              <RequestTable
                rows={waiting}
                waiting
                caption="Leave waiting for a decision"
                onReview={
                  manager
                    ? (r) => {
                        setNotice(null);
                        void loadLeaveImpact(r.staffId, r.id);
                      }
                    : undefined
                }
              />
            )}
          </section>
          {decided.length > 0 && (
            <section aria-labelledby="decided-title">
              <h2 id="decided-title">Decided</h2>
              <RequestTable rows={decided} waiting={false} caption="Leave already decided" />
            </section>
          )}
        </div>
        <RequestForm today={today} onDone={setNotice} />
      </div>
    </section>
  );
};

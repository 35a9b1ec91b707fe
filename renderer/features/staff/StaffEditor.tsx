import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { StaffView } from '../../../shared/contract/staff';
import { validateStaff, type FieldErrors } from '../../../shared/domain/directory';
import { londonToday } from '../../../shared/domain/dates';
import { SERVICES, WEEKDAYS } from '../../../shared/schemas/common';
import { CONTRACT_TYPES, SIA_SECTORS, type Availability } from '../../../shared/schemas/staff';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { useNow } from '../../components/useNow';
import { useStoreFields } from '../../store/appStore';
import { SERVICE_LABEL } from '../sites/CoverEditor';
import { tidyTime } from '../sites/timeText';
import { CONTRACT_LABEL, SECTOR_LABEL } from '../../../shared/domain/directory/staffLabels';
import { dayLabel } from '../../../shared/domain/directory/coverWindows';
import { blankDraft, draftOf, formOf, fullRecords, type StaffDraft } from './staffDraft';
import './staff.css';
import { SiteOptions } from '../../components/SiteOptions';

const AvailabilityEditor = ({
  value,
  errors,
  onChange,
}: {
  value: Availability;
  errors: FieldErrors;
  onChange: (a: Availability) => void;
}) => {
  const stated = Object.keys(value).length > 0;
  if (!stated)
    return (
      <div>
        <p className="muted">Any time: no availability stated, so the rota never warns about it.</p>
        <button
          type="button"
          className="btn"
          onClick={() => onChange(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]])))}
        >
          State days and times
        </button>
      </div>
    );
  return (
    <div>
      {WEEKDAYS.map((day) => {
        const windows = value[day] ?? [];
        const setDay = (w: { start: string; end: string }[]) => onChange({ ...value, [day]: w });
        return (
          <div className="avail-row" key={day} role="group" aria-label={`Available on ${dayLabel(day)}`}>
            <span className="strong small">{dayLabel(day)}</span>
            <div className="avail-windows">
              {windows.length === 0 && <span className="muted small">Not available</span>}
              {windows.map((w, i) => (
                <span key={i} className="avail-windows">
                  <input
                    className="small-input time-input"
                    aria-label={`${dayLabel(day)} from`}
                    value={w.start}
                    aria-invalid={Boolean(errors[`availability.${day}.${i}.start`])}
                    onChange={(e) => setDay(windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
                    onBlur={(e) => setDay(windows.map((x, j) => (j === i ? { ...x, start: tidyTime(e.target.value) } : x)))}
                  />
                  <span className="muted">to</span>
                  <input
                    className="small-input time-input"
                    aria-label={`${dayLabel(day)} to`}
                    value={w.end}
                    aria-invalid={Boolean(errors[`availability.${day}.${i}.end`])}
                    onChange={(e) => setDay(windows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))}
                    onBlur={(e) => setDay(windows.map((x, j) => (j === i ? { ...x, end: tidyTime(e.target.value) } : x)))}
                  />
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    aria-label={`Remove ${dayLabel(day)} time ${i + 1}`}
                    onClick={() => setDay(windows.filter((_, j) => j !== i))}
                  >
                    <Trash2 aria-hidden size={14} />
                  </button>
                </span>
              ))}
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={`Add time on ${dayLabel(day)}`}
                onClick={() => setDay([...windows, { start: '09:00', end: '17:00' }])}
              >
                <Plus aria-hidden size={14} />
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" className="btn btn-quiet btn-small" onClick={() => onChange({})}>
        Clear: available any time
      </button>
    </div>
  );
};

/** Adds a person or edits every field of one; warnings (an SIA licence about to expire) show as the form is filled. */
export const StaffEditor = ({ person, onDone }: { person: StaffView | null; onDone: (id: string | null) => void }) => {
  const { staff, loadStaff, sites, loadSites, createStaff, updateStaff } = useStoreFields(
    'staff',
    'loadStaff',
    'sites',
    'loadSites',
    'createStaff',
    'updateStaff',
  );
  useEffect(() => {
    void loadStaff();
    void loadSites();
  }, [loadStaff, loadSites]);
  const today = londonToday(useNow());
  const [draft, setDraft] = useState<StaffDraft>(() => (person ? draftOf(person) : blankDraft()));
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const siteList = sites.status === 'ready' ? sites.data : [];
  const existing = useMemo(() => (staff.status === 'ready' ? fullRecords(staff.data) : []), [staff]);
  const form = formOf(draft);
  const { errors, warnings } = useMemo(
    () =>
      validateStaff({ ...form, absences: [] }, existing, { todayIso: today, siteCodes: siteList.map((s) => s.code), selfId: person?.id }),
    // The form is rebuilt from the draft each render; the draft is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft, existing, today, siteList, person?.id],
  );
  const shown: FieldErrors = { ...(tried ? errors : {}), ...serverErrors };
  const set = (patch: Partial<StaffDraft>) => {
    setDraft({ ...draft, ...patch });
    setServerErrors({});
  };
  const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const siaError = shown['sia.number'] ?? shown['sia.sector'] ?? shown['sia.expires'] ?? shown.sia;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(errors).length) return;
    setBusy(true);
    if (person) {
      const failure = await updateStaff({ ...form, id: person.id, rev: person.rev });
      setBusy(false);
      if (failure) return setServerErrors(fieldErrors(failure));
      onDone(person.id);
    } else {
      const r = await createStaff(form);
      setBusy(false);
      if (!r.ok) return setServerErrors(fieldErrors(r));
      onDone(r.data.id);
    }
  };
  const count = Object.keys(shown).filter((k) => k !== '_').length;

  return (
    <form onSubmit={submit} noValidate aria-label={person ? `Edit ${person.name}` : 'Add a person'}>
      {shown._ && <Banner tone="error">{shown._}</Banner>}
      {tried && count > 0 && !shown._ && (
        <Banner tone="error">
          {count === 1 ? 'One thing needs fixing' : `${count} things need fixing`}: {Object.values(shown)[0]}
        </Banner>
      )}
      <div className="person-grid">
        <div className="card">
          <h2>Person</h2>
          <Field label="Name" value={draft.name} onChange={(e) => set({ name: e.target.value })} error={shown.name} autoFocus={!person} />
          <div className="form-grid">
            <Field
              label="Employee number"
              value={draft.employeeNumber}
              onChange={(e) => set({ employeeNumber: e.target.value })}
              error={shown.employeeNumber}
              hint="As on payroll, e.g. E-1001"
            />
            <Field label="Phone" type="tel" value={draft.phone} onChange={(e) => set({ phone: e.target.value })} error={shown.phone} />
            <Field
              label="Date of birth"
              type="date"
              value={draft.dateOfBirth}
              onChange={(e) => set({ dateOfBirth: e.target.value })}
              error={shown.dateOfBirth}
              hint="Optional; used to check the young-worker flag"
            />
          </div>
          <label className="choice">
            <input type="checkbox" checked={draft.youngWorker} onChange={(e) => set({ youngWorker: e.target.checked })} /> Young worker
            (under 18)
          </label>
          {shown.youngWorker && <p className="field-error">{shown.youngWorker}</p>}
          <label className="choice">
            <input type="checkbox" checked={draft.youngLateContract} onChange={(e) => set({ youngLateContract: e.target.checked })} /> Under
            18 with a contract for work after 22:00 (no work 23:00–07:00 instead of 22:00–06:00)
          </label>
          <div className="field" style={{ marginTop: 'var(--s3)' }}>
            <label htmlFor="staff-notes">Notes</label>
            <textarea id="staff-notes" rows={3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
          </div>
        </div>

        <div className="card">
          <h2>Work</h2>
          <fieldset className="field">
            <legend>Services they may work</legend>
            <div className="check-grid">
              {SERVICES.map((s) => (
                <label key={s} className="choice">
                  <input
                    type="checkbox"
                    checked={draft.services.includes(s)}
                    onChange={() =>
                      set({ services: SERVICES.filter((x) => (x === s ? !draft.services.includes(s) : draft.services.includes(x))) })
                    }
                  />{' '}
                  {SERVICE_LABEL[s]}
                </label>
              ))}
            </div>
            {shown.services && <p className="field-error">{shown.services}</p>}
          </fieldset>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="staff-home">Home site</label>
              <select
                id="staff-home"
                value={draft.homeSite}
                onChange={(e) => set({ homeSite: e.target.value })}
                aria-invalid={Boolean(shown.homeSite)}
              >
                <option value="">None (floating)</option>
                <SiteOptions sites={siteList} />
              </select>
              {shown.homeSite && <p className="field-error">{shown.homeSite}</p>}
            </div>
            <Select
              label="Contract type"
              options={CONTRACT_TYPES.map((c) => [c, CONTRACT_LABEL[c]] as const)}
              value={draft.contractType}
              onChange={(e) => set({ contractType: e.target.value as StaffDraft['contractType'] })}
            />
            <Field
              label="Contracted hours a week"
              type="number"
              min={0}
              max={60}
              step={0.5}
              value={draft.contractedHours}
              onChange={(e) => set({ contractedHours: e.target.value })}
              error={shown.contractedHours}
            />
            <Field
              label="Pay rate (£ an hour)"
              type="number"
              min={0}
              step={0.01}
              value={draft.payRate}
              onChange={(e) => set({ payRate: e.target.value })}
              error={shown.payRate}
              hint="Seen by managers only"
            />
          </div>
          <fieldset className="field">
            <legend>Annual leave</legend>
            <label className="choice">
              <input type="checkbox" checked={draft.leaveOn} onChange={(e) => set({ leaveOn: e.target.checked })} /> Keep a leave balance
              (5.6 weeks, at most 28 days, pro rata)
            </label>
            {draft.leaveOn && (
              <div className="form-grid">
                <Field
                  label="Days worked a week"
                  type="number"
                  min={0.5}
                  max={7}
                  step={0.5}
                  value={draft.leaveDaysPerWeek}
                  onChange={(e) => set({ leaveDaysPerWeek: e.target.value })}
                  error={shown['leave.daysPerWeek']}
                />
                <Field
                  label="Contractual extra days a year"
                  type="number"
                  min={0}
                  max={60}
                  step={0.5}
                  value={draft.leaveExtraDays}
                  onChange={(e) => set({ leaveExtraDays: e.target.value })}
                  error={shown['leave.extraDays']}
                />
                <Field
                  label="Days carried over"
                  type="number"
                  min={0}
                  max={60}
                  step={0.5}
                  value={draft.leaveCarriedDays}
                  onChange={(e) => set({ leaveCarriedDays: e.target.value })}
                  error={shown['leave.carriedDays']}
                  hint="Into this leave year; under a carry-over rule in Settings, into the first leave year on file (later years follow the rule)"
                />
                <Field
                  label="Employment started"
                  type="date"
                  value={draft.leaveStarted}
                  onChange={(e) => set({ leaveStarted: e.target.value })}
                  error={shown['leave.started']}
                  hint="With no agreed leave year, the year runs from this date (WTR reg. 13(3))"
                />
                <Field
                  label="Agreed leave year starts (mm-dd)"
                  value={draft.leaveYearStart}
                  placeholder="04-01"
                  onChange={(e) => set({ leaveYearStart: e.target.value })}
                  error={shown['leave.yearStart']}
                  hint="Leave empty for the organisation's leave year in Settings, or the law's default"
                />
                <label className="choice">
                  <input type="checkbox" checked={draft.leaveBankHolidays} onChange={(e) => set({ leaveBankHolidays: e.target.checked })} />{' '}
                  Bank holidays off count against the entitlement (as the contract says)
                </label>
              </div>
            )}
          </fieldset>
          <fieldset className="field">
            <legend>Familiar sites (may be rostered there)</legend>
            <div className="choice-grid">
              {siteList.map((s) => (
                <label key={s.code} className="choice">
                  <input
                    type="checkbox"
                    checked={draft.familiarSites.includes(s.code)}
                    onChange={() => set({ familiarSites: toggle(draft.familiarSites, s.code) })}
                  />{' '}
                  {s.code} · {s.name}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.optOut}
              onChange={(e) =>
                set({ optOut: e.target.checked, optOutSigned: e.target.checked && !draft.optOutSigned ? today : draft.optOutSigned })
              }
            />{' '}
            Signed the 48-hour working-time opt-out
          </label>
          {draft.optOut && (
            <Field
              label="Opt-out signed on"
              type="date"
              value={draft.optOutSigned}
              onChange={(e) => set({ optOutSigned: e.target.value })}
              error={shown['optOut.signed']}
            />
          )}
          {warnings.optOut && <Banner tone="warn">{warnings.optOut}</Banner>}
        </div>

        <div className="card">
          <h2>SIA licence</h2>
          <p className="muted small">Needed for security shifts. Leave empty if they have none.</p>
          <Field
            label="SIA licence number"
            inputMode="numeric"
            value={draft.siaNumber}
            onChange={(e) => set({ siaNumber: e.target.value })}
            error={shown['sia.number']}
            hint="16 digits, spaces allowed"
          />
          <div className="form-grid">
            <div className="field">
              <label htmlFor="sia-sector">Licence sector</label>
              <select
                id="sia-sector"
                value={draft.siaSector}
                onChange={(e) => set({ siaSector: e.target.value })}
                aria-invalid={Boolean(shown['sia.sector'])}
              >
                <option value="">Choose…</option>
                {SIA_SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {SECTOR_LABEL[s]}
                  </option>
                ))}
              </select>
              {shown['sia.sector'] && <p className="field-error">{shown['sia.sector']}</p>}
            </div>
            <Field
              label="Licence expiry date"
              type="date"
              value={draft.siaExpiry}
              onChange={(e) => set({ siaExpiry: e.target.value })}
              error={shown['sia.expires']}
            />
          </div>
          {!shown['sia.number'] && !shown['sia.sector'] && !shown['sia.expires'] && siaError && <p className="field-error">{siaError}</p>}
          {(warnings.sia || warnings['sia.expires']) && <Banner tone="warn">{warnings.sia ?? warnings['sia.expires']}</Banner>}
        </div>

        <div className="card">
          <h2>Weekly availability</h2>
          <AvailabilityEditor value={draft.availability} errors={shown} onChange={(availability) => set({ availability })} />
        </div>
      </div>
      <div className="sticky-actions">
        <button type="button" className="btn" onClick={() => onDone(person?.id ?? null)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : person ? 'Save changes' : 'Add person'}
        </button>
      </div>
    </form>
  );
};

import { AlertTriangle } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { WeekView } from '../../../shared/contract/rota';
import { pickerName } from '../../../shared/domain/directory/pickerName';
import { isoDateSchema, timeSchema, type Service } from '../../../shared/schemas/common';
import type { Shift } from '../../../shared/schemas/shift';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Select } from '../../components/Select';
import { useStore } from '../../store/appStore';
import { saveOf } from './commands';
import { FindingList } from './FindingList';
import { SERVICE_LABEL } from './labels';
import { gapsOpenedBy, liveFindings } from './liveFindings';
import { siteOptions } from './siteOptions';
import { ShiftHistory } from './ShiftHistory';
import { TemplatePicker } from './TemplatePicker';

export type ShiftDraft = Pick<Shift, 'site' | 'service' | 'date' | 'start' | 'end' | 'breakMinutes' | 'staffId' | 'notes'>;

interface Props {
  view: WeekView;
  /** The shift being edited, or null to create one from `initial`. */
  shift: Shift | null;
  initial: ShiftDraft;
  onClose: () => void;
  onFindCover: (shift: Shift) => void;
}

const DRAFT_ID = 'draft-shift';

/** Create or edit one shift, with the rules' findings updating as each field changes. */
export const ShiftDialog = ({ view, shift, initial, onClose, onFindCover }: Props) => {
  const saveShifts = useStore((s) => s.saveShifts);
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const [form, setForm] = useState<ShiftDraft>(initial);
  const [override, setOverride] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const staff = useMemo(() => new Map(view.staff.map((s) => [s.id, s])), [view.staff]);
  const site = view.sites.find((s) => s.code === form.site);
  const settings = useStore((s) => s.settings);
  // A cleared date or time has no instant to check; the field says what to fill when the shift is saved.
  const complete = isoDateSchema.safeParse(form.date).success && [form.start, form.end].every((t) => timeSchema.safeParse(t).success);
  const findings = useMemo(() => {
    // Until Settings has loaded the thresholds are unknown; main checks again on save either way.
    if (settings.status !== 'ready' || !complete) return [];
    const base = shift ?? {
      ...form,
      id: DRAFT_ID,
      status: 'draft' as const,
      override: null,
      history: [],
      deleted: false,
      createdAt: '',
      createdBy: '',
      updatedAt: '',
      updatedBy: '',
      rev: 1,
    };
    return liveFindings(view, { ...base, ...form }, settings.data);
  }, [view, shift, form, settings, complete]);
  const opened = useMemo(
    () =>
      shift && complete && settings.status === 'ready'
        ? gapsOpenedBy(view, shift, { ...shift, ...form, deleted: false }, settings.data)
        : [],
    [view, shift, form, settings, complete],
  );
  const blocked = findings.some((f) => f.severity === 'block') || Boolean(errors.override);
  const current = view.staff.filter((s) => !s.archived).sort((a, b) => a.name.localeCompare(b.name));
  const people = current.filter((s) => s.services.includes(form.service));
  const others = current.filter((s) => !s.services.includes(form.service));
  const set = <K extends keyof ShiftDraft>(k: K, v: ShiftDraft[K]) => setForm((f) => ({ ...f, [k]: v }));
  // A site that does not run the chosen service would show its first service while saving the old one.
  const changeSite = (code: string) => {
    const runs = view.sites.find((s) => s.code === code)?.services ?? [];
    setForm((f) => ({ ...f, site: code, service: runs.includes(f.service) ? f.service : (runs[0] ?? f.service) }));
  };

  const submit = async () => {
    setBusy(true);
    const item = shift ? { ...saveOf(shift), ...form } : form;
    const failure = await saveShifts(shift ? 'Edit shift' : 'Add shift', [item], override.trim() || null);
    setBusy(false);
    const found = fieldErrors(failure);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k.replace(/^items\.0\./, ''), v])));
    if (!failure) onClose();
  };
  const remove = async () => {
    if (!shift) return;
    const failure = await saveShifts('Delete shift', [{ ...saveOf(shift), deleted: true }]);
    setErrors(fieldErrors(failure));
    if (!failure) onClose();
  };

  return (
    <FormDialog
      wide
      onOpenChange={(o) => !o && onClose()}
      title={shift ? 'Edit shift' : 'Add a shift'}
      description={
        shift
          ? `${shift.status === 'published' ? 'Published' : 'Draft'} · changes to a published shift are kept in its history.`
          : 'New shifts are drafts until the week is published.'
      }
      onSubmit={submit}
      submitLabel={canPlan ? (shift ? 'Save shift' : 'Add shift') : null}
      busy={busy}
      error={errors._}
      startActions={
        <>
          {shift && canPlan && (
            <button type="button" className="btn btn-danger" onClick={() => void remove()}>
              Delete
            </button>
          )}
          {shift && shift.staffId === null && (
            <button type="button" className="btn" onClick={() => onFindCover(shift)}>
              Find cover
            </button>
          )}
          <span className="spacer" />
        </>
      }
    >
      <TemplatePicker site={form.site} service={form.service} times={form} onPick={(t) => setForm((f) => ({ ...f, ...t }))} />
      <div className="form-grid">
        <Select label="Site" value={form.site} onChange={(e) => changeSite(e.target.value)} options={siteOptions(view)} />
        <div className="field">
          <label htmlFor="shift-service">Service</label>
          <select id="shift-service" value={form.service} onChange={(e) => set('service', e.target.value as Service)}>
            {(site?.services ?? []).map((s) => (
              <option key={s} value={s}>
                {SERVICE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <Field label="Date" type="date" value={form.date} onChange={(e) => set('date', e.target.value)} error={errors.date} />
        <Field label="Start" type="time" value={form.start} onChange={(e) => set('start', e.target.value)} error={errors.start} />
        <Field
          label="End"
          type="time"
          value={form.end}
          onChange={(e) => set('end', e.target.value)}
          error={errors.end}
          hint="Before the start means the next day"
        />
        <Field
          label="Unpaid break (minutes)"
          type="number"
          min={0}
          max={180}
          value={form.breakMinutes}
          onChange={(e) => set('breakMinutes', Number(e.target.value))}
          error={errors.breakMinutes}
        />
      </div>
      <div className="field">
        <label htmlFor="shift-person">Person</label>
        <select id="shift-person" value={form.staffId ?? ''} onChange={(e) => set('staffId', e.target.value || null)}>
          <option value="">OPEN (no one yet)</option>
          <optgroup label={`Work ${SERVICE_LABEL[form.service].toLowerCase()}`}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {pickerName(p, form.date)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Not set up for this service (needs an override)">
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {pickerName(p, form.date)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <Field label="Notes" value={form.notes} onChange={(e) => set('notes', e.target.value)} />
      <section aria-label="Rule check" className="live-findings" aria-live="polite">
        <h3>Rule check</h3>
        <FindingList
          findings={findings}
          empty={!complete ? 'Fill in the date, start and end to check the rules.' : opened.length ? undefined : 'No rule is broken.'}
        />
        {opened.length > 0 && (
          <ul className="findings" aria-label="Cover this edit would leave short">
            {opened.map((text) => (
              <li key={text} className="finding finding-warn">
                <AlertTriangle aria-hidden size={16} />
                <span>
                  <strong>Cover gap:</strong> {text}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {shift?.override && (
        <Banner tone="warn">
          Overridden ({shift.override.rules.join(', ')}): {shift.override.reason}
        </Banner>
      )}
      {blocked && canPlan && (
        <Field
          label="Override reason"
          value={override}
          onChange={(e) => setOverride(e.target.value)}
          error={errors.override}
          hint="A block can only be saved with a manager's reason; it is recorded on the shift."
        />
      )}
      {shift && <ShiftHistory shift={shift} staff={staff} />}
    </FormDialog>
  );
};

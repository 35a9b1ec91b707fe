import { Plus, Trash2 } from 'lucide-react';
import { formatDateGB } from '../../../shared/domain/dates';
import { AGENCY_LABEL, CATEGORY_LABEL, RIDDOR_LABEL, SEVERITY_LABEL } from '../../../shared/domain/incidents/labels';
import { riddorDays, riddorWithoutDelay } from '../../../shared/domain/incidents/riddor';
import { INCIDENT_CATEGORIES, RIDDOR_KINDS, SEVERITIES } from '../../../shared/schemas/values';
import { Field } from '../../components/Field';
import { RepeatedHourChoice } from '../../components/RepeatedHourChoice';
import { Select } from '../../components/Select';
import { TextArea } from '../../components/TextArea';
import { AGENCIES, draftDeadline, type IncidentDraft } from './incidentDraft';
import { localParts } from './londonInput';
import { QUICK_PICKS, type QuickPick } from './quickPicks';
import type { IncidentHelpers } from './useIncidentHelpers';

interface Props {
  draft: IncidentDraft;
  onChange: (next: IncidentDraft) => void;
  errors: Record<string, string>;
  sites: readonly { code: string; name: string }[];
  /** The site cannot change once a reference has been issued. */
  siteFixed?: boolean;
  /** Today, for a new follow-up's default due date. */
  today: string;
  /** Remembered locations and staff names to pick from (free text is always allowed). */
  helpers?: IncidentHelpers;
  /** Quick picks for common kinds, on the new-incident form. */
  picked?: QuickPick['id'] | null;
  onPick?: (pick: QuickPick) => void;
}

/** A list of staff to add to a free-text field of names, one pick at a time. */
const AddStaff = ({ to, names, value, onAdd }: { to: string; names: readonly string[]; value: string; onAdd: (next: string) => void }) =>
  names.length === 0 ? null : (
    <select
      className="add-staff"
      aria-label={`Add a staff member to ${to}`}
      value=""
      onChange={(e) => e.target.value && onAdd(value.trim() ? `${value.trim().replace(/,$/, '')}, ${e.target.value}` : e.target.value)}
    >
      <option value="">Add from staff…</option>
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );

/**
 * Every field of an incident, in the order a static-guarding report is written: where and when, who
 * reported it to whom, what happened and who saw it, what was done (with onward reporting), what is
 * still to do, and RIDDOR.
 */
/** The draft's fields that hold text. */
type TextKey = { [K in keyof IncidentDraft]: IncidentDraft[K] extends string ? K : never }[keyof IncidentDraft];

export const IncidentFields = ({ draft, onChange, errors, sites, siteFixed, today, helpers, picked, onPick }: Props) => {
  const put = <K extends keyof IncidentDraft>(key: K, value: IncidentDraft[K]) => onChange({ ...draft, [key]: value });
  /** A field bound to one text value of the draft, with its error. */
  const textField = (key: TextKey, label: string, type?: string) => (
    <Field label={label} type={type} value={draft[key]} onChange={(e) => put(key, e.target.value)} error={errors[key]} />
  );
  /** A date-and-time field and, when it holds a time in the hour that comes twice, which of the two it is. */
  const timeField = (key: 'occurredAt' | 'reportedAt', label: string) => {
    const at = localParts(draft[key]);
    return (
      <div>
        {textField(key, label, 'datetime-local')}
        {at && (
          <RepeatedHourChoice
            label={label}
            date={at.date}
            time={at.time}
            value={draft.zones[key]}
            onChange={(zone) => put('zones', { ...draft.zones, [key]: zone })}
          />
        )}
      </div>
    );
  };
  /** A free-text field of names, with the staff list to add them from. */
  const namesField = (key: 'peopleInvolved' | 'witnesses', label: string) => (
    <div>
      <TextArea label={label} rows={2} value={draft[key]} onChange={(e) => put(key, e.target.value)} error={errors[key]} />
      <AddStaff to={label} names={names} value={draft[key]} onAdd={(v) => put(key, v)} />
    </div>
  );
  /** Changes some fields of follow-up `n`. */
  const putFollowUp = (n: number, change: Partial<IncidentDraft['followUps'][number]>) =>
    put(
      'followUps',
      draft.followUps.map((x, i) => (i === n ? { ...x, ...change } : x)),
    );
  const deadline = draftDeadline(draft);
  const names = helpers?.staffNames ?? [];
  return (
    <div className="incident-fields">
      {onPick && (
        <div className="quick-picks" role="group" aria-label="Common kinds">
          <span className="field-label">Common kinds</span>
          {QUICK_PICKS.map((q, n) => (
            <button
              key={q.id}
              type="button"
              className="btn"
              aria-pressed={picked === q.id}
              aria-keyshortcuts={`Alt+${n + 1}`}
              onClick={() => onPick(q)}
            >
              {q.label} <span className="muted small">Alt+{n + 1}</span>
            </button>
          ))}
        </div>
      )}
      {helpers && (
        <>
          <datalist id="incident-locations">
            {helpers.locations.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          <datalist id="incident-staff">
            {names.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </>
      )}
      <fieldset className="form-section">
        <legend>Where and when</legend>
        <div className="grid-2">
          <Select
            label="Site"
            value={draft.site}
            disabled={siteFixed}
            onChange={(e) => put('site', e.target.value)}
            error={errors.site}
            options={sites.map((s) => [s.code, `${s.code} · ${s.name}`] as const)}
          />
          <Field
            label="Where in the site"
            value={draft.location}
            onChange={(e) => put('location', e.target.value)}
            error={errors.location}
            placeholder="e.g. Main reception"
            list={helpers ? 'incident-locations' : undefined}
            autoComplete="off"
            autoFocus={Boolean(onPick)}
          />
          {timeField('occurredAt', 'When it happened')}
          {timeField('reportedAt', 'When it was reported')}
          <Field
            label="Reported by"
            value={draft.reportedBy}
            onChange={(e) => put('reportedBy', e.target.value)}
            error={errors.reportedBy}
            hint="The person who told you"
            list={helpers ? 'incident-staff' : undefined}
            autoComplete="off"
          />
          {textField('reportedTo', 'Reported to')}
          <Select
            label="Category"
            value={draft.category}
            onChange={(e) => put('category', e.target.value as IncidentDraft['category'])}
            options={INCIDENT_CATEGORIES.map((c) => [c, CATEGORY_LABEL[c]] as const)}
          />
          <Select
            label="Severity"
            value={draft.severity}
            onChange={(e) => put('severity', e.target.value as IncidentDraft['severity'])}
            options={SEVERITIES.map((s) => [s, SEVERITY_LABEL[s]] as const)}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>What happened</legend>
        <TextArea
          label="What happened"
          rows={4}
          data-field="details"
          value={draft.details}
          onChange={(e) => put('details', e.target.value)}
          error={errors.details}
        />
        <div className="grid-2">
          {namesField('peopleInvolved', 'People involved')}
          {namesField('witnesses', 'Witnesses')}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Action taken</legend>
        <TextArea
          label="Action taken"
          value={draft.actionTaken}
          onChange={(e) => put('actionTaken', e.target.value)}
          error={errors.actionTaken}
        />
        <div className="onward" role="group" aria-label="Onward reporting">
          <p className="field-label">Onward reporting</p>
          {AGENCIES.map((a) => (
            <div key={a} className="onward-row">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.onward[a].on}
                  onChange={(e) => put('onward', { ...draft.onward, [a]: { ...draft.onward[a], on: e.target.checked } })}
                />{' '}
                {AGENCY_LABEL[a]}
              </label>
              {draft.onward[a].on && (
                <input
                  className="inline-input"
                  aria-label={`${AGENCY_LABEL[a]} reference`}
                  placeholder="Reference (e.g. CAD number)"
                  value={draft.onward[a].reference}
                  onChange={(e) => put('onward', { ...draft.onward, [a]: { ...draft.onward[a], reference: e.target.value } })}
                />
              )}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Action still to take</legend>
        {draft.followUps.length === 0 && <p className="muted small">No follow-ups.</p>}
        {draft.followUps.map((f, n) => (
          <div key={n} className="follow-up-row">
            <label className="choice" title="Done">
              <input
                type="checkbox"
                aria-label={`Follow-up ${n + 1} done`}
                checked={f.done}
                onChange={(e) => putFollowUp(n, { done: e.target.checked })}
              />
            </label>
            <Field
              label={`Follow-up ${n + 1}`}
              value={f.action}
              onChange={(e) => putFollowUp(n, { action: e.target.value })}
              error={errors[`followUps.${n}.action`]}
            />
            <Field
              label="Owner"
              value={f.owner}
              onChange={(e) => putFollowUp(n, { owner: e.target.value })}
              error={errors[`followUps.${n}.owner`]}
            />
            <Field
              label="Due"
              type="date"
              value={f.due}
              onChange={(e) => putFollowUp(n, { due: e.target.value })}
              error={errors[`followUps.${n}.due`]}
            />
            {!f.id && (
              <button
                type="button"
                className="btn btn-quiet"
                aria-label={`Remove follow-up ${n + 1}`}
                onClick={() =>
                  put(
                    'followUps',
                    draft.followUps.filter((_, i) => i !== n),
                  )
                }
              >
                <Trash2 aria-hidden size={16} />
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => put('followUps', [...draft.followUps, { action: '', owner: draft.reportedTo, due: today, done: false }])}
        >
          <Plus aria-hidden size={16} /> Add follow-up
        </button>
      </fieldset>

      <fieldset className="form-section">
        <legend>RIDDOR</legend>
        <label className="choice">
          <input type="checkbox" checked={draft.riddor.on} onChange={(e) => put('riddor', { ...draft.riddor, on: e.target.checked })} />{' '}
          Reportable under RIDDOR
        </label>
        {draft.riddor.on && (
          <>
            <Select
              label="RIDDOR kind"
              value={draft.riddor.kind}
              onChange={(e) => put('riddor', { ...draft.riddor, kind: e.target.value as IncidentDraft['riddor']['kind'] })}
              options={RIDDOR_KINDS.map((k) => [k, RIDDOR_LABEL[k]] as const)}
            />
            {deadline && (
              <p className="riddor-deadline" role="status">
                Report to the HSE by <strong>{formatDateGB(deadline)}</strong> ({riddorDays(draft.riddor.kind)} days from the incident).
                {riddorWithoutDelay(draft.riddor.kind) && ' Tell the HSE without delay by the quickest means as well.'}
              </p>
            )}
            <div className="grid-3">
              <Field
                label="Reported to the HSE on"
                type="date"
                value={draft.riddor.reportedOn}
                onChange={(e) => put('riddor', { ...draft.riddor, reportedOn: e.target.value })}
                error={errors['riddor.reportedOn']}
              />
              <Field
                label="How it was reported"
                value={draft.riddor.method}
                onChange={(e) => put('riddor', { ...draft.riddor, method: e.target.value })}
                placeholder="Online F2508, phone…"
              />
              <Field
                label="HSE reference"
                value={draft.riddor.hseReference}
                onChange={(e) => put('riddor', { ...draft.riddor, hseReference: e.target.value })}
              />
            </div>
          </>
        )}
      </fieldset>
    </div>
  );
};

import { Plus, Trash2 } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import { DAY_KEYS, dayLabel, validateSite, type FieldErrors } from '../../../shared/domain/directory';
import { SERVICES, SIA_SECTORS, type Service } from '../../../shared/schemas/common';
import { SECTOR_NAMES } from '../../../shared/domain/rota';
import type { DayKey, Site, SiteInput } from '../../../shared/schemas/site';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStoreFields } from '../../store/appStore';
import { CoverEditor, SERVICE_LABEL } from './CoverEditor';
import { tidyTime } from './timeText';
import './sites.css';
import { TableHead } from '../../components/TableHead';

/** A new site starts open office hours on weekdays and closed at weekends, running reception. */
export const blankSite = (): SiteInput => ({
  code: '',
  name: '',
  address: '',
  opening: {
    mon: { open: '08:00', close: '18:00' },
    tue: { open: '08:00', close: '18:00' },
    wed: { open: '08:00', close: '18:00' },
    thu: { open: '08:00', close: '18:00' },
    fri: { open: '08:00', close: '18:00' },
    sat: null,
    sun: null,
    bankHoliday: null,
  },
  services: ['reception'],
  cover: {
    reception: {
      mon: [{ start: '08:00', end: '18:00', min: 1 }],
      tue: [{ start: '08:00', end: '18:00', min: 1 }],
      wed: [{ start: '08:00', end: '18:00', min: 1 }],
      thu: [{ start: '08:00', end: '18:00', min: 1 }],
      fri: [{ start: '08:00', end: '18:00', min: 1 }],
    },
    security: {},
    cleaning: {},
  },
  contacts: [],
  notes: '',
});

const inputOf = (s: Site): SiteInput => ({
  code: s.code,
  name: s.name,
  address: s.address,
  opening: s.opening,
  services: s.services,
  cover: s.cover,
  securityLicence: s.securityLicence ?? null,
  permanentPresence: s.permanentPresence ?? false,
  contacts: s.contacts,
  notes: s.notes,
});

/** Edits every part of a site (or adds one): details, opening hours, services, contacts and cover. */
export const SiteEditor = ({ site, onDone }: { site: Site | null; onDone: (code: string | null, saved: boolean) => void }) => {
  const { sites, saveSite, createSite } = useStoreFields('sites', 'saveSite', 'createSite');
  const initial = useMemo(() => (site ? inputOf(site) : blankSite()), [site]);
  const [form, setForm] = useState<SiteInput>(initial);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const existing = useMemo(() => (sites.status === 'ready' ? sites.data : []), [sites]);
  const live = useMemo(() => validateSite(form, existing, site?.id), [form, existing, site?.id]);
  // Cover problems show as they are typed; the rest once a save has been tried, so a new form is not all red.
  const shown: FieldErrors = {
    ...serverErrors,
    ...(tried ? live : Object.fromEntries(Object.entries(live).filter(([k]) => k.startsWith('cover.') && k.split('.').length > 3))),
  };
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const set = (patch: Partial<SiteInput>) => {
    setForm({ ...form, ...patch });
    setServerErrors({});
  };

  const toggleService = (s: Service) => {
    const on = form.services.includes(s);
    // Taking a service away takes its cover with it, or the site would keep cover nobody is rostered for.
    set({
      services: on ? form.services.filter((x) => x !== s) : SERVICES.filter((x) => x === s || form.services.includes(x)),
      cover: on ? { ...form.cover, [s]: {} } : form.cover,
    });
  };
  const setOpening = (day: DayKey, value: SiteInput['opening'][DayKey]) => set({ opening: { ...form.opening, [day]: value } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(live).length) return;
    setBusy(true);
    if (site) {
      const failure = await saveSite({ ...form, id: site.id, rev: site.rev });
      setBusy(false);
      if (failure) return setServerErrors(fieldErrors(failure));
      onDone(site.code, true);
    } else {
      const r = await createSite(form);
      setBusy(false);
      if (!r.ok) return setServerErrors(fieldErrors(r));
      onDone(r.data.code, true);
    }
  };
  const problemCount = Object.keys(shown).filter((k) => k !== '_').length;

  return (
    <form onSubmit={submit} noValidate aria-label={site ? `Edit ${site.name}` : 'Add a site'}>
      {serverErrors._ && <Banner tone="error">{serverErrors._}</Banner>}
      {tried && problemCount > 0 && !serverErrors._ && (
        <Banner tone="error">
          {problemCount === 1 ? 'One thing needs fixing' : `${problemCount} things need fixing`} before the site can be saved:{' '}
          {Object.values(shown)[0]}
        </Banner>
      )}
      <div className="card">
        <h2>Details</h2>
        <div className="form-grid">
          <Field
            label="Code"
            value={form.code}
            disabled={Boolean(site)}
            maxLength={4}
            onChange={(e) => set({ code: e.target.value.toUpperCase() })}
            error={shown.code}
            hint={site ? 'Fixed once set: references use it' : '2–4 capital letters, e.g. CH'}
          />
          <Field label="Site name" value={form.name} onChange={(e) => set({ name: e.target.value })} error={shown.name} />
        </div>
        <Field label="Address" value={form.address} onChange={(e) => set({ address: e.target.value })} error={shown.address} />
        <fieldset className="field">
          <legend>Services run here</legend>
          <div className="cover-day-actions">
            {SERVICES.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" checked={form.services.includes(s)} onChange={() => toggleService(s)} /> {SERVICE_LABEL[s]}
              </label>
            ))}
          </div>
          {shown.services && <p className="field-error">{shown.services}</p>}
        </fieldset>
        {form.services.includes('security') && (
          <>
            <div className="field">
              <label htmlFor="site-licence">Security post needs licence</label>
              <select
                id="site-licence"
                aria-describedby="site-licence-hint"
                value={form.securityLicence ?? ''}
                onChange={(e) => set({ securityLicence: (e.target.value || null) as SiteInput['securityLicence'] })}
              >
                <option value="">Security Guarding (or Door Supervision)</option>
                {SIA_SECTORS.map((k) => (
                  <option key={k} value={k}>
                    {SECTOR_NAMES[k]}
                  </option>
                ))}
              </select>
              <p id="site-licence-hint" className="field-hint">
                A CCTV or control-room post needs Public Space Surveillance. Officers whose licence does not cover it are blocked.
              </p>
            </div>
            <label className="choice">
              <input
                type="checkbox"
                checked={form.permanentPresence ?? false}
                onChange={(e) => set({ permanentPresence: e.target.checked })}
              />{' '}
              Security here needs permanent presence (WTR reg. 21(b)): rest and break shortfalls become compensatory rest owed
            </label>
          </>
        )}
      </div>

      <div className="card" style={{ marginTop: 'var(--s4)' }}>
        <h2>Opening hours</h2>
        <table className="opening-table">
          <TableHead columns={['Day', 'Open', 'From', 'To']} hidden="Problem" />
          <tbody>
            {DAY_KEYS.map((day) => {
              const hours = form.opening[day];
              const err = shown[`opening.${day}.open`] ?? shown[`opening.${day}.close`];
              return (
                <tr key={day}>
                  <th scope="row">{dayLabel(day)}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Open on ${dayLabel(day)}`}
                      checked={Boolean(hours)}
                      onChange={(e) => setOpening(day, e.target.checked ? { open: '08:00', close: '18:00' } : null)}
                    />
                  </td>
                  <td>
                    {hours && (
                      <input
                        className="small-input time-input"
                        aria-label={`${dayLabel(day)} opens`}
                        value={hours.open}
                        aria-invalid={Boolean(shown[`opening.${day}.open`])}
                        onChange={(e) => setOpening(day, { ...hours, open: e.target.value })}
                        onBlur={(e) => setOpening(day, { ...hours, open: tidyTime(e.target.value) })}
                      />
                    )}
                  </td>
                  <td>
                    {hours && (
                      <input
                        className="small-input time-input"
                        aria-label={`${dayLabel(day)} closes`}
                        value={hours.close}
                        aria-invalid={Boolean(shown[`opening.${day}.close`])}
                        onChange={(e) => setOpening(day, { ...hours, close: e.target.value })}
                        onBlur={(e) => setOpening(day, { ...hours, close: tidyTime(e.target.value) })}
                      />
                    )}
                  </td>
                  <td>{err ? <span className="inline-error">{err}</span> : !hours ? <span className="muted">Closed</span> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="card" style={{ marginTop: 'var(--s4)' }}>
        <h2>Cover requirements</h2>
        <p className="muted">
          The fewest people needed on each service at each time. Windows add up where they overlap, as a contract states them: 00:00–24:00 ×
          1 plus 07:00–19:00 × 2 means three people from 07:00 to 19:00. The timeline shows the total.
        </p>
        <CoverEditor
          site={{ code: form.code, id: site?.id }}
          services={form.services}
          cover={form.cover}
          errors={shown}
          dirty={dirty}
          onChange={(cover) => set({ cover })}
        />
      </div>

      <div className="card" style={{ marginTop: 'var(--s4)' }}>
        <h2>Key contacts</h2>
        {form.contacts.length === 0 && <p className="muted">No contacts yet: add the building manager and out-of-hours key holder.</p>}
        {form.contacts.map((c, i) => (
          <div className="contact-row" key={i}>
            <Field
              label={`Contact ${i + 1} name`}
              value={c.name}
              error={shown[`contacts.${i}.name`]}
              onChange={(e) => set({ contacts: form.contacts.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
            />
            <Field
              label={`Contact ${i + 1} role`}
              value={c.role}
              onChange={(e) => set({ contacts: form.contacts.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)) })}
            />
            <Field
              label={`Contact ${i + 1} phone`}
              value={c.phone}
              inputMode="tel"
              onChange={(e) => set({ contacts: form.contacts.map((x, j) => (j === i ? { ...x, phone: e.target.value } : x)) })}
            />
            <button
              type="button"
              className="btn btn-quiet"
              style={{ marginBottom: 'var(--s4)' }}
              aria-label={`Remove contact ${i + 1}`}
              onClick={() => set({ contacts: form.contacts.filter((_, j) => j !== i) })}
            >
              <Trash2 aria-hidden size={16} />
            </button>
          </div>
        ))}
        <button type="button" className="btn" onClick={() => set({ contacts: [...form.contacts, { name: '', role: '', phone: '' }] })}>
          <Plus aria-hidden size={16} /> Add contact
        </button>
        <div className="field" style={{ marginTop: 'var(--s4)' }}>
          <label htmlFor="site-notes">Notes</label>
          <textarea id="site-notes" rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />
        </div>
      </div>

      <div className="sticky-actions">
        <button type="button" className="btn" onClick={() => onDone(site?.code ?? null, false)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : site ? 'Save site' : 'Add site'}
        </button>
      </div>
    </form>
  );
};

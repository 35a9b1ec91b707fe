import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/schemas/settings';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStoreFields } from '../../store/appStore';

/**
 * Which sites this install is the home desk for (it issues their plain references, CH-2026-0042) and
 * its tag for every other site's references (CH-2026-0043-K7QF2), so two machines never clash offline.
 */
export const ReferenceSettings = () => {
  const { settings, loadSettings } = useStoreFields('settings', 'loadSettings');
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  return settings.status === 'ready' ? <ReferenceForm initial={settings.data} /> : null;
};

const ReferenceForm = ({ initial }: { initial: Settings }) => {
  const { saveSettings, sites } = useStoreFields('saveSettings', 'sites');
  const [home, setHome] = useState<string[]>(initial.homeDeskSites ?? []);
  const [tag, setTag] = useState(initial.installTag ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await saveSettings({ homeDeskSites: home, ...(tag ? { installTag: tag.toUpperCase() } : {}) });
    setErrors(fieldErrors(failure));
    setSaved(!failure);
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="refs-title">
      <h2 id="refs-title">Incident references on this computer</h2>
      <p className="muted">
        Each site’s own desk PC issues its plain references (CH-2026-0042). Any other computer adds its tag (CH-2026-0043-{tag || 'K…'}), so
        two computers recording for one site while offline never issue the same reference.
      </p>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <fieldset className="field">
        <legend>This computer is the home desk for</legend>
        <div className="reference-sites">
          {(sites.status === 'ready' ? sites.data : []).map((s) => (
            <label key={s.code} className="choice">
              <input
                type="checkbox"
                checked={home.includes(s.code)}
                onChange={(e) => setHome(e.target.checked ? [...home, s.code] : home.filter((c) => c !== s.code))}
              />{' '}
              {s.code} · {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Tag for other sites’ references"
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        error={errors.installTag}
        hint="1–6 capitals or digits starting with a letter; leave empty to keep the one made from this install’s id"
      />
      {saved && <Banner tone="ok">Saved.</Banner>}
      <button className="btn btn-primary" type="submit">
        Save
      </button>
    </form>
  );
};

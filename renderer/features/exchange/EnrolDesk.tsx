import { useEffect, useState, type FormEvent } from 'react';
import { forDesk } from '../../../shared/domain/deskAccounts';
import { Banner } from '../../components/Banner';
import { download } from '../../components/download';
import { useStoreFields } from '../../store/appStore';
import { SitePicker } from './ExchangeView';

/** A manager sets up a new site desk: its sites and supervisors, then a file and a one-time code. */
export const EnrolDesk = () => {
  const { supervisors, loadSupervisors, createEnrolment } = useStoreFields('supervisors', 'loadSupervisors', 'createEnrolment');
  const [sites, setSites] = useState<string[]>([]);
  const [people, setPeople] = useState<string[]>([]);
  const [result, setResult] = useState<{ fileName: string; code: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hubName, setHubName] = useState('');
  const [hubPassword, setHubPassword] = useState('');
  useEffect(() => {
    void loadSupervisors();
  }, [loadSupervisors]);
  const list =
    supervisors.status === 'ready' ? supervisors.data.filter((a) => sites.length === 0 || a.sites.some((s) => sites.includes(s))) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const hub = hubName.trim() || hubPassword ? { name: hubName.trim(), password: hubPassword } : undefined;
    // Only those still shown: a supervisor ticked before the sites were chosen, then hidden by them, is not sent (the
    // desk could not take them, and the refusal would name someone the manager can no longer see to untick).
    const r = await createEnrolment(
      sites,
      people.filter((id) => list.some((a) => a.id === id)),
      hub,
    );
    if (!r.ok) return setError(r.message);
    setError(null);
    setHubPassword('');
    download(r.data);
    setResult({ fileName: r.data.filename, code: r.data.code });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="enrol-title">
      <h2 id="enrol-title">Set up a site desk</h2>
      <ol className="steps muted">
        <li>Choose the desk’s sites and the supervisors who will sign in there (add them in Settings first).</li>
        <li>Save the enrolment file and copy it to the desk’s computer.</li>
        <li>On the desk, start SiteDesk, choose “Set up as a site desk from an enrolment file” and type the code.</li>
      </ol>
      <SitePicker legend="The desk’s sites" chosen={sites} onChange={setSites} />
      <fieldset className="field">
        <legend>Supervisors at this desk</legend>
        {list.length === 0 && <p className="muted">No supervisors for these sites yet.</p>}
        <div className="choice-grid">
          {list.map((a) => (
            <label key={a.id} className="choice">
              <input
                type="checkbox"
                checked={people.includes(a.id)}
                onChange={() => setPeople(people.includes(a.id) ? people.filter((p) => p !== a.id) : [...people, a.id])}
              />{' '}
              {a.displayName} ({(sites.length ? forDesk(a, sites) : a).sites.join(', ')})
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>The desk’s hub user (if the organisation syncs through a hub)</legend>
        <p className="muted" id="enrol-hub-help">
          The user council IT made for this desk on the hub. The file carries it, encrypted, so the desk syncs by itself. Leave both empty
          for a desk without a hub.
        </p>
        <label className="field">
          Hub user name
          <input
            value={hubName}
            onChange={(e) => setHubName(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="enrol-hub-help"
          />
        </label>
        <label className="field">
          Hub password
          <input
            type="password"
            value={hubPassword}
            onChange={(e) => setHubPassword(e.target.value)}
            autoComplete="new-password"
            aria-describedby="enrol-hub-help"
          />
        </label>
      </fieldset>
      {error && <Banner tone="error">{error}</Banner>}
      {result && (
        <Banner tone="ok">
          Saved {result.fileName}. The code to type at the desk is{' '}
          <strong className="code" data-testid="enrolment-code">
            {result.code}
          </strong>
          . Give it separately from the file; it is not shown again.
        </Banner>
      )}
      <button className="btn btn-primary" type="submit">
        Make enrolment file
      </button>
    </form>
  );
};

import { useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStoreFields } from '../../store/appStore';
import { conflictsText, syncText } from './labels';
import { SyncState } from './SyncIndicator';

/** Settings → Sync (managers): point this install at the council's hub with its own hub user. */
export const SyncSettings = () => {
  const { syncStatus: status, connectSync, go } = useStoreFields('syncStatus', 'connectSync', 'go');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setBusy(true);
    const failure = await connectSync({ url, name, password });
    setBusy(false);
    setErrors(fieldErrors(failure));
    if (failure) return;
    setDone(true);
    setPassword('');
  };
  const current = status && syncText(status);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <p className="muted">
        {current ? (
          <>
            Now: <SyncState status={status} />
            {status?.hub && <> with {status.hub}</>}
          </>
        ) : (
          'Sync is off: this install is not connected to a hub.'
        )}
      </p>
      {status && status.state !== 'off' && (
        <p>
          <button className="btn" type="button" onClick={() => go('conflicts')}>
            Conflicts
          </button>{' '}
          <span>{conflictsText(status.conflicts)}</span>
        </p>
      )}
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <Field
        label="Hub address"
        type="url"
        inputMode="url"
        autoComplete="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errors.url}
        hint="Given by council IT, e.g. https://hub.council.example:6984"
      />
      <Field label="Hub user name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <Field
        label="Hub password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      {done && <Banner tone="ok">Connected. Changes now flow to and from the hub by themselves.</Banner>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  );
};

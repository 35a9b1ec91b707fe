import { useEffect, useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore, useStoreFields } from '../../store/appStore';
import { AccountDialog } from './AccountDialog';
import { PasswordSettings } from './PasswordSettings';
import { ReferenceSettings } from '../incidents/ReferenceSettings';
import { LeaveSettings } from './LeaveSettings';
import { RuleSettingsSection } from './RuleSettings';
import { SyncSettings } from '../sync/SyncSettings';
import { TableHead } from '../../components/TableHead';

const LockSettings = () => {
  const { settings, loadSettings } = useStoreFields('settings', 'loadSettings');
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  return settings.status === 'ready' ? <LockForm initial={settings.data.idleLockMinutes} /> : null;
};

const LockForm = ({ initial }: { initial: number }) => {
  const saveSettings = useStore((s) => s.saveSettings);
  const [minutes, setMinutes] = useState(String(initial));
  const [msg, setMsg] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await saveSettings({ idleLockMinutes: Number(minutes) });
    setMsg(failure ? { tone: 'error', text: failure.message } : { tone: 'ok', text: 'Saved.' });
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Screen lock</h2>
      <Field
        label="Lock after idle minutes"
        type="number"
        min={1}
        max={60}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        hint="The desk screen is seen by the public: 5 minutes is a sensible default."
      />
      {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
      <button className="btn btn-primary" type="submit">
        Save
      </button>
    </form>
  );
};

const PinSettings = () => {
  const { setPin, auth } = useStoreFields('setPin', 'auth');
  const [password, setPassword] = useState('');
  const [pin, setPinValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await setPin(password, pin || null);
    setErrors(fieldErrors(failure));
    setDone(!failure);
    if (!failure) setPassword('');
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>My unlock PIN</h2>
      <p className="muted">
        A PIN unlocks the screen quickly at the desk. It never signs you in on its own.{' '}
        {auth?.user?.hasPin ? 'You have a PIN set.' : 'You have no PIN yet.'}
      </p>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Field
        label="New PIN (leave empty to remove)"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(e) => setPinValue(e.target.value)}
        error={errors.pin}
        hint="4 to 8 digits"
      />
      {done && <Banner tone="ok">PIN saved.</Banner>}
      <button className="btn btn-primary" type="submit">
        Save PIN
      </button>
    </form>
  );
};

const Accounts = () => {
  const { accounts, loadAccounts, setAccountDisabled, loadSites } = useStoreFields(
    'accounts',
    'loadAccounts',
    'setAccountDisabled',
    'loadSites',
  );
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadAccounts();
    void loadSites();
  }, [loadAccounts, loadSites]);
  return (
    <section className="card" aria-labelledby="accounts-title">
      <div className="card-head">
        <h2 id="accounts-title">Accounts</h2>
        <button className="btn btn-primary" onClick={() => setOpen(true)}>
          Add account
        </button>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      {accounts.status === 'ready' && (
        <table className="table">
          <TableHead columns={['Name', 'User name', 'Role', 'Sites', 'Status']} hidden="Actions" />
          <tbody>
            {accounts.data.map((a) => (
              <tr key={a.id}>
                <td className="strong">{a.displayName}</td>
                <td>{a.username}</td>
                <td>{a.role === 'manager' ? 'Manager' : 'Supervisor'}</td>
                <td>{a.role === 'manager' ? 'All sites' : a.sites.join(', ')}</td>
                <td>{a.disabled ? '⊘ Disabled' : '✓ Active'}</td>
                <td>
                  <button
                    className="btn btn-quiet"
                    onClick={async () => {
                      const f = await setAccountDisabled(a.id, !a.disabled);
                      setError(f?.message ?? null);
                    }}
                  >
                    {a.disabled ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AccountDialog open={open} onOpenChange={setOpen} />
    </section>
  );
};

/** Settings: the lock timer, rota rules, accounts and sync for managers; the unlock PIN and password for everyone. */
export const SettingsView = () => {
  const role = useStore((s) => s.auth?.user?.role);
  return (
    <section aria-labelledby="settings-title">
      <header className="page-head">
        <h1 id="settings-title">Settings</h1>
      </header>
      <div className="stack">
        {role === 'manager' && <LockSettings />}
        <PinSettings />
        <PasswordSettings />
        {role === 'manager' && <RuleSettingsSection />}
        {role === 'manager' && <LeaveSettings />}
        {role === 'manager' && <Accounts />}
        {role === 'manager' && <SyncSettings />}
        {role === 'manager' && <ReferenceSettings />}
      </div>
    </section>
  );
};

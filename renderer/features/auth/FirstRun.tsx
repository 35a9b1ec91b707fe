import { useState, type FormEvent, type ReactNode } from 'react';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { readFileBase64 } from '../../components/files';
import { useStore } from '../../store/appStore';
import { AuthCard } from './AuthCard';
import type { Err } from '../../../shared/result';

type Mode = 'manager' | 'desk' | 'restore';
const MODES: { id: Mode; label: string }[] = [
  { id: 'manager', label: 'Set up as the first manager' },
  { id: 'desk', label: 'Set up as a site desk from an enrolment file' },
  { id: 'restore', label: 'Restore from a backup file (a new laptop)' },
];

type SetupResult = { ok: true } | Err;

/** A setup from a file the manager made: the file, the secret that opens it, and the button that runs it. */
const FileSetup = (props: {
  id: string;
  fileLabel: string;
  accept: string;
  /** The errors shown when no file is chosen. */
  noFile: Record<string, string>;
  /** The field for the secret that opens the file, given its value, its setter and the errors. */
  secretField: (value: string, set: (v: string) => void, errors: Record<string, string>) => ReactNode;
  action: string;
  busyAction: string;
  run: (base64: string, secret: string) => Promise<SetupResult>;
}) => {
  const [file, setFile] = useState<File | null>(null);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setErrors(props.noFile);
    setBusy(true);
    const r = await props.run(await readFileBase64(file), secret);
    setBusy(false);
    setErrors(r.ok ? {} : fieldErrors(r));
  };
  return (
    <form onSubmit={submit} noValidate>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <div className="field">
        <label htmlFor={props.id}>{props.fileLabel}</label>
        <input
          id={props.id}
          type="file"
          accept={props.accept}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-invalid={Boolean(errors.file)}
        />
      </div>
      {props.secretField(secret, setSecret, errors)}
      <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
        {busy ? props.busyAction : props.action}
      </button>
    </form>
  );
};

/** A fresh desk: the enrolment file from the manager and the code given with it. */
const DeskSetup = () => {
  const enrolDesk = useStore((s) => s.enrolDesk);
  return (
    <FileSetup
      id="enrol-file"
      fileLabel="Enrolment file (.sitedesk-enrolment)"
      accept=".sitedesk-enrolment"
      noFile={{ file: 'Choose the enrolment file' }}
      secretField={(code, setCode, errors) => (
        <Field
          label="Enrolment code"
          hint="The code the manager gave you with the file, e.g. K7QM-W3XP-9RTA"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.code}
        />
      )}
      action="Set up this desk"
      busyAction="Setting up…"
      run={enrolDesk}
    />
  );
};

/** A new laptop: everything from a whole-folder backup file. */
const RestoreSetup = () => {
  const restoreFreshBackupFile = useStore((s) => s.restoreFreshBackupFile);
  return (
    <FileSetup
      id="restore-file"
      fileLabel="Backup file (.sitedesk-backup)"
      accept=".sitedesk-backup"
      noFile={{ _: 'Choose the backup file', file: 'Choose the backup file' }}
      secretField={(passphrase, setPassphrase, errors) => (
        <Field
          label="Backup file passphrase"
          hint="The passphrase the manager typed when exporting the file"
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={errors.passphrase}
        />
      )}
      action="Restore and continue"
      busyAction="Restoring…"
      run={restoreFreshBackupFile}
    />
  );
};

/** First run: there is no default account, so the first manager creates theirs, or a desk is enrolled, or a backup restored. */
export const FirstRun = () => {
  const [mode, setMode] = useState<Mode>('manager');
  const accountsLost = useStore((s) => s.auth?.accountsLost ?? false);
  if (accountsLost)
    return (
      <AuthCard title="Accounts need restoring" subtitle="This computer's data is still here, but nobody can sign in.">
        <Banner tone="error">
          The accounts file was damaged and no backup held a good copy. For safety neither a new manager nor a backup file can be set up
          from this screen, because anyone at this desk could use it to take over the data. Ask IT support to restore the accounts (the
          damaged file is kept in the quarantine folder).
        </Banner>
      </AuthCard>
    );
  return (
    <AuthCard title="Set up SiteDesk" subtitle="How is this computer being set up?">
      <fieldset className="field first-run-choices">
        <legend className="visually-hidden">How is this computer being set up?</legend>
        {MODES.map((m) => (
          <label key={m.id} className="choice">
            <input type="radio" name="setup-mode" checked={mode === m.id} onChange={() => setMode(m.id)} /> {m.label}
          </label>
        ))}
      </fieldset>
      {mode === 'manager' && <ManagerSetup />}
      {mode === 'desk' && <DeskSetup />}
      {mode === 'restore' && <RestoreSetup />}
    </AuthCard>
  );
};

/** The first manager creates theirs; managers add supervisors and everyone else later. */
const ManagerSetup = () => {
  const setup = useStore((s) => s.setup);
  const [form, setForm] = useState({ displayName: '', username: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.confirm) return setErrors({ confirm: 'The two passwords are not the same' });
    setBusy(true);
    const failure = await setup({ displayName: form.displayName, username: form.username, password: form.password });
    setBusy(false);
    setErrors(fieldErrors(failure));
  };
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
    error: errors[key],
  });

  return (
    <>
      <p className="muted">Create the first manager account. Managers add supervisors and everyone else later.</p>
      <form onSubmit={submit} noValidate>
        {errors._ && <Banner tone="error">{errors._}</Banner>}
        <Field label="Your name" autoComplete="name" autoFocus required {...bind('displayName')} />
        <Field
          label="User name"
          autoComplete="username"
          hint="Letters, digits, dots or dashes; used to sign in"
          required
          {...bind('username')}
        />
        <Field label="Password" type="password" autoComplete="new-password" hint="At least 8 characters" required {...bind('password')} />
        <Field label="Confirm password" type="password" autoComplete="new-password" required {...bind('confirm')} />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create manager account'}
        </button>
      </form>
    </>
  );
};

import { useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore } from '../../store/appStore';
import { AuthCard } from './AuthCard';

/** First run: there is no default account, so the first manager creates theirs. */
export const FirstRun = () => {
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
  const bind = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }), error: errors[key] });

  return (
    <AuthCard title="Set up SiteDesk" subtitle="Create the first manager account. Managers add supervisors and everyone else later.">
      <form onSubmit={submit} noValidate>
        {errors._ && <Banner tone="error">{errors._}</Banner>}
        <Field label="Your name" autoComplete="name" autoFocus required {...bind('displayName')} />
        <Field label="User name" autoComplete="username" hint="Letters, digits, dots or dashes; used to sign in" required {...bind('username')} />
        <Field label="Password" type="password" autoComplete="new-password" hint="At least 8 characters" required {...bind('password')} />
        <Field label="Confirm password" type="password" autoComplete="new-password" required {...bind('confirm')} />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create manager account'}
        </button>
      </form>
    </AuthCard>
  );
};

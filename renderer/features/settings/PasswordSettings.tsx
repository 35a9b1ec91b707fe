import { useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore } from '../../store/appStore';

/** Anyone signed in changes their own password: the current one, then the new one twice. */
export const PasswordSettings = () => {
  const changePassword = useStore((s) => s.changePassword);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (next !== confirm) {
      setErrors({ confirm: 'The two new passwords are not the same.' });
      return;
    }
    setBusy(true);
    const failure = await changePassword(current, next);
    setBusy(false);
    setErrors(fieldErrors(failure));
    if (failure) return;
    setDone(true);
    setCurrent('');
    setNext('');
    setConfirm('');
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">My password</h2>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.current}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={errors.next}
        hint="At least 8 characters"
      />
      <Field
        label="New password again"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirm}
      />
      {done && <Banner tone="ok">Password changed. Use the new one from now on.</Banner>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
};

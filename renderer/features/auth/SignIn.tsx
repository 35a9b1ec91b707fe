import { useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore } from '../../store/appStore';
import { AuthCard } from './AuthCard';

/** Sign-in, and the lock screen when `locked` (any user may unlock, with password or PIN). */
export const SignIn = ({ locked = false }: { locked?: boolean }) => {
  const signIn = useStore((s) => s.signIn);
  const unlock = useStore((s) => s.unlock);
  const signOut = useStore((s) => s.signOut);
  const auth = useStore((s) => s.auth);
  const [username, setUsername] = useState(locked ? (auth?.user?.username ?? '') : '');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failure = locked ? await unlock(username, secret) : await signIn(username, secret);
    setBusy(false);
    setErrors(fieldErrors(failure));
    if (failure) setSecret('');
  };

  return (
    <AuthCard
      title={locked ? 'Screen locked' : 'Sign in'}
      subtitle={
        locked
          ? `Locked while ${auth?.user?.displayName ?? 'someone'} was away. Anyone on this desk can unlock with their password or PIN.`
          : auth?.organisationName
      }
    >
      <form onSubmit={submit} noValidate>
        {errors._ && <Banner tone="error">{errors._}</Banner>}
        <Field
          label="User name"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus={!locked || !username}
          error={errors.username}
        />
        <Field
          label={locked ? 'Password or PIN' : 'Password'}
          type="password"
          autoComplete="current-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoFocus={locked && Boolean(username)}
          error={errors.password ?? errors.secret}
        />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? 'Checking…' : locked ? 'Unlock' : 'Sign in'}
        </button>
        {locked && (
          <button className="btn btn-quiet btn-block" type="button" onClick={() => void signOut()}>
            Sign out instead
          </button>
        )}
      </form>
    </AuthCard>
  );
};

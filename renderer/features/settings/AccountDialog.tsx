import { useState } from 'react';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useStoreFields } from '../../store/appStore';

/** A manager adds a supervisor (tied to sites) or another manager. */
export const AccountDialog = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { createAccount, sites } = useStoreFields('createAccount', 'sites');
  const [form, setForm] = useState({
    displayName: '',
    username: '',
    password: '',
    role: 'supervisor' as 'supervisor' | 'manager',
    sites: [] as string[],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const siteList = sites.status === 'ready' ? sites.data : [];

  const submit = async () => {
    const failure = await createAccount(form);
    setErrors(fieldErrors(failure));
    if (!failure) {
      onOpenChange(false);
      setForm({ displayName: '', username: '', password: '', role: 'supervisor', sites: [] });
    }
  };
  const toggleSite = (code: string) =>
    setForm({ ...form, sites: form.sites.includes(code) ? form.sites.filter((c) => c !== code) : [...form.sites, code] });

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Add an account"
      description="Supervisors see and record for their own sites only."
      onSubmit={submit}
      submitLabel="Add account"
      error={errors._}
    >
      <Field
        label="Name"
        value={form.displayName}
        onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        error={errors.displayName}
        autoFocus
      />
      <Field
        label="User name"
        value={form.username}
        onChange={(e) => setForm({ ...form, username: e.target.value })}
        error={errors.username}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        error={errors.password}
        hint="At least 8 characters"
      />
      <fieldset className="field">
        <legend>Role</legend>
        {(['supervisor', 'manager'] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="role" checked={form.role === r} onChange={() => setForm({ ...form, role: r })} />{' '}
            {r === 'manager' ? 'Manager' : 'Supervisor'}
          </label>
        ))}
      </fieldset>
      {form.role === 'supervisor' && (
        <fieldset className="field">
          <legend>Sites they supervise</legend>
          <div className="choice-grid">
            {siteList.map((s) => (
              <label key={s.code} className="choice">
                <input type="checkbox" checked={form.sites.includes(s.code)} onChange={() => toggleSite(s.code)} /> {s.code} · {s.name}
              </label>
            ))}
          </div>
          {errors.sites && (
            <p className="field-error" role="alert">
              {errors.sites}
            </p>
          )}
        </fieldset>
      )}
    </FormDialog>
  );
};

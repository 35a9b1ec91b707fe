import { useState } from 'react';
import type { TodayRow } from '../../../shared/contract/today';
import { correctionRefusal } from '../../../shared/domain/attendance/signInWindow';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useStore } from '../../store/appStore';
import { instantOf, skippedCorrections } from './correctTimes';
import { clockOf, correctionText } from './labels';

/** Puts a recorded time right; the record keeps what it said before, who changed it and why. */
export const CorrectDialog = ({ row, onClose, onSaved }: { row: TodayRow; onClose: () => void; onSaved: () => void }) => {
  const correctAttendance = useStore((s) => s.correctAttendance);
  const [initial] = useState(() => ({
    in: row.signedInAt ? clockOf(row.signedInAt) : '',
    out: row.signedOutAt ? clockOf(row.signedOutAt) : '',
  }));
  const [form, setForm] = useState({ ...initial, reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const refused = skippedCorrections(row, form);
    if (Object.keys(refused).length) return setErrors(refused);
    // A box left as it was keeps the recorded instant, seconds and all: only what the person changed is corrected.
    const signedInAt = form.in === initial.in ? row.signedInAt : form.in ? instantOf(row, form.in) : null;
    const signedOutAt = form.out === initial.out ? row.signedOutAt : form.out ? instantOf(row, form.out) : null;
    // The service would refuse a time outside the shift's window in these words; say so before sending.
    const outside = correctionRefusal(row, {
      signedInAt: signedInAt !== row.signedInAt ? signedInAt : null,
      signedOutAt: signedOutAt !== row.signedOutAt ? signedOutAt : null,
    });
    if (outside) return setErrors({ _: outside.message, ...outside.fields });
    const failure = await correctAttendance({
      ...(row.attendanceId ? { attendanceId: row.attendanceId } : { shiftId: row.shiftId }),
      ...(signedInAt !== row.signedInAt ? { signedInAt } : {}),
      ...(signedOutAt !== row.signedOutAt ? { signedOutAt } : {}),
      ...(row.state === 'no-show' && signedInAt ? { noShow: false } : {}),
      reason: form.reason,
    });
    setErrors(fieldErrors(failure));
    if (!failure) onSaved();
  };

  return (
    <FormDialog
      onOpenChange={(open) => !open && onClose()}
      title={`Correct ${row.name}’s times`}
      description={correctionText(row)}
      onSubmit={submit}
      submitLabel="Save correction"
      error={errors._}
    >
      <Field
        label="Signed in at"
        type="time"
        value={form.in}
        onChange={(e) => setForm({ ...form, in: e.target.value })}
        error={errors.signedInAt}
      />
      <Field
        label="Signed out at"
        type="time"
        value={form.out}
        onChange={(e) => setForm({ ...form, out: e.target.value })}
        error={errors.signedOutAt}
        hint="Leave empty if still on site"
      />
      <Field
        label="Reason"
        value={form.reason}
        onChange={(e) => setForm({ ...form, reason: e.target.value })}
        error={errors.reason}
        autoFocus
      />
    </FormDialog>
  );
};

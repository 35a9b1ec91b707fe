import { Dialog } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import type { TodayRow } from '../../../shared/contract/today';
import { addDays, londonInstant, minutesOfDay } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore } from '../../store/appStore';
import { clockOf } from './labels';

// A time before the shift's start on a night shift is the next morning.
const instantOf = (row: TodayRow, time: string): string => {
  const nextDay = minutesOfDay(row.end) <= minutesOfDay(row.start) && minutesOfDay(time) < minutesOfDay(row.start);
  return new Date(londonInstant(nextDay ? addDays(row.date, 1) : row.date, time)).toISOString();
};

/** Puts a recorded time right; the record keeps what it said before, who changed it and why. */
export const CorrectDialog = ({ row, onClose, onSaved }: { row: TodayRow; onClose: () => void; onSaved: () => void }) => {
  const { correctAttendance } = useStore();
  const [initial] = useState(() => ({ in: row.signedInAt ? clockOf(row.signedInAt) : '', out: row.signedOutAt ? clockOf(row.signedOutAt) : '' }));
  const [form, setForm] = useState({ ...initial, reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A box left as it was keeps the recorded instant, seconds and all: only what the person changed is corrected.
    const signedInAt = form.in === initial.in ? row.signedInAt : form.in ? instantOf(row, form.in) : null;
    const signedOutAt = form.out === initial.out ? row.signedOutAt : form.out ? instantOf(row, form.out) : null;
    const failure = await correctAttendance({
      attendanceId: row.attendanceId!,
      ...(signedInAt !== row.signedInAt ? { signedInAt } : {}),
      ...(signedOutAt !== row.signedOutAt ? { signedOutAt } : {}),
      ...(row.state === 'no-show' && signedInAt ? { noShow: false } : {}),
      reason: form.reason,
    });
    setErrors(fieldErrors(failure));
    if (!failure) onSaved();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Correct {row.name}’s times</Dialog.Title>
          <Dialog.Description className="muted">
            Shift {row.start}–{row.end}. The original times stay on the record with your reason.
          </Dialog.Description>
          <form onSubmit={submit} noValidate>
            {errors._ && <Banner tone="error">{errors._}</Banner>}
            <Field label="Signed in at" type="time" value={form.in} onChange={(e) => setForm({ ...form, in: e.target.value })} error={errors.signedInAt} />
            <Field label="Signed out at" type="time" value={form.out} onChange={(e) => setForm({ ...form, out: e.target.value })} error={errors.signedOutAt} hint="Leave empty if still on site" />
            <Field label="Reason" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} error={errors.reason} autoFocus />
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn">
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-primary">
                Save correction
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};

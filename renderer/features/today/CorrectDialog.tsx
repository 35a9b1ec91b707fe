import { useState } from 'react';
import type { TodayRow } from '../../../shared/contract/today';
import { correctionRefusal } from '../../../shared/domain/attendance/signInWindow';
import { londonParts, repeatedZoneOf, type LondonZone } from '../../../shared/domain/dates';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { RepeatedHourChoice } from '../../components/RepeatedHourChoice';
import { useStore } from '../../store/appStore';
import { dateOf, instantOf, skippedCorrections } from './correctTimes';
import { correctionText } from './labels';

/** A recorded instant as its time box and, in the hour the clocks go back, which of the two it was. */
const boxOf = (iso: string | null): { time: string; zone: LondonZone } =>
  iso ? { time: londonParts(Date.parse(iso)).time, zone: repeatedZoneOf(Date.parse(iso)) ?? 'BST' } : { time: '', zone: 'BST' };

/** Puts a recorded time right; the record keeps what it said before, who changed it and why. */
export const CorrectDialog = ({ row, onClose, onSaved }: { row: TodayRow; onClose: () => void; onSaved: () => void }) => {
  const correctAttendance = useStore((s) => s.correctAttendance);
  const [initial] = useState(() => ({ in: boxOf(row.signedInAt), out: boxOf(row.signedOutAt) }));
  const [form, setForm] = useState({ ...initial, reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const refused = skippedCorrections(row, { in: form.in.time, out: form.out.time });
    if (Object.keys(refused).length) return setErrors(refused);
    // A box left as it was keeps the recorded instant, seconds and all: only what the person changed is corrected.
    const read = (box: 'in' | 'out', recorded: string | null) => {
      const { time, zone } = form[box];
      if (time === initial[box].time && zone === initial[box].zone) return recorded;
      return time ? instantOf(row, time, zone) : null;
    };
    const signedInAt = read('in', row.signedInAt);
    const signedOutAt = read('out', row.signedOutAt);
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

  /** A time box and, when it holds a time in the hour that comes twice, which of the two it is. */
  const timeBox = (box: 'in' | 'out', label: string, field: string, hint?: string) => (
    <>
      <Field
        label={label}
        type="time"
        value={form[box].time}
        onChange={(e) => setForm({ ...form, [box]: { ...form[box], time: e.target.value } })}
        error={errors[field]}
        hint={hint}
      />
      {form[box].time && (
        <RepeatedHourChoice
          label={label}
          date={dateOf(row, form[box].time)}
          time={form[box].time}
          value={form[box].zone}
          onChange={(zone) => setForm({ ...form, [box]: { ...form[box], zone } })}
        />
      )}
    </>
  );

  return (
    <FormDialog
      onOpenChange={(open) => !open && onClose()}
      title={`Correct ${row.name}’s times`}
      description={correctionText(row)}
      onSubmit={submit}
      submitLabel="Save correction"
      error={errors._}
    >
      {timeBox('in', 'Signed in at', 'signedInAt')}
      {timeBox('out', 'Signed out at', 'signedOutAt', 'Leave empty if still on site')}
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

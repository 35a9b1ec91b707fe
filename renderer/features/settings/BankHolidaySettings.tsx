import { useState, type FormEvent } from 'react';
import { bankHolidaysBetween, bankHolidaysOf, type BankHolidayChanges } from '../../../shared/domain/bankHolidays';
import { addDays, formatDateGB, londonToday } from '../../../shared/domain/dates';
import { bankHolidayChangesSchema } from '../../../shared/schemas/ruleSettings';
import type { Settings } from '../../../shared/schemas/settings';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { clearSent } from '../../components/clearSent';
import { Field } from '../../components/Field';
import { useNow } from '../../components/useNow';
import { useStore } from '../../store/appStore';

/** Server or schema messages about the day being added, under the two fields that make it. */
const addErrors = (fields: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const m = /added\.\d+\.(date|name)$/.exec(k);
    out[m ? m[1] : '_'] ??= v;
  }
  return out;
};

/**
 * The bank holidays the cover rules use: the coming year's, worked out with substitute days, plus a
 * manager's one-off additions and removals. Each change is saved at once.
 */
export const BankHolidaySettings = ({ settings }: { settings: Settings }) => {
  const saveSettings = useStore((s) => s.saveSettings);
  const today = londonToday(useNow());
  const changes = settings.bankHolidayChanges;
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const coming = bankHolidaysBetween(today, addDays(today, 365), changes);
  const added = new Set(changes.added.map((h) => h.date));
  const nameOf = (d: string) => bankHolidaysOf(Number(d.slice(0, 4))).find((h) => h.date === d)?.name ?? '';

  const save = async (next: BankHolidayChanges, what: string) => {
    const checked = bankHolidayChangesSchema.safeParse(next);
    if (!checked.success) return setErrors(addErrors(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message]))));
    const failure = await saveSettings({ bankHolidayChanges: checked.data });
    setErrors(addErrors(fieldErrors(failure)));
    setDone(failure ? null : what);
    return !failure;
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!date) return setErrors({ date: 'Choose the date' });
    const sent = { date, name };
    if (
      await save({ ...changes, added: [...changes.added, { date, name: name.trim() }] }, `Added ${formatDateGB(date)} as a bank holiday.`)
    ) {
      setDate(clearSent(sent.date));
      setName(clearSent(sent.name));
    }
  };
  const remove = (d: string) =>
    void save(
      added.has(d) ? { ...changes, added: changes.added.filter((h) => h.date !== d) } : { ...changes, removed: [...changes.removed, d] },
      `${formatDateGB(d)} is no longer a bank holiday here.`,
    );
  const putBack = (d: string) =>
    void save({ ...changes, removed: changes.removed.filter((r) => r !== d) }, `${formatDateGB(d)} is a bank holiday again.`);

  return (
    <div className="holidays">
      <h3 id="holidays-title">Bank holidays (England and Wales)</h3>
      <p className="muted small">
        Worked out for every year, with substitute days and proclaimed changes. Cover set for bank holidays applies on these days. Add a
        one-off day the government proclaims, or remove one it moves.
      </p>
      {done && <Banner tone="ok">{done}</Banner>}
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <ul className="holiday-list" aria-labelledby="holidays-title">
        {coming.map((h) => (
          <li key={h.date}>
            <span className="holiday-date">{formatDateGB(h.date)}</span>
            <span className="holiday-name">
              {h.name}
              {added.has(h.date) && <span className="muted small"> · added here</span>}
            </span>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => remove(h.date)}
              aria-label={`Remove ${formatDateGB(h.date)}, ${h.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {changes.removed.length > 0 && (
        <>
          <h3 id="removed-title">Removed here</h3>
          <ul className="holiday-list" aria-labelledby="removed-title">
            {[...changes.removed].sort().map((d) => (
              <li key={d}>
                <span className="holiday-date">{formatDateGB(d)}</span>
                <span className="holiday-name muted">{nameOf(d)}</span>
                <button type="button" className="btn btn-quiet" onClick={() => putBack(d)} aria-label={`Put back ${formatDateGB(d)}`}>
                  Put back
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="holiday-add" onSubmit={add} noValidate aria-label="Add a bank holiday">
        <Field label="New bank holiday" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        <Field
          label="Name of the day"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          placeholder="e.g. Royal wedding"
          maxLength={80}
        />
        <button className="btn" type="submit">
          Add day
        </button>
      </form>
    </div>
  );
};

import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LeavePolicy } from '../../../shared/schemas/settings';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore } from '../../store/appStore';
import './settings.css';

type Draft = { fixed: boolean; yearStart: string; carry: boolean; maxDays: string; months: string };

const draftOf = (p: LeavePolicy): Draft => ({
  fixed: p.yearStart !== null,
  yearStart: p.yearStart ?? '04-01',
  carry: p.carryOver !== null,
  maxDays: String(p.carryOver?.maxDays ?? 5),
  months: p.carryOver?.expiresAfterMonths ? String(p.carryOver.expiresAfterMonths) : '',
});

const numberOrNaN = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The organisation's leave year and carry-over rule, used by every leave balance. */
const LeaveForm = ({ initial }: { initial: LeavePolicy }) => {
  const saveSettings = useStore((s) => s.saveSettings);
  const [d, setD] = useState(() => draftOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setD({ ...d, ...patch });
    setDone(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await saveSettings({
      leave: {
        yearStart: d.fixed ? d.yearStart.trim() : null,
        carryOver: d.carry
          ? { maxDays: numberOrNaN(d.maxDays), expiresAfterMonths: d.months.trim() === '' ? null : numberOrNaN(d.months) }
          : null,
      },
    });
    const all = fieldErrors(failure);
    setErrors(Object.fromEntries(Object.entries(all).map(([k, v]) => [k.replace(/^leave\./, '').replace(/^carryOver\./, ''), v])));
    setDone(!failure);
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="leave-settings-title">
      <h2 id="leave-settings-title">Annual leave</h2>
      <fieldset className="plain-fieldset">
        <legend className="strong">Leave year</legend>
        <label className="choice">
          <input type="radio" name="leave-year" checked={!d.fixed} onChange={() => set({ fixed: false })} /> From each person&apos;s start
          date (the law&apos;s default with no agreement, WTR reg. 13(3))
        </label>
        <label className="choice">
          <input type="radio" name="leave-year" checked={d.fixed} onChange={() => set({ fixed: true })} /> The same year for everyone
        </label>
        {d.fixed && (
          <Field
            label="Leave year starts on (month-day)"
            value={d.yearStart}
            onChange={(e) => set({ yearStart: e.target.value })}
            hint="For example 04-01 for 1 April. A year agreed with a person on their record still applies to them."
            error={errors.yearStart}
          />
        )}
      </fieldset>
      <fieldset className="plain-fieldset">
        <legend className="strong">Carry-over</legend>
        <label className="choice">
          <input type="radio" name="carry" checked={!d.carry} onChange={() => set({ carry: false })} /> No rule: only the days set on each
          person&apos;s record are carried
        </label>
        <label className="choice">
          <input type="radio" name="carry" checked={d.carry} onChange={() => set({ carry: true })} /> Carry unused days into the next leave
          year
        </label>
        {d.carry && (
          <div className="form-grid">
            <Field
              label="Most days carried"
              type="number"
              min={0}
              max={60}
              step={0.5}
              value={d.maxDays}
              onChange={(e) => set({ maxDays: e.target.value })}
              error={errors.maxDays}
            />
            <Field
              label="Lapse if not taken within (months)"
              type="number"
              min={1}
              max={24}
              value={d.months}
              onChange={(e) => set({ months: e.target.value })}
              hint="Leave empty if carried days never lapse."
              error={errors.expiresAfterMonths}
            />
          </div>
        )}
      </fieldset>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      {done && <Banner tone="ok">Saved. Every leave balance now uses these rules.</Banner>}
      <button className="btn btn-primary" type="submit">
        Save leave rules
      </button>
    </form>
  );
};

/** The leave settings card, once the settings have loaded. */
export const LeaveSettings = () => {
  const { settings, loadSettings } = useStore(useShallow((s) => ({ settings: s.settings, loadSettings: s.loadSettings })));
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  return settings.status === 'ready' ? <LeaveForm initial={settings.data.leave} /> : null;
};

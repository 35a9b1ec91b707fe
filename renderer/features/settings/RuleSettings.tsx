import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../../../shared/domain/rota';
import {
  belowStatutory,
  CHOICE_RULES,
  RULE_LIMITS,
  TIME_RULE_BASIS,
  TIME_RULE_LABEL,
  type ChoiceRule,
  type NumericRule,
  type TimeRule,
} from '../../../shared/domain/rota/ruleLimits';
import { ruleSettingsSchema } from '../../../shared/schemas/ruleSettings';
import type { Settings } from '../../../shared/schemas/settings';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { useStore, useStoreFields } from '../../store/appStore';
import { BankHolidaySettings } from './BankHolidaySettings';
import './settings.css';

type Rule = keyof RuleSettings;
type Form = Record<Rule, string>;

const GROUPS: { legend: string; rules: Rule[] }[] = [
  {
    legend: 'Rest',
    rules: [
      'dailyRestHours',
      'weeklyRestHours',
      'fortnightlyWeeklyRest',
      'fortnightlyRestHours',
      'fortnightStarts',
      'compensatoryRestDays',
    ],
  },
  { legend: 'Working week', rules: ['averageWeeklyHours', 'referenceWeeks', 'securityReferenceWeeks'] },
  { legend: 'Breaks', rules: ['breakAfterHours', 'breakMinutes'] },
  { legend: 'Night work', rules: ['nightStart', 'nightEnd', 'nightWorkerMinHours', 'nightAvgHours', 'nightReferenceWeeks'] },
  {
    legend: 'Under-18s',
    rules: [
      'youngDailyHours',
      'youngWeeklyHours',
      'youngDailyRestHours',
      'youngWeeklyRestHours',
      'youngBreakAfterMinutes',
      'youngBreakMinutes',
      'youngNoWorkStart',
      'youngNoWorkEnd',
    ],
  },
  { legend: 'Fatigue (HSE guidance)', rules: ['fatigueShiftHours', 'fatigueDayHours', 'fatigueNights', 'fatigueShiftsInRow'] },
  { legend: 'SIA licences', rules: ['licenceExpiryWarnDays'] },
];

const isTime = (r: Rule): r is TimeRule => r in TIME_RULE_LABEL;
const isChoice = (r: Rule): r is ChoiceRule => r in CHOICE_RULES;
const formOf = (r: RuleSettings): Form => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])) as Form;
const valueOf = (k: Rule, v: string): string | number | boolean =>
  k === 'fortnightlyWeeklyRest' ? v === 'true' : isTime(k) || isChoice(k) ? v : v.trim() === '' ? Number.NaN : Number(v);
const rulesOf = (f: Form): RuleSettings =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, valueOf(k as Rule, v)])) as unknown as RuleSettings;

/** The manager's "Rota rules" section: the thresholds every check uses, and the bank holidays. */
export const RuleSettingsSection = () => {
  const { settings, loadSettings } = useStoreFields('settings', 'loadSettings');
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  if (settings.status !== 'ready') return null;
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Rota rules</h2>
      <p className="muted">
        The planner, Today and the reports check every shift against these. They start at the UK statutory values (Working Time Regulations
        1998); change them only to match your contracts or a workforce agreement.
      </p>
      <RuleForm initial={settings.data.rules} />
      <BankHolidaySettings settings={settings.data} />
    </section>
  );
};

const RuleForm = ({ initial }: { initial: Settings['rules'] }) => {
  const saveSettings = useStore((s) => s.saveSettings);
  const [form, setForm] = useState<Form>(() => formOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ tone: 'ok' | 'info'; text: string } | null>(null);
  const warnings = useMemo(() => belowStatutory(rulesOf(form)), [form]);
  const weaker = Object.keys(warnings).length;

  const put = (rule: Rule, value: string) => {
    setForm((f) => ({ ...f, [rule]: value }));
    setMsg(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const rules = rulesOf(form);
    const checked = ruleSettingsSchema.safeParse(rules);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? '_'), i.message]).reverse()));
      setMsg(null);
      return;
    }
    const failure = await saveSettings({ rules: checked.data });
    setErrors(Object.fromEntries(Object.entries(fieldErrors(failure)).map(([k, v]) => [k.replace(/^rules\./, ''), v])));
    setMsg(failure ? null : { tone: 'ok', text: 'Saved. Every rota check now uses these rules.' });
  };
  const restore = () => {
    setForm(formOf(DEFAULT_RULE_SETTINGS));
    setErrors({});
    setMsg({ tone: 'info', text: 'The fields show the UK statutory values again. Save to apply them.' });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Rule thresholds">
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      {weaker > 0 && (
        <Banner tone="warn">
          {weaker === 1 ? 'One threshold gives' : `${weaker} thresholds give`} staff less protection than the UK statutory minimum. Keep the
          agreement that allows {weaker === 1 ? 'it' : 'them'} on file.
        </Banner>
      )}
      {GROUPS.map((g) => (
        <fieldset key={g.legend} className="rules-group">
          <legend>{g.legend}</legend>
          <div className="rules-grid">
            {g.rules.map((rule) =>
              rule === 'fortnightlyWeeklyRest' ? (
                <label key={rule} className="check">
                  <input type="checkbox" checked={form[rule] === 'true'} onChange={(e) => put(rule, String(e.target.checked))} />{' '}
                  {CHOICE_RULES[rule].label}
                  <span className="muted"> {CHOICE_RULES[rule].hint}</span>
                </label>
              ) : rule === 'fortnightStarts' ? (
                <Field
                  key={rule}
                  label={CHOICE_RULES[rule].label}
                  type="date"
                  value={form[rule]}
                  onChange={(e) => put(rule, e.target.value)}
                  error={errors[rule]}
                  hint={CHOICE_RULES[rule].hint}
                />
              ) : isTime(rule) ? (
                <Field
                  key={rule}
                  label={TIME_RULE_LABEL[rule]}
                  type="time"
                  value={form[rule]}
                  onChange={(e) => put(rule, e.target.value)}
                  error={errors[rule]}
                  hint={TIME_RULE_BASIS[rule]}
                />
              ) : (
                <Field
                  key={rule}
                  label={`${RULE_LIMITS[rule].label} (${RULE_LIMITS[rule].unit})`}
                  type="number"
                  inputMode="numeric"
                  min={RULE_LIMITS[rule].min}
                  max={RULE_LIMITS[rule].max}
                  step={1}
                  value={form[rule]}
                  onChange={(e) => put(rule, e.target.value)}
                  error={errors[rule]}
                  warning={warnings[rule as NumericRule]}
                  hint={RULE_LIMITS[rule].basis}
                />
              ),
            )}
          </div>
        </fieldset>
      ))}
      {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
      <div className="actions">
        <button className="btn btn-primary" type="submit">
          Save rules
        </button>
        <button className="btn" type="button" onClick={restore}>
          Restore UK defaults
        </button>
      </div>
    </form>
  );
};

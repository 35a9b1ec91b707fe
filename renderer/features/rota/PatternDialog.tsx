import { useEffect, useMemo, useState } from 'react';
import { addDays, formatDayShort } from '../../../shared/domain/dates';
import type { PatternPreview, WeekView } from '../../../shared/contract/rota';
import type { PatternInput } from '../../../shared/schemas/rotaPlan';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Select } from '../../components/Select';
import { useStore, useStoreFields } from '../../store/appStore';
import { FindingList } from './FindingList';
import { PRESETS } from './presets';
import { siteOptions } from './siteOptions';
import { isErr } from './rotaSlice';

/** Apply a repeating pattern to a date range, showing every shift it will create before it does. */
export const PatternDialog = ({ view, onClose }: { view: WeekView; onClose: () => void }) => {
  const { plans, loadPlans, savePattern, previewPattern, applyPattern, deletePlan } = useStoreFields(
    'plans',
    'loadPlans',
    'savePattern',
    'previewPattern',
    'applyPattern',
    'deletePlan',
  );
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const [site, setSite] = useState(view.site ?? view.sites[0]?.code ?? '');
  const [chosen, setChosen] = useState<string>('');
  const [draft, setDraft] = useState<PatternInput | null>(null);
  const [range, setRange] = useState({ from: view.weekStart, to: addDays(view.weekStart, 6) });
  const [preview, setPreview] = useState<PatternPreview | null>(null);
  const [override, setOverride] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<PatternInput | null>(null);
  useEffect(() => {
    void loadPlans();
  }, [loadPlans]);
  const patterns = plans.patterns.filter((p) => p.site === site);
  const runs = view.sites.find((s) => s.code === site)?.services ?? [];
  const staff = useMemo(() => view.staff.filter((s) => !s.archived).sort((a, b) => a.name.localeCompare(b.name)), [view.staff]);

  const pick = (value: string) => {
    setChosen(value);
    setPreview(null);
    const preset = PRESETS.find((p) => `preset:${p.id}` === value);
    const saved = patterns.find((p) => p.id === value);
    setDraft(
      preset
        ? preset.make(site, view.weekStart)
        : saved
          ? {
              name: saved.name,
              site: saved.site,
              service: saved.service,
              cycleDays: saved.cycleDays,
              anchor: saved.anchor,
              lines: saved.lines,
            }
          : null,
    );
  };
  const showPreview = async () => {
    if (!draft) return;
    setError(null);
    const saved = await savePattern(chosen.startsWith('preset:') ? draft : ({ ...draft, id: chosen } as PatternInput));
    if (isErr(saved)) return setError(saved.message);
    setChosen(saved.id);
    const p = await previewPattern(saved.id, range.from, range.to);
    if (isErr(p)) setError(p.message);
    else setPreview(p);
  };
  const apply = async () => {
    const failure = await applyPattern(chosen, range.from, range.to, override.trim() || null);
    if (failure) setError(failure.message);
    else onClose();
  };
  const savedChoice = patterns.find((p) => p.id === chosen);
  // Deleting a saved pattern never touches shifts already made from it; Undo saves it again.
  const remove = async () => {
    if (!savedChoice || !draft) return;
    const failure = await deletePlan('pattern', savedChoice.id);
    if (failure) return setError(failure.message);
    setRemoved(draft);
    setChosen('');
    setDraft(null);
    setPreview(null);
  };
  const undoRemove = async () => {
    if (!removed) return;
    const saved = await savePattern(removed);
    if (isErr(saved)) return setError(saved.message);
    setRemoved(null);
    setChosen(saved.id);
    setDraft(removed);
  };
  const blocked = preview?.findings.some((f) => f.severity === 'block');

  return (
    <FormDialog
      wide
      onOpenChange={(o) => !o && onClose()}
      title="Build from a pattern"
      description="Choose a pattern, who works each line, and the dates. You see every shift before any is created."
      onSubmit={apply}
      submitLabel={<>Create {preview ? preview.shifts.length : ''} shifts</>}
      canSubmit={Boolean(preview)}
      error={error}
      endActions={
        <button type="button" className="btn" disabled={!draft} onClick={() => void showPreview()}>
          Preview
        </button>
      }
    >
      <div className="form-grid">
        <Select
          label="Site"
          value={site}
          onChange={(e) => (setSite(e.target.value), setDraft(null), setChosen(''))}
          options={siteOptions(view)}
        />
        <div className="field">
          <label htmlFor="pattern-pick">Pattern</label>
          <select id="pattern-pick" value={chosen} onChange={(e) => pick(e.target.value)}>
            <option value="">Choose…</option>
            {patterns.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {PRESETS.filter((p) => runs.includes(p.service)).map((p) => (
              <option key={p.id} value={`preset:${p.id}`}>
                New: {p.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="From"
          type="date"
          value={range.from}
          onChange={(e) => (setRange({ ...range, from: e.target.value }), setPreview(null))}
        />
        <Field label="To" type="date" value={range.to} onChange={(e) => (setRange({ ...range, to: e.target.value }), setPreview(null))} />
      </div>
      {removed && (
        <Banner tone="ok">
          Deleted the saved pattern “{removed.name}”. Shifts already made from it are unchanged.{' '}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => void undoRemove()}>
            Undo
          </button>
        </Banner>
      )}
      {savedChoice && canPlan && (
        <button type="button" className="btn btn-quiet btn-small" onClick={() => void remove()}>
          Delete the saved pattern “{savedChoice.name}”
        </button>
      )}
      {draft && (
        <fieldset className="field pattern-lines">
          <legend>Who works each line</legend>
          {draft.lines.map((line, i) => (
            <div key={i} className="pattern-line">
              <label htmlFor={`line-${i}`}>
                {line.label} {line.start}–{line.end}, cycle days {line.days.map((d) => d + 1).join(', ')} of {draft.cycleDays}
              </label>
              <select
                id={`line-${i}`}
                value={line.staffId ?? ''}
                onChange={(e) => (
                  setDraft({ ...draft, lines: draft.lines.map((l, j) => (j === i ? { ...l, staffId: e.target.value || null } : l)) }),
                  setPreview(null)
                )}
              >
                <option value="">OPEN</option>
                {staff
                  .filter((s) => s.services.includes(draft.service))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      {preview && (
        <section aria-label="Preview" className="preview">
          <h3>{preview.shifts.length} shifts will be created</h3>
          <ul className="preview-list">
            {preview.shifts.map((s, i) => (
              <li key={i}>
                {formatDayShort(s.date)} {s.start}–{s.end} · {s.staffId ? (staff.find((p) => p.id === s.staffId)?.name ?? '?') : 'OPEN'}
              </li>
            ))}
          </ul>
          <FindingList findings={preview.findings} />
          {blocked && (
            <Field
              label="Override reason"
              value={override}
              onChange={(e) => setOverride(e.target.value)}
              hint="Needed to create shifts that break a block rule."
            />
          )}
        </section>
      )}
    </FormDialog>
  );
};

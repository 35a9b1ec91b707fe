import { useEffect, useState } from 'react';
import type { Service } from '../../../shared/schemas/common';
import type { ShiftTemplate } from '../../../shared/schemas/rotaPlan';
import { useStore, useStoreFields } from '../../store/appStore';
import { SERVICE_LABEL } from './labels';

interface Props {
  site: string;
  service: Service;
  times: { start: string; end: string; breakMinutes: number };
  onPick: (times: { start: string; end: string; breakMinutes: number }) => void;
}

/** Named shift times for the site and service: pick one to fill the times, or keep the current ones. */
export const TemplatePicker = ({ site, service, times, onPick }: Props) => {
  const { plans, loadPlans, saveTemplate, deletePlan } = useStoreFields('plans', 'loadPlans', 'saveTemplate', 'deletePlan');
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const [saved, setSaved] = useState<string | null>(null);
  const [picked, setPicked] = useState<ShiftTemplate | null>(null);
  const [removed, setRemoved] = useState<ShiftTemplate | null>(null);
  useEffect(() => {
    void loadPlans();
  }, [loadPlans]);
  const mine = plans.templates.filter((t) => t.site === site && t.service === service);
  const keep = async () => {
    const name = `${SERVICE_LABEL[service]} ${times.start}–${times.end}`;
    const failure = await saveTemplate({ name, site, service, start: times.start, end: times.end, breakMinutes: times.breakMinutes });
    setSaved(failure ? failure.message : `Saved “${name}”`);
  };
  // Deleting a template never changes shifts already given its times; Undo saves it again.
  const remove = async () => {
    if (!picked) return;
    const failure = await deletePlan('template', picked.id);
    if (failure) return setSaved(failure.message);
    setRemoved(picked);
    setPicked(null);
    setSaved(null);
  };
  const undoRemove = async () => {
    if (!removed) return;
    const { name, start, end, breakMinutes } = removed;
    const failure = await saveTemplate({ name, site: removed.site, service: removed.service, start, end, breakMinutes });
    if (failure) return setSaved(failure.message);
    setRemoved(null);
  };
  return (
    <div className="template-picker">
      <div className="field inline">
        <label htmlFor="shift-template">Template</label>
        <select
          id="shift-template"
          value=""
          onChange={(e) => {
            const t = mine.find((x) => x.id === e.target.value);
            if (!t) return;
            onPick({ start: t.start, end: t.end, breakMinutes: t.breakMinutes });
            setPicked(t);
            setRemoved(null);
          }}
        >
          <option value="">{mine.length ? 'Use saved times…' : 'No saved times yet'}</option>
          {mine.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {canPlan && (
        <button type="button" className="btn btn-quiet btn-small" onClick={() => void keep()}>
          Save these times as a template
        </button>
      )}
      {canPlan && picked && (
        <button type="button" className="btn btn-quiet btn-small" onClick={() => void remove()}>
          Delete the template “{picked.name}”
        </button>
      )}
      {removed && (
        <span className="muted small" role="status">
          Deleted the template “{removed.name}”. Shifts already given its times are unchanged.{' '}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => void undoRemove()}>
            Undo
          </button>
        </span>
      )}
      {saved && (
        <span className="muted small" role="status">
          {saved}
        </span>
      )}
    </div>
  );
};

import { useEffect, useState } from 'react';
import type { Service } from '../../../shared/schemas/common';
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
  const { plans, loadPlans, saveTemplate } = useStoreFields('plans', 'loadPlans', 'saveTemplate');
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void loadPlans();
  }, [loadPlans]);
  const mine = plans.templates.filter((t) => t.site === site && t.service === service);
  const keep = async () => {
    const name = `${SERVICE_LABEL[service]} ${times.start}–${times.end}`;
    const failure = await saveTemplate({ name, site, service, start: times.start, end: times.end, breakMinutes: times.breakMinutes });
    setSaved(failure ? failure.message : `Saved “${name}”`);
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
            if (t) onPick({ start: t.start, end: t.end, breakMinutes: t.breakMinutes });
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
      {saved && (
        <span className="muted small" role="status">
          {saved}
        </span>
      )}
    </div>
  );
};

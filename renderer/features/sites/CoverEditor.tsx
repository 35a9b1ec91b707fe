import { Copy, Plus, Trash2 } from 'lucide-react';
import { Popover, Tabs } from 'radix-ui';
import { useState } from 'react';
import { copyCoverDay, DAY_KEYS, dayLabel, type Cover, type FieldErrors } from '../../../shared/domain/directory';
import type { Service } from '../../../shared/schemas/common';
import type { CoverWindow, DayKey, Site } from '../../../shared/schemas/site';
import { Banner } from '../../components/Banner';
import { CloseButton, PanelDialog } from '../../components/PanelDialog';
import { useStoreFields } from '../../store/appStore';
import { CoverTimeline } from './CoverTimeline';
import { tidyTime } from './timeText';
import './sites.css';

import { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';
import { counted } from '../../../shared/domain/counted';

export { SERVICE_LABEL };

interface Props {
  site: Pick<Site, 'code'> & { id?: string };
  services: Service[];
  cover: Cover;
  errors: FieldErrors;
  onChange: (cover: Cover) => void;
  /** Whether the form has unsaved changes; copying to other sites works from saved cover only. */
  dirty: boolean;
}

const DayCopy = ({ service, day, onCopy }: { service: Service; day: DayKey; onCopy: (days: DayKey[]) => void }) => {
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<DayKey[]>([]);
  const toggle = (d: DayKey) => setDays(days.includes(d) ? days.filter((x) => x !== d) : [...days, d]);
  return (
    <Popover.Root open={open} onOpenChange={(o) => (setOpen(o), setDays([]))}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="btn btn-quiet btn-small"
          aria-label={`Copy ${SERVICE_LABEL[service]} ${dayLabel(day)} to other days`}
        >
          <Copy aria-hidden size={14} /> Copy to…
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover" sideOffset={4} aria-label={`Copy ${dayLabel(day)} to`}>
          <fieldset className="field">
            <legend>Copy {dayLabel(day)}’s windows to</legend>
            <div className="choice-grid">
              {DAY_KEYS.filter((d) => d !== day).map((d) => (
                <label key={d} className="choice">
                  <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} /> {dayLabel(d)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="cover-day-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setDays(['mon', 'tue', 'wed', 'thu', 'fri'].filter((d) => d !== day) as DayKey[])}
            >
              Weekdays
            </button>
            <button type="button" className="btn btn-small" onClick={() => setDays(DAY_KEYS.filter((d) => d !== day))}>
              Every day
            </button>
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={days.length === 0}
              onClick={() => {
                onCopy(days);
                setOpen(false);
              }}
            >
              Copy
            </button>
          </div>
          <p className="muted small">Replaces those days’ windows. Nothing is saved until you save the site.</p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
};

/** Copies a saved day of cover to other sites in one go; the server refuses the whole copy if any site would be left invalid. */
const CopyToSites = ({ from, service, disabled }: { from: string; service: Service; disabled: boolean }) => {
  const { sites, copyCover, loadSite } = useStoreFields('sites', 'copyCover', 'loadSite');
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<DayKey>('mon');
  const [toDays, setToDays] = useState<DayKey[]>(['mon']);
  const [toSites, setToSites] = useState<string[]>([]);
  const [msg, setMsg] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const others = sites.status === 'ready' ? sites.data.filter((s) => s.code !== from && s.services.includes(service)) : [];
  const submit = async () => {
    const r = await copyCover({ from, service, day, toSites, toDays });
    if (!r.ok) return setMsg({ tone: 'error', text: r.message });
    setMsg({
      tone: 'ok',
      text: `Copied to ${r.data.updated.join(', ') || 'no sites'}.${r.data.skipped.length ? ` Skipped: ${r.data.skipped.map((s) => s.reason).join('; ')}.` : ''}`,
    });
    if (toSites.includes(from)) await loadSite(from);
  };
  return (
    <PanelDialog
      open={open}
      onOpenChange={(o) => (setOpen(o), setMsg(null))}
      trigger={
        <button
          type="button"
          className="btn btn-small"
          disabled={disabled}
          title={disabled ? 'Save your changes first: other sites get the saved cover' : undefined}
        >
          <Copy aria-hidden size={14} /> Copy to other sites…
        </button>
      }
      title={`Copy ${SERVICE_LABEL[service].toLowerCase()} cover to other sites`}
      description={`The chosen days at each site are replaced with ${from}’s saved windows for this day.`}
      actions={
        <>
          <CloseButton />
          <button type="button" className="btn btn-primary" disabled={!toSites.length || !toDays.length} onClick={() => void submit()}>
            Copy to {counted(toSites.length, 'site')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="copy-day">Day to copy from {from}</label>
        <select id="copy-day" value={day} onChange={(e) => setDay(e.target.value as DayKey)}>
          {DAY_KEYS.map((d) => (
            <option key={d} value={d}>
              {dayLabel(d)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Onto these days</legend>
        <div className="choice-grid">
          {DAY_KEYS.map((d) => (
            <label key={d} className="choice">
              <input
                type="checkbox"
                checked={toDays.includes(d)}
                onChange={() => setToDays(toDays.includes(d) ? toDays.filter((x) => x !== d) : [...toDays, d])}
              />{' '}
              {dayLabel(d)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>At these sites (those running {service})</legend>
        <div className="choice-grid">
          {others.map((s) => (
            <label key={s.code} className="choice">
              <input
                type="checkbox"
                checked={toSites.includes(s.code)}
                onChange={() => setToSites(toSites.includes(s.code) ? toSites.filter((x) => x !== s.code) : [...toSites, s.code])}
              />{' '}
              {s.code} · {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
    </PanelDialog>
  );
};

const WindowRow = ({
  label,
  w,
  path,
  errors,
  onChange,
  onRemove,
}: {
  label: string;
  w: CoverWindow;
  path: string;
  errors: FieldErrors;
  onChange: (w: CoverWindow) => void;
  onRemove: () => void;
}) => {
  const message = errors[`${path}.start`] ?? errors[`${path}.end`] ?? errors[`${path}.min`] ?? errors[path];
  const errId = `${path}-error`.replace(/\./g, '-');
  const invalid = (key: string) => Boolean(errors[`${path}.${key}`] ?? errors[path]);
  return (
    <div className="cover-window">
      <input
        className="small-input time-input"
        aria-label={`${label} from`}
        inputMode="numeric"
        placeholder="hh:mm"
        value={w.start}
        aria-invalid={invalid('start')}
        aria-describedby={message ? errId : undefined}
        onChange={(e) => onChange({ ...w, start: e.target.value })}
        onBlur={(e) => onChange({ ...w, start: tidyTime(e.target.value) })}
      />
      <span className="muted">to</span>
      <input
        className="small-input time-input"
        aria-label={`${label} to`}
        inputMode="numeric"
        placeholder="hh:mm"
        value={w.end}
        aria-invalid={invalid('end')}
        aria-describedby={message ? errId : undefined}
        onChange={(e) => onChange({ ...w, end: e.target.value })}
        onBlur={(e) => onChange({ ...w, end: tidyTime(e.target.value) })}
      />
      <span className="muted">×</span>
      <input
        className="small-input count-input"
        aria-label={`${label} people`}
        type="number"
        min={1}
        max={50}
        value={Number.isNaN(w.min) ? '' : w.min}
        aria-invalid={invalid('min')}
        onChange={(e) => onChange({ ...w, min: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
      />
      <span className="muted">people</span>
      <button type="button" className="btn btn-quiet btn-small" aria-label={`Remove ${label}`} onClick={onRemove}>
        <Trash2 aria-hidden size={14} />
      </button>
      {message && (
        <p className="inline-error" id={errId}>
          {message}
        </p>
      )}
    </div>
  );
};

const ServiceCover = ({ service, cover, errors, onChange, site, dirty }: Omit<Props, 'services'> & { service: Service }) => {
  const days = cover[service] ?? {};
  const setDay = (day: DayKey, windows: CoverWindow[]) => {
    const next = { ...days };
    if (windows.length) next[day] = windows;
    else delete next[day];
    onChange({ ...cover, [service]: next });
  };
  const name = SERVICE_LABEL[service];
  const [count, setCount] = useState(1);
  return (
    <div className="cover-layout">
      <div>
        {errors[`cover.${service}`] && <Banner tone="error">{errors[`cover.${service}`]}</Banner>}
        <div className="cover-day-actions" style={{ marginBottom: 'var(--s3)' }}>
          <label className="muted small" htmlFor={`${service}-247`}>
            Round the clock ×
          </label>
          <input
            id={`${service}-247`}
            className="small-input count-input"
            type="number"
            min={1}
            max={50}
            value={count}
            onChange={(e) => setCount(Number(e.target.value) || 1)}
          />
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              onChange({
                ...cover,
                [service]: Object.fromEntries(DAY_KEYS.map((d) => [d, [{ start: '00:00', end: '24:00', min: count }]])),
              })
            }
          >
            Set 24/7
          </button>
          {site.id && <CopyToSites from={site.code} service={service} disabled={dirty} />}
        </div>
        {DAY_KEYS.map((day) => {
          const windows = days[day] ?? [];
          return (
            <div className="cover-day" key={day} role="group" aria-label={`${name} ${dayLabel(day)}`}>
              <div className="cover-day-name">{dayLabel(day)}</div>
              <div className="cover-windows">
                {windows.length === 0 && <span className="muted small">No cover</span>}
                {windows.map((w, i) => (
                  <WindowRow
                    key={i}
                    label={`${name} ${dayLabel(day)} window ${i + 1}`}
                    w={w}
                    path={`cover.${service}.${day}.${i}`}
                    errors={errors}
                    onChange={(nw) =>
                      setDay(
                        day,
                        windows.map((x, j) => (j === i ? nw : x)),
                      )
                    }
                    onRemove={() =>
                      setDay(
                        day,
                        windows.filter((_, j) => j !== i),
                      )
                    }
                  />
                ))}
                <div className="cover-day-actions">
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    aria-label={`Add ${name} window on ${dayLabel(day)}`}
                    onClick={() => {
                      const last = windows[windows.length - 1];
                      setDay(day, [
                        ...windows,
                        last
                          ? { start: last.end === '24:00' ? '00:00' : last.end, end: '', min: 1 }
                          : { start: '08:00', end: '18:00', min: 1 },
                      ]);
                    }}
                  >
                    <Plus aria-hidden size={14} /> Add window
                  </button>
                  {windows.length > 0 && (
                    <DayCopy service={service} day={day} onCopy={(to) => onChange(copyCoverDay(cover, service, day, to))} />
                  )}
                </div>
              </div>
            </div>
          );
        })}
      </div>
      <div style={{ position: 'sticky', top: 'var(--s4)' }}>
        <CoverTimeline cover={cover} service={service} title={`${name} (as edited)`} />
        <p className="muted small">An end at or before the start runs past midnight. Hatched: the night before running on.</p>
      </div>
    </div>
  );
};

/** Cover requirements per service and day, with a live timeline beside the windows being edited. */
export const CoverEditor = (props: Props) => {
  const services = props.services.length ? props.services : [];
  const [tab, setTab] = useState<Service | undefined>(services[0]);
  const current = tab && services.includes(tab) ? tab : services[0];
  if (!current) return <p className="empty">Choose the services this site runs to set their cover.</p>;
  return (
    <Tabs.Root className="cover-tabs" value={current} onValueChange={(v) => setTab(v as Service)}>
      <Tabs.List aria-label="Cover by service">
        {services.map((s) => (
          <Tabs.Trigger key={s} value={s}>
            {SERVICE_LABEL[s]}
            {Object.keys(props.errors).some((k) => k.startsWith(`cover.${s}`)) ? ' ⚠' : ''}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {services.map((s) => (
        <Tabs.Content key={s} value={s}>
          <ServiceCover {...props} service={s} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
};

import { useMemo } from 'react';
import { addDays, daysBetween, formatDateGB, weekStart } from '../../../shared/domain/dates';
import { AUTOFILL_MAX_DAYS } from '../../../shared/contract/autofill';
import { Field } from '../../components/Field';
import { useStore } from '../../store/appStore';

export interface Scope {
  from: string;
  to: string;
  /** Site codes; empty means every site. */
  sites: string[];
}

/** The week shown (at the site the planner shows, or every site), or the calendar month its Thursday falls in. */
export const weekScope = (monday: string, site: string | null = null): Scope => ({
  from: monday,
  to: addDays(monday, 6),
  sites: site ? [site] : [],
});
export const monthScope = (monday: string): Scope => {
  const month = addDays(monday, 3).slice(0, 7);
  const first = `${month}-01`;
  let last = first;
  while (addDays(last, 1).slice(0, 7) === month) last = addDays(last, 1);
  return { from: first, to: last, sites: [] };
};

/** What is wrong with a scope, in words, or null. */
export const scopeError = (s: Scope): string | null =>
  !s.from || !s.to
    ? 'Give both dates.'
    : s.from > s.to
      ? 'The range ends on or after it starts.'
      : daysBetween(s.from, s.to) >= AUTOFILL_MAX_DAYS
        ? `At most ${AUTOFILL_MAX_DAYS} days at once.`
        : null;

/** Dates (with week and month shortcuts) and sites for a build or a fill. */
export const ScopeFields = ({ scope, onChange, idPrefix }: { scope: Scope; onChange: (s: Scope) => void; idPrefix: string }) => {
  const loaded = useStore((s) => s.sites);
  const rotaWeek = useStore((s) => s.rotaWeek);
  const sites = useMemo(() => (loaded.status === 'ready' ? loaded.data.filter((x) => !x.archived) : []), [loaded]);
  // The week shown in the planner while it lies in the range (so Month then Week comes back to it), else the range's first week.
  const monday = scope.from && scope.to && (rotaWeek < scope.from || rotaWeek > scope.to) ? weekStart(scope.from) : rotaWeek;
  const toggle = (code: string, on: boolean) => {
    const chosen = scope.sites.length === 0 ? sites.map((x) => x.code) : scope.sites;
    const next = on ? [...new Set([...chosen, code])] : chosen.filter((c) => c !== code);
    onChange({ ...scope, sites: next.length === sites.length ? [] : next });
  };
  return (
    <>
      <div className="scope-dates">
        <Field label="From" type="date" value={scope.from} onChange={(e) => onChange({ ...scope, from: e.target.value })} />
        <Field label="To" type="date" value={scope.to} onChange={(e) => onChange({ ...scope, to: e.target.value })} />
        <div role="group" aria-label="Period" className="segmented scope-presets">
          <button type="button" className="btn" onClick={() => onChange({ ...weekScope(monday), sites: scope.sites })}>
            Week
          </button>
          <button type="button" className="btn" onClick={() => onChange({ ...monthScope(monday), sites: scope.sites })}>
            Month
          </button>
        </div>
      </div>
      {scope.from && scope.to && scope.from <= scope.to && (
        <p className="muted" id={`${idPrefix}-range`}>
          {formatDateGB(scope.from)} to {formatDateGB(scope.to)}
        </p>
      )}
      <fieldset className="field scope-sites">
        <legend>Sites ({scope.sites.length === 0 ? `all ${sites.length}` : `${scope.sites.length} of ${sites.length}`})</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={scope.sites.length === 0}
            onChange={(e) => onChange({ ...scope, sites: e.target.checked ? [] : sites.slice(0, 1).map((x) => x.code) })}
          />{' '}
          All sites
        </label>
        <div className="scope-site-list">
          {sites.map((x) => (
            <label key={x.code} className="check">
              <input
                type="checkbox"
                checked={scope.sites.length === 0 || scope.sites.includes(x.code)}
                onChange={(e) => toggle(x.code, e.target.checked)}
              />{' '}
              {x.code} · {x.name}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
};

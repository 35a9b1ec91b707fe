import { AlertOctagon, AlertTriangle, Info, TriangleAlert, X } from 'lucide-react';
import { formatDayShort } from '../../../shared/domain/dates';
import type { Finding, Gap } from '../../../shared/domain/rota';
import type { Shift } from '../../../shared/schemas/shift';
import type { StaffView } from '../../../shared/contract/staff';
import { nameOf, SERVICE_LABEL, SEVERITY_LABEL } from './labels';

const ICON = { block: AlertOctagon, warn: AlertTriangle, info: Info };

interface Props {
  findings: readonly Finding[];
  gaps: readonly Gap[];
  shifts: readonly Shift[];
  staff: ReadonlyMap<string, StaffView>;
  /** Put the keyboard on a shift's card, scrolling the grid to it. */
  onShift: (shift: Shift) => void;
  /** Scroll the grid to a site's rows. */
  onSite: (site: string) => void;
  onClose: () => void;
}

/**
 * The week's findings and cover gaps as a list beside the grid, worst first (the rule check's own order):
 * each names the shift it is about and takes the keyboard to that shift's card.
 */
export const FindingsPanel = ({ findings, gaps, shifts, staff, onShift, onSite, onClose }: Props) => {
  const byId = new Map(shifts.map((s) => [s.id, s]));
  return (
    <aside id="findings-panel" className="findings-panel" aria-labelledby="findings-title">
      <div className="findings-panel-head">
        <h2 id="findings-title">Findings this week</h2>
        <button type="button" className="btn btn-icon btn-quiet" aria-label="Close findings" onClick={onClose}>
          <X aria-hidden size={16} />
        </button>
      </div>
      {findings.length === 0 && <p className="muted small">No rule findings this week.</p>}
      <ul className="findings-panel-list">
        {findings.map((f, i) => {
          const Icon = ICON[f.severity];
          const shift = f.shiftIds.map((id) => byId.get(id)).find((s) => s !== undefined);
          const about = shift
            ? `${formatDayShort(shift.date)} · ${shift.site} ${SERVICE_LABEL[shift.service]} ${shift.start}–${shift.end} · ${nameOf(staff, shift.staffId)}`
            : null;
          return (
            <li key={`${f.rule}-${f.shiftIds.join(',')}-${i}`}>
              <button
                type="button"
                className={`finding-link finding-${f.severity}`}
                disabled={!shift}
                onClick={() => shift && onShift(shift)}
              >
                <Icon aria-hidden size={16} />
                <span>
                  <strong>{SEVERITY_LABEL[f.severity]}:</strong> {f.message}
                  {about && <span className="finding-about">{about}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {gaps.length > 0 && (
        <>
          <h3>Cover gaps</h3>
          <ul className="findings-panel-list">
            {gaps.map((g) => (
              <li key={`${g.site}-${g.service}-${g.date}-${g.start}`}>
                <button type="button" className="finding-link finding-gap" onClick={() => onSite(g.site)}>
                  <TriangleAlert aria-hidden size={16} />
                  <span>
                    <strong>Gap:</strong> {g.site} {SERVICE_LABEL[g.service]}, {formatDayShort(g.date)} {g.start}–
                    {g.endDate === g.date ? g.end : `${formatDayShort(g.endDate)} ${g.end}`} · {g.required - g.present} short
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
};

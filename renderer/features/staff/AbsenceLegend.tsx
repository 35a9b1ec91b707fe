import { ABSENCE_KINDS } from '../../../shared/schemas/staff';
import { ABSENCE_LABEL, ABSENCE_MARK } from './absenceKinds';
import './staff.css';

/** What the calendar letters and colours mean. */
export const AbsenceLegend = () => (
  <div className="legend" aria-label="Key">
    {ABSENCE_KINDS.map((k) => (
      <span key={k}>
        <span className={`swatch abs-${k}`}>{ABSENCE_MARK[k]}</span> {ABSENCE_LABEL[k]}
      </span>
    ))}
    <span>
      <span className="swatch abs-annual-leave abs-pending">AL</span> Requested, not approved
    </span>
  </div>
);

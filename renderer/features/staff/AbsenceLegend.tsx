import { ABSENCE_KINDS } from '../../../shared/schemas/staff';
import { LEAVE_STATUS } from '../leave/LeaveStatusTag';
import { ABSENCE_LABEL, ABSENCE_MARK } from './absenceKinds';
import './staff.css';

const LEAVE_KEY = [
  ['approved', '', 'Leave approved'],
  ['requested', ' abs-pending', 'Leave requested, not decided'],
  ['refused', ' abs-refused', 'Leave refused'],
] as const;

/** What the calendar letters, icons and colours mean. */
export const AbsenceLegend = () => (
  <div className="legend" aria-label="Key">
    {ABSENCE_KINDS.filter((k) => k !== 'annual-leave').map((k) => (
      <span key={k}>
        <span className={`swatch abs-${k}`}>{ABSENCE_MARK[k]}</span> {ABSENCE_LABEL[k]}
      </span>
    ))}
    {LEAVE_KEY.map(([status, extra, label]) => {
      const Icon = LEAVE_STATUS[status].mark;
      return (
        <span key={status}>
          <span className={`swatch abs-annual-leave${extra}`}>
            AL
            <Icon aria-hidden size={11} strokeWidth={3} />
          </span>{' '}
          {label}
        </span>
      );
    })}
  </div>
);

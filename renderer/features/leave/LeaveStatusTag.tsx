import { Check, CheckCircle2, Hourglass, X, XCircle, type LucideIcon } from 'lucide-react';
import type { LeaveStatus } from '../../../shared/schemas/staff';
import './leave.css';

/** Each leave status by word and icon as well as colour; `mark` is the plainer glyph that reads at calendar-cell size. */
export const LEAVE_STATUS: Record<LeaveStatus, { label: string; icon: LucideIcon; mark: LucideIcon }> = {
  requested: { label: 'Requested', icon: Hourglass, mark: Hourglass },
  approved: { label: 'Approved', icon: CheckCircle2, mark: Check },
  refused: { label: 'Refused', icon: XCircle, mark: X },
};

/** A request's status as a small labelled tag. */
export const LeaveStatusTag = ({ status }: { status: LeaveStatus }) => {
  const { label, icon: Icon } = LEAVE_STATUS[status];
  return (
    <span className={`leave-tag leave-${status}`}>
      <Icon aria-hidden size={14} /> {label}
    </span>
  );
};

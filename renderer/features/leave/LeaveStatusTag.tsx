import { CheckCircle2, Hourglass, XCircle, type LucideIcon } from 'lucide-react';
import type { LeaveStatus } from '../../../shared/schemas/staff';
import './leave.css';

/** Each leave status by word and icon as well as colour. */
export const LEAVE_STATUS: Record<LeaveStatus, { label: string; icon: LucideIcon }> = {
  requested: { label: 'Requested', icon: Hourglass },
  approved: { label: 'Approved', icon: CheckCircle2 },
  refused: { label: 'Refused', icon: XCircle },
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

import { AlertTriangle, CheckCircle2, Circle, Clock, LogOut, XCircle } from 'lucide-react';
import type { AttendanceState } from '../../../shared/domain/attendance/status';
import { stateText } from './labels';

const ICON = { upcoming: Circle, due: Clock, late: AlertTriangle, on: CheckCircle2, done: LogOut, 'no-show': XCircle };

/** A person's state as an icon, a word and a colour, so it reads from a step back and without colour. */
export const StatusBadge = ({
  state,
  late,
  lateMinutes,
  signedInAt,
}: {
  state: AttendanceState;
  late: boolean;
  lateMinutes: number;
  signedInAt: string | null;
}) => {
  const Icon = ICON[state];
  const tone = state === 'no-show' ? 'bad' : state === 'late' || (late && state === 'on') ? 'warn' : state === 'on' ? 'ok' : 'plain';
  return (
    <span className={`status status-${tone}`}>
      <Icon aria-hidden size={20} />
      {stateText(state, lateMinutes, signedInAt)}
    </span>
  );
};

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bankHolidayDates } from '../../../shared/domain/bankHolidays';
import { leaveHolidayRange, type LeavePolicy } from '../../../shared/domain/leave/balance';
import { useStore } from '../../store/appStore';

/** What a leave balance on `today` needs from Settings: the bank holidays (with a manager's changes) and the leave rules. */
export const useLeaveRules = (today: string): { holidays: string[]; policy: LeavePolicy | undefined } => {
  const { changes, policy } = useStore(
    useShallow((s) => ({
      changes: s.settings.status === 'ready' ? s.settings.data.bankHolidayChanges : undefined,
      policy: s.settings.status === 'ready' ? s.settings.data.leave : undefined,
    })),
  );
  const holidays = useMemo(() => {
    const range = leaveHolidayRange(today);
    return bankHolidayDates(range.from, range.to, changes);
  }, [today, changes]);
  return { holidays, policy };
};

import { call } from '../../api';
import type { AttendanceReport, WorkingTimeReport } from '../../../shared/contract/attendance';
import type { TextFile } from '../../../shared/contract/define';
import type { Result } from '../../../shared/result';
import type { Load, Slice } from '../../store/types';

export interface Range {
  from: string;
  to: string;
  site: string | null;
}

export interface AttendanceSlice {
  attendance: Load<AttendanceReport>;
  workingTime: Load<WorkingTimeReport>;
  loadAttendance: (r: Range) => Promise<void>;
  loadWorkingTime: (r: Range) => Promise<void>;
  timesheetCsv: (r: Range) => Promise<Result<TextFile>>;
}

export const createAttendanceSlice: Slice<AttendanceSlice> = (set) => ({
  attendance: { status: 'idle' },
  workingTime: { status: 'idle' },
  loadAttendance: async (r) => {
    set({ attendance: { status: 'loading' } });
    const res = await call('attendance:report', r);
    set({ attendance: res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.message } });
  },
  loadWorkingTime: async (r) => {
    set({ workingTime: { status: 'loading' } });
    const res = await call('attendance:working-time', r);
    set({ workingTime: res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.message } });
  },
  timesheetCsv: (r) => call('attendance:timesheet-csv', r),
});

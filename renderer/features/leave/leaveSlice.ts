import { call } from '../../api';
import type { RequestOf } from '../../../shared/contract';
import type { LeaveDecision, LeaveImpactView, LeaveRequestView } from '../../../shared/contract/leave';
import type { Result } from '../../../shared/result';
import type { Load, Slice } from '../../store/types';

export interface LeaveSlice {
  /** Every request the user may see, decided ones too. */
  leaveRequests: Load<LeaveRequestView[]>;
  loadLeaveRequests: () => Promise<void>;
  /** What approving the request under review would do to cover. */
  leaveImpact: Load<LeaveImpactView>;
  loadLeaveImpact: (staffId: string, requestId: string) => Promise<void>;
  closeLeaveImpact: () => void;
  requestLeave: (input: RequestOf<'leave:request'>) => Promise<Result<LeaveRequestView>>;
  approveLeave: (input: RequestOf<'leave:approve'>) => Promise<Result<LeaveDecision>>;
  refuseLeave: (input: RequestOf<'leave:refuse'>) => Promise<Result<LeaveRequestView>>;
}

export const createLeaveSlice: Slice<LeaveSlice> = (set, get) => {
  /** After a change, the list is read again; the person's page reads their record when next opened. */
  const reloaded = async <T>(r: Result<T>): Promise<Result<T>> => {
    if (r.ok) {
      await get().loadLeaveRequests();
      set({ person: { status: 'idle' } });
    }
    return r;
  };
  return {
    leaveRequests: { status: 'idle' },
    loadLeaveRequests: async () => {
      if (get().leaveRequests.status !== 'ready') set({ leaveRequests: { status: 'loading' } });
      const r = await call('leave:list', { status: 'all' });
      set({ leaveRequests: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    leaveImpact: { status: 'idle' },
    loadLeaveImpact: async (staffId, requestId) => {
      set({ leaveImpact: { status: 'loading' } });
      const r = await call('leave:impact', { staffId, requestId });
      set({ leaveImpact: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    closeLeaveImpact: () => set({ leaveImpact: { status: 'idle' } }),
    requestLeave: async (input) => reloaded(await call('leave:request', input)),
    approveLeave: async (input) => reloaded(await call('leave:approve', input)),
    refuseLeave: async (input) => reloaded(await call('leave:refuse', input)),
  };
};

import { call } from '../../api';
import type { CoverOptions, TodayBoard } from '../../../shared/contract/today';
import type { Err, Result } from '../../../shared/result';
import type { Load, Slice } from '../../store/types';

type DeskAction = 'today:sign-in' | 'today:sign-out' | 'today:mark-no-show';

export interface Correction {
  /** The record to correct, or the shift whose person has none yet. */
  attendanceId?: string;
  shiftId?: string;
  signedInAt?: string | null;
  signedOutAt?: string | null;
  noShow?: boolean;
  reason: string;
}

export interface TodaySlice {
  today: Load<TodayBoard>;
  /** The site chosen on Today; null for the user's first site. */
  todaySite: string | null;
  /** Loads the board; a refresh keeps the current one on screen instead of flashing "loading". */
  loadToday: (site?: string | null) => Promise<void>;
  deskAction: (action: DeskAction, shiftId: string) => Promise<Err | null>;
  correctAttendance: (c: Correction) => Promise<Err | null>;
  coverOptions: (shiftId: string) => Promise<Result<CoverOptions>>;
  assignCover: (shiftId: string, staffId: string) => Promise<Err | null>;
}

export const createTodaySlice: Slice<TodaySlice> = (set, get) => {
  const thenReload = async (r: Result<unknown>): Promise<Err | null> => {
    await get().loadToday();
    return r.ok ? null : r;
  };
  return {
    today: { status: 'idle' },
    todaySite: null,
    loadToday: async (site) => {
      const chosen = site === undefined ? get().todaySite : site;
      if (site !== undefined) set({ todaySite: site });
      if (get().today.status !== 'ready' || site !== undefined) set({ today: { status: 'loading' } });
      const r = await call('today:board', chosen ? { site: chosen } : {});
      if (r.ok) set({ today: { status: 'ready', data: r.data } });
      else if (get().today.status !== 'ready') set({ today: { status: 'error', message: r.message, code: r.code } });
    },
    deskAction: async (action, shiftId) => thenReload(await call(action, { shiftId })),
    correctAttendance: async (c) => thenReload(await call('today:correct', c)),
    coverOptions: (shiftId) => call('today:cover-candidates', { shiftId }),
    assignCover: async (shiftId, staffId) => thenReload(await call('today:assign-cover', { shiftId, staffId })),
  };
};

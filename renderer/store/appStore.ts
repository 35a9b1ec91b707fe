import { create } from 'zustand';
import { createSessionSlice } from '../features/auth/sessionSlice';
import { createSettingsSlice } from '../features/settings/settingsSlice';
import { createNavSlice } from '../features/shell/navSlice';
import { createSitesSlice } from '../features/sites/sitesSlice';
import { createTodaySlice } from '../features/today/todaySlice';
import { createAttendanceSlice } from '../features/attendance/attendanceSlice';
import { createReportsSlice } from '../features/reports/reportsSlice';
import type { Store } from './types';

/** The app's one store, built from the feature slices. Slices are the only callers of the api. */
export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createNavSlice(...a),
  ...createSitesSlice(...a),
  ...createSettingsSlice(...a),
  ...createTodaySlice(...a),
  ...createAttendanceSlice(...a),
  ...createReportsSlice(...a),
}));

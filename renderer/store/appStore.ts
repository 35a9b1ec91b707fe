import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createSessionSlice } from '../features/auth/sessionSlice';
import { createRotaSlice } from '../features/rota/rotaSlice';
import { createBackupsSlice } from '../features/backups/backupsSlice';
import { createExchangeSlice } from '../features/exchange/exchangeSlice';
import { createSettingsSlice } from '../features/settings/settingsSlice';
import { createNavSlice } from '../features/shell/navSlice';
import { createSitesSlice } from '../features/sites/sitesSlice';
import { createStaffSlice } from '../features/staff/staffSlice';
import { createLeaveSlice } from '../features/leave/leaveSlice';
import { createIncidentsSlice } from '../features/incidents/incidentsSlice';
import { createLogSlice } from '../features/occurrence/logSlice';
import { createTodaySlice } from '../features/today/todaySlice';
import { createAttendanceSlice } from '../features/attendance/attendanceSlice';
import { createReportsSlice } from '../features/reports/reportsSlice';
import { createSyncSlice } from '../features/sync/syncSlice';
import { dataFieldsOf } from './reset';
import type { Store } from './types';

/**
 * The app's one store, built from the feature slices. Slices are the only callers of the api.
 * `clearUserData` puts every data field back to its initial value (renderer/store/reset.ts).
 */
export const useStore = create<Store>()((...a) => {
  const slices = {
    ...createSessionSlice(...a),
    ...createNavSlice(...a),
    ...createSitesSlice(...a),
    ...createSettingsSlice(...a),
    ...createStaffSlice(...a),
    ...createLeaveSlice(...a),
    ...createIncidentsSlice(...a),
    ...createLogSlice(...a),
    ...createRotaSlice(...a),
    ...createExchangeSlice(...a),
    ...createBackupsSlice(...a),
    ...createTodaySlice(...a),
    ...createAttendanceSlice(...a),
    ...createReportsSlice(...a),
    ...createSyncSlice(...a),
  };
  const initial = dataFieldsOf(slices);
  return {
    ...slices,
    clearUserData: () => a[0](initial as Partial<Store>),
  };
});

/** The named fields of the store; the component re-renders only when one of them changes (a shallow compare). */
export const useStoreFields = <K extends keyof Store>(...keys: K[]): Pick<Store, K> =>
  useStore(useShallow((s) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Pick<Store, K>));

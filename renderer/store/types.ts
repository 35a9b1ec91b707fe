import type { StateCreator } from 'zustand';
import type { NavSlice } from '../features/shell/navSlice';
import type { SessionSlice } from '../features/auth/sessionSlice';
import type { SitesSlice } from '../features/sites/sitesSlice';
import type { SettingsSlice } from '../features/settings/settingsSlice';
import type { StaffSlice } from '../features/staff/staffSlice';
import type { LeaveSlice } from '../features/leave/leaveSlice';
import type { IncidentsSlice } from '../features/incidents/incidentsSlice';
import type { LogSlice } from '../features/occurrence/logSlice';
import type { RotaSlice } from '../features/rota/rotaSlice';
import type { ExchangeSlice } from '../features/exchange/exchangeSlice';
import type { BackupsSlice } from '../features/backups/backupsSlice';
import type { TodaySlice } from '../features/today/todaySlice';
import type { AttendanceSlice } from '../features/attendance/attendanceSlice';
import type { ReportsSlice } from '../features/reports/reportsSlice';
import type { SyncSlice } from '../features/sync/syncSlice';

/** Dropping what was loaded for the person signed in (on lock and on a change of user). */
export interface ResetSlice {
  clearUserData: () => void;
}

/** The whole store: one slice per feature. */
export type Store = ResetSlice &
  SessionSlice &
  NavSlice &
  SitesSlice &
  SettingsSlice &
  StaffSlice &
  LeaveSlice &
  IncidentsSlice &
  LogSlice &
  RotaSlice &
  ExchangeSlice &
  BackupsSlice &
  TodaySlice &
  AttendanceSlice &
  ReportsSlice &
  SyncSlice;

/** A feature slice's creator, typed against the whole store. */
export type Slice<T> = StateCreator<Store, [], [], T>;

/** Async state of a screen's data. */
export type Load<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string; code?: string };

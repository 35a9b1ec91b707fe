import {
  ArrowLeftRight,
  BarChart3,
  Building2,
  CalendarCheck,
  CalendarDays,
  CalendarOff,
  ClipboardCheck,
  DatabaseBackup,
  GitCompare,
  NotebookPen,
  Settings as SettingsIcon,
  ShieldAlert,
  Siren,
  Sun,
  Users,
  type LucideIcon,
} from 'lucide-react';
import { lazy, type ComponentType } from 'react';
import type { Role } from '../../shared/schemas/account';

// Each screen is its own chunk, loaded when first opened (and fetched in the background once the
// shell is up), so the sign-in screen does not wait for charts, the planner and the rest to be parsed.
const loadPlannerView = () => import('./rota/PlannerView').then((m) => ({ default: m.PlannerView }));
const loadBackupsView = () => import('./backups/BackupsView').then((m) => ({ default: m.BackupsView }));
const loadExchangeView = () => import('./exchange/ExchangeView').then((m) => ({ default: m.ExchangeView }));
const loadSettingsView = () => import('./settings/SettingsView').then((m) => ({ default: m.SettingsView }));
const loadSitesView = () => import('./sites/SitesView').then((m) => ({ default: m.SitesView }));
const loadLicenceWatchView = () => import('./staff/LicenceWatchView').then((m) => ({ default: m.LicenceWatchView }));
const loadStaffView = () => import('./staff/StaffView').then((m) => ({ default: m.StaffView }));
const loadLeaveView = () => import('./leave/LeaveView').then((m) => ({ default: m.LeaveView }));
const loadTeamAbsencesView = () => import('./staff/TeamAbsencesView').then((m) => ({ default: m.TeamAbsencesView }));
const loadIncidentsView = () => import('./incidents/IncidentsView').then((m) => ({ default: m.IncidentsView }));
const loadLogView = () => import('./occurrence/LogView').then((m) => ({ default: m.LogView }));
const loadTodayView = () => import('./today/TodayView').then((m) => ({ default: m.TodayView }));
const loadAttendanceView = () => import('./attendance/AttendanceView').then((m) => ({ default: m.AttendanceView }));
const loadConflictsView = () => import('./sync/ConflictsView').then((m) => ({ default: m.ConflictsView }));
const loadReportsView = () => import('./reports/ReportsView').then((m) => ({ default: m.ReportsView }));

export interface ViewDef {
  id: string;
  label: string;
  icon: LucideIcon;
  component: ComponentType;
  /** Fetches the screen's code ahead of use. */
  load: () => Promise<unknown>;
  /** Roles that see it in the navigation; all when omitted. */
  roles?: Role[];
  /** A keyboard shortcut shown in the navigation, e.g. 'Alt+1'. */
  shortcut?: string;
  /** Roles that land on this screen when they sign in. */
  homeFor?: Role[];
  /** Reached from inside another screen rather than from the navigation. */
  hidden?: boolean;
}

/** Every screen of the app, in navigation order. A feature adds its screen here, once. */
export const VIEWS: ViewDef[] = [
  { id: 'today', label: 'Today', icon: Sun, component: lazy(loadTodayView), load: loadTodayView, homeFor: ['supervisor'] },
  { id: 'rota', label: 'Rota', icon: CalendarDays, component: lazy(loadPlannerView), load: loadPlannerView },
  { id: 'incidents', label: 'Incidents', icon: Siren, component: lazy(loadIncidentsView), load: loadIncidentsView },
  { id: 'log', label: 'Occurrence log', icon: NotebookPen, component: lazy(loadLogView), load: loadLogView },
  { id: 'sites', label: 'Sites', icon: Building2, component: lazy(loadSitesView), load: loadSitesView },
  { id: 'staff', label: 'Staff', icon: Users, component: lazy(loadStaffView), load: loadStaffView },
  { id: 'absences', label: 'Team absences', icon: CalendarOff, component: lazy(loadTeamAbsencesView), load: loadTeamAbsencesView },
  { id: 'leave', label: 'Leave requests', icon: CalendarCheck, component: lazy(loadLeaveView), load: loadLeaveView },
  { id: 'licences', label: 'Licence watch', icon: ShieldAlert, component: lazy(loadLicenceWatchView), load: loadLicenceWatchView },
  {
    id: 'attendance',
    label: 'Attendance',
    icon: ClipboardCheck,
    component: lazy(loadAttendanceView),
    load: loadAttendanceView,
    roles: ['manager'],
  },
  { id: 'reports', label: 'Reports', icon: BarChart3, component: lazy(loadReportsView), load: loadReportsView, roles: ['manager'] },
  { id: 'exchange', label: 'Exchange', icon: ArrowLeftRight, component: lazy(loadExchangeView), load: loadExchangeView },
  { id: 'backups', label: 'Backups', icon: DatabaseBackup, component: lazy(loadBackupsView), load: loadBackupsView, roles: ['manager'] },
  {
    id: 'conflicts',
    label: 'Conflicts',
    icon: GitCompare,
    component: lazy(loadConflictsView),
    load: loadConflictsView,
    roles: ['manager'],
    hidden: true,
  },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, component: lazy(loadSettingsView), load: loadSettingsView },
];

import { ArrowLeftRight, BarChart3, Building2, CalendarDays, CalendarOff, ClipboardCheck, DatabaseBackup, NotebookPen, Settings as SettingsIcon, ShieldAlert, Siren, Sun, Users, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/schemas/account';
import { PlannerView } from './rota/PlannerView';
import { BackupsView } from './backups/BackupsView';
import { ExchangeView } from './exchange/ExchangeView';
import { SettingsView } from './settings/SettingsView';
import { SitesView } from './sites/SitesView';
import { LicenceWatchView } from './staff/LicenceWatchView';
import { StaffView } from './staff/StaffView';
import { TeamAbsencesView } from './staff/TeamAbsencesView';
import { IncidentsView } from './incidents/IncidentsView';
import { LogView } from './occurrence/LogView';
import { TodayView } from './today/TodayView';
import { AttendanceView } from './attendance/AttendanceView';
import { ReportsView } from './reports/ReportsView';

export interface ViewDef {
  id: string;
  label: string;
  icon: LucideIcon;
  component: ComponentType;
  /** Roles that see it in the navigation; all when omitted. */
  roles?: Role[];
  /** A keyboard shortcut shown in the navigation, e.g. 'Alt+1'. */
  shortcut?: string;
  /** Roles that land on this screen when they sign in. */
  homeFor?: Role[];
}

/** Every screen of the app, in navigation order. A feature adds its screen here, once. */
export const VIEWS: ViewDef[] = [
  { id: 'today', label: 'Today', icon: Sun, component: TodayView, homeFor: ['supervisor'] },
  { id: 'rota', label: 'Rota', icon: CalendarDays, component: PlannerView },
  { id: 'incidents', label: 'Incidents', icon: Siren, component: IncidentsView },
  { id: 'log', label: 'Occurrence log', icon: NotebookPen, component: LogView },
  { id: 'sites', label: 'Sites', icon: Building2, component: SitesView },
  { id: 'staff', label: 'Staff', icon: Users, component: StaffView },
  { id: 'absences', label: 'Team absences', icon: CalendarOff, component: TeamAbsencesView },
  { id: 'licences', label: 'Licence watch', icon: ShieldAlert, component: LicenceWatchView },
  { id: 'attendance', label: 'Attendance', icon: ClipboardCheck, component: AttendanceView, roles: ['manager'] },
  { id: 'reports', label: 'Reports', icon: BarChart3, component: ReportsView, roles: ['manager'] },
  { id: 'exchange', label: 'Exchange', icon: ArrowLeftRight, component: ExchangeView },
  { id: 'backups', label: 'Backups', icon: DatabaseBackup, component: BackupsView, roles: ['manager'] },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, component: SettingsView },
];

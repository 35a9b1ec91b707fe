import { Building2, Settings as SettingsIcon, type LucideIcon } from 'lucide-react';
import { BarChart3, ClipboardCheck, Sun } from 'lucide-react';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/schemas/account';
import { SettingsView } from './settings/SettingsView';
import { SitesView } from './sites/SitesView';
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
  { id: 'sites', label: 'Sites', icon: Building2, component: SitesView },
  { id: 'attendance', label: 'Attendance', icon: ClipboardCheck, component: AttendanceView, roles: ['manager'] },
  { id: 'reports', label: 'Reports', icon: BarChart3, component: ReportsView, roles: ['manager'] },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, component: SettingsView },
];

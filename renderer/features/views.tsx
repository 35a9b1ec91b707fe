import { Building2, CalendarDays, Settings as SettingsIcon, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/schemas/account';
import { PlannerView } from './rota/PlannerView';
import { SettingsView } from './settings/SettingsView';
import { SitesView } from './sites/SitesView';

export interface ViewDef {
  id: string;
  label: string;
  icon: LucideIcon;
  component: ComponentType;
  /** Roles that see it in the navigation; all when omitted. */
  roles?: Role[];
  /** A keyboard shortcut shown in the navigation, e.g. 'Alt+1'. */
  shortcut?: string;
}

/** Every screen of the app, in navigation order. A feature adds its screen here, once. */
export const VIEWS: ViewDef[] = [
  { id: 'sites', label: 'Sites', icon: Building2, component: SitesView },
  { id: 'rota', label: 'Rota', icon: CalendarDays, component: PlannerView },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, component: SettingsView },
];

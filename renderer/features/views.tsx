import { ArrowLeftRight, Building2, DatabaseBackup, Settings as SettingsIcon, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import type { Role } from '../../shared/schemas/account';
import { BackupsView } from './backups/BackupsView';
import { ExchangeView } from './exchange/ExchangeView';
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
  { id: 'exchange', label: 'Exchange', icon: ArrowLeftRight, component: ExchangeView },
  { id: 'backups', label: 'Backups', icon: DatabaseBackup, component: BackupsView, roles: ['manager'] },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, component: SettingsView },
];

import { call } from '../../api';
import type { SystemInfo } from '../../../shared/contract/system';
import type { Err } from '../../../shared/result';
import type { AccountView } from '../../../shared/schemas/account';
import type { Settings } from '../../../shared/schemas/settings';
import type { Load, Slice } from '../../store/types';

export interface SettingsSlice {
  settings: Load<Settings>;
  accounts: Load<AccountView[]>;
  system: SystemInfo | null;
  loadSettings: () => Promise<void>;
  saveSettings: (patch: Partial<Settings>) => Promise<Err | null>;
  loadAccounts: () => Promise<void>;
  createAccount: (input: {
    username: string;
    displayName: string;
    role: 'manager' | 'supervisor';
    sites: string[];
    password: string;
  }) => Promise<Err | null>;
  setAccountDisabled: (id: string, disabled: boolean) => Promise<Err | null>;
  setPin: (password: string, pin: string | null) => Promise<Err | null>;
  changePassword: (current: string, next: string) => Promise<Err | null>;
  loadSystem: () => Promise<void>;
  dismissNotice: (id: string) => Promise<void>;
}

export const createSettingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: { status: 'idle' },
  accounts: { status: 'idle' },
  system: null,
  loadSettings: async () => {
    const r = await call('settings:get', {});
    set({ settings: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
  saveSettings: async (patch) => {
    const r = await call('settings:update', patch);
    if (!r.ok) return r;
    set({ settings: { status: 'ready', data: r.data } });
    await get().refreshAuth();
    return null;
  },
  loadAccounts: async () => {
    const r = await call('accounts:list', {});
    set({ accounts: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
  },
  createAccount: async (input) => {
    const r = await call('accounts:create', input);
    if (!r.ok) return r;
    await get().loadAccounts();
    return null;
  },
  setAccountDisabled: async (id, disabled) => {
    const r = await call('accounts:update', { id, disabled });
    if (!r.ok) return r;
    await get().loadAccounts();
    return null;
  },
  setPin: async (password, pin) => {
    const r = await call('accounts:set-pin', { password, pin });
    if (!r.ok) return r;
    await get().refreshAuth();
    return null;
  },
  changePassword: async (current, next) => {
    const r = await call('accounts:change-password', { current, next });
    return r.ok ? null : r;
  },
  loadSystem: async () => {
    const r = await call('system:info', {});
    if (r.ok) set({ system: r.data });
  },
  dismissNotice: async (id) => {
    await call('system:dismiss-notice', { id });
    await get().loadSystem();
  },
});

import { Building2, Lock, LogOut, Settings as SettingsIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useStore } from '../../store/appStore';
import type { View } from './navSlice';
import { NoticesBanner } from './NoticesBanner';

const NAV: { view: View; label: string; icon: typeof Building2; managerOnly?: boolean }[] = [
  { view: 'sites', label: 'Sites', icon: Building2 },
  { view: 'settings', label: 'Settings', icon: SettingsIcon },
];

/** The frame around every signed-in screen: navigation, who is signed in, lock and sign out. */
export const Shell = ({ children }: { children: ReactNode }) => {
  const { view, go, auth, lock, signOut } = useStore();
  const user = auth?.user;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <img src="./logo.svg" alt="" width={28} height={28} />
          <span>SiteDesk</span>
        </div>
        <ul>
          {NAV.filter((n) => !n.managerOnly || user?.role === 'manager').map(({ view: v, label, icon: Icon }) => (
            <li key={v}>
              <button className={`nav-item${view === v ? ' active' : ''}`} aria-current={view === v ? 'page' : undefined} onClick={() => go(v)}>
                <Icon aria-hidden size={18} />
                {label}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <div className="who">
            <strong>{user?.displayName}</strong>
            <span className="muted">{user?.role === 'manager' ? 'Manager' : `Supervisor · ${user?.sites.join(', ')}`}</span>
          </div>
          <button className="btn btn-quiet" onClick={() => void lock()} title="Lock the screen (Ctrl+L)">
            <Lock aria-hidden size={16} /> Lock
          </button>
          <button className="btn btn-quiet" onClick={() => void signOut()}>
            <LogOut aria-hidden size={16} /> Sign out
          </button>
        </div>
      </nav>
      <div className="content">
        <NoticesBanner />
        {children}
      </div>
    </div>
  );
};

import { Lock, LogOut, SirenIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useStore, useStoreFields } from '../../store/appStore';
import { VIEWS } from '../views';
import { NoticesBanner } from './NoticesBanner';
import { NewIncidentDialog } from '../incidents/NewIncidentDialog';
import { useIncidentShortcut } from '../incidents/useIncidentShortcut';
import { ConflictsLink, SyncIndicator } from '../sync/SyncIndicator';

/** The frame around every signed-in screen: navigation, who is signed in, lock and sign out. */
export const Shell = ({ children }: { children: ReactNode }) => {
  const { view, go, auth, lock, signOut } = useStoreFields('view', 'go', 'auth', 'lock', 'signOut');
  const startNewIncident = useStore((s) => s.startNewIncident);
  useIncidentShortcut();
  const user = auth?.user;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <img src="./logo.svg" alt="" width={28} height={28} />
          <span>SiteDesk</span>
        </div>
        <ul>
          {VIEWS.filter((n) => !n.hidden && (!n.roles || (user && n.roles.includes(user.role)))).map(
            ({ id, label, icon: Icon, shortcut }) => (
              <li key={id}>
                <button
                  className={`nav-item${view === id ? ' active' : ''}`}
                  aria-current={view === id ? 'page' : undefined}
                  onClick={() => go(id)}
                  title={shortcut}
                >
                  <Icon aria-hidden size={18} />
                  {label}
                </button>
              </li>
            ),
          )}
        </ul>
        <button
          className="btn btn-record"
          onClick={() => startNewIncident()}
          title="Record an incident (Ctrl+I or Alt+N)"
          aria-keyshortcuts="Control+I Alt+N"
        >
          <SirenIcon aria-hidden size={16} /> Record incident
        </button>
        <div className="sidebar-foot">
          <SyncIndicator />
          {user?.role === 'manager' && <ConflictsLink />}
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
      <NewIncidentDialog />
    </div>
  );
};

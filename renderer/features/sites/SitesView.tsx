import { Plus } from 'lucide-react';
import { useEffect } from 'react';
import { londonToday, weekdayOf } from '../../../shared/domain/dates';
import { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';
import { Banner } from '../../components/Banner';
import { useNow } from '../../components/useNow';
import { useStore, useStoreFields } from '../../store/appStore';
import { SiteEditor } from './SiteEditor';
import { SitePage } from './SitePage';
import { TableHead } from '../../components/TableHead';

/** The sites screen: the list, one site's page (`viewParam` is its code), or a new site (`new`). */
export const SitesView = () => {
  const param = useStore((s) => s.viewParam);
  const go = useStore((s) => s.go);
  if (param === 'new')
    return (
      <section aria-labelledby="site-title">
        <header className="page-head">
          <h1 id="site-title">Add a site</h1>
        </header>
        <SiteEditor site={null} onDone={(code) => go('sites', code)} />
      </section>
    );
  return param ? <SitePage code={param} /> : <SitesList />;
};

/** The sites this user can see, with what runs there and today's opening hours. */
const SitesList = () => {
  const { sites, loadSites, go, auth } = useStoreFields('sites', 'loadSites', 'go', 'auth');
  useEffect(() => {
    void loadSites();
  }, [loadSites]);
  const today = weekdayOf(londonToday(useNow()));

  return (
    <section aria-labelledby="sites-title">
      <header className="page-head">
        <h1 id="sites-title">Sites</h1>
        {sites.status === 'ready' && <p className="muted">{sites.data.length} sites</p>}
        {auth?.user?.role === 'manager' && (
          <div className="page-actions">
            <button className="btn" onClick={() => go('sites', 'new')}>
              <Plus aria-hidden size={16} /> Add site
            </button>
          </div>
        )}
      </header>
      {sites.status === 'error' && <Banner tone="error">{sites.message}</Banner>}
      {sites.status === 'loading' && <p className="muted">Loading sites…</p>}
      {sites.status === 'ready' && sites.data.length === 0 && <p className="empty">No sites yet.</p>}
      {sites.status === 'ready' && sites.data.length > 0 && (
        <table className="table">
          <TableHead columns={['Code', 'Site', 'Services', 'Open today']} />
          <tbody>
            {sites.data.map((s) => {
              const hours = s.opening[today];
              return (
                <tr key={s.id}>
                  <td>
                    <span className="code">{s.code}</span>
                  </td>
                  <td>
                    <button className="link-button" onClick={() => go('sites', s.code)}>
                      {s.name}
                    </button>
                    <div className="muted small">{s.address}</div>
                  </td>
                  <td>
                    <ul className="tags" aria-label={`Services at ${s.name}`}>
                      {s.services.map((sv) => (
                        <li key={sv} className={`tag tag-${sv}`}>
                          {SERVICE_LABEL[sv]}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{hours ? `${hours.open}–${hours.close}` : <span className="muted">Closed</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
};

import { Pencil } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatOpeningHours } from '../../../shared/domain/directory';
import { formatWhenGB } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { useStoreFields } from '../../store/appStore';
import { SERVICE_LABEL } from './CoverEditor';
import { CoverTimeline } from './CoverTimeline';
import { SiteEditor } from './SiteEditor';
import { BackButton } from '../../components/BackButton';
import './sites.css';

/** One site: its details and, at a glance, the cover each service needs through the week. */
export const SitePage = ({ code }: { code: string }) => {
  const { site, loadSite, go, auth } = useStoreFields('site', 'loadSite', 'go', 'auth');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadSite(code);
  }, [loadSite, code]);
  const manager = auth?.user?.role === 'manager';
  const back = <BackButton label="All sites" onClick={() => go('sites')} />;
  if (site.status === 'error')
    return (
      <>
        {back}
        <Banner tone="error">{site.message}</Banner>
      </>
    );
  if (site.status !== 'ready' || site.data.code !== code) return <p className="muted">Loading site…</p>;
  const s = site.data;

  if (editing)
    return (
      <section aria-labelledby="site-title">
        {back}
        <header className="page-head">
          <h1 id="site-title">Edit {s.name}</h1>
        </header>
        <SiteEditor
          site={s}
          onDone={(_code, didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      </section>
    );

  return (
    <section aria-labelledby="site-title">
      {back}
      <header className="page-head">
        <span className="code">{s.code}</span>
        <h1 id="site-title">{s.name}</h1>
        {manager && (
          <div className="page-actions">
            <button className="btn btn-primary" onClick={() => (setEditing(true), setSaved(false))}>
              <Pencil aria-hidden size={16} /> Edit site and cover
            </button>
          </div>
        )}
      </header>
      {saved && <Banner tone="ok">Saved. The cover below is what the rota will be checked against.</Banner>}
      <div className="site-grid">
        <div className="card">
          <h2>Details</h2>
          <dl className="facts">
            <dt>Address</dt>
            <dd>{s.address}</dd>
            <dt>Services</dt>
            <dd>{s.services.map((x) => SERVICE_LABEL[x]).join(', ')}</dd>
            <dt>Contacts</dt>
            <dd>
              {s.contacts.length === 0 && <span className="muted">None recorded</span>}
              {s.contacts.map((c, i) => (
                <div key={i}>
                  <span className="strong">{c.name}</span>
                  {c.role && ` · ${c.role}`}
                  {c.phone && ` · ${c.phone}`}
                </div>
              ))}
            </dd>
            <dt>Notes</dt>
            <dd>{s.notes || <span className="muted">None</span>}</dd>
            <dt>Last changed</dt>
            <dd className="muted small">{formatWhenGB(s.updatedAt)}</dd>
          </dl>
        </div>
        <div className="card">
          <h2>Opening hours</h2>
          <dl className="facts">
            {formatOpeningHours(s.opening).map((l) => (
              <div key={l.days} style={{ display: 'contents' }}>
                <dt>{l.days}</dt>
                <dd>{l.hours}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <h2 className="section-title">Cover through the week</h2>
      <div className="timelines">
        {s.services.map((sv) => (
          <CoverTimeline key={sv} cover={s.cover} service={sv} title={SERVICE_LABEL[sv]} />
        ))}
      </div>
    </section>
  );
};

import { useEffect } from 'react';
import type { LicenceWatchItem } from '../../../shared/contract/staff';
import { formatDateGB, formatDayShort } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { LicenceBadge } from '../../components/LicenceBadge';
import { useStore, useStoreFields } from '../../store/appStore';
import './staff.css';
import { TableHead } from '../../components/TableHead';
import { counted } from '../../../shared/domain/counted';

const SECTIONS = [
  { key: 'expired', title: 'Expired', empty: 'No security staff have an expired licence.' },
  { key: 'within30', title: 'Expires within 30 days', empty: 'None expire in the next 30 days.' },
  { key: 'within60', title: 'Expires in 31 to 60 days', empty: 'None expire in 31 to 60 days.' },
  { key: 'none', title: 'Security staff with no licence on file', empty: 'Every security officer has a licence on file.' },
] as const;

const Section = ({ title, items, empty }: { title: string; items: LicenceWatchItem[]; empty: string }) => {
  const go = useStore((s) => s.go);
  const id = `watch-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="watch-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-pill">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table">
          <TableHead columns={['Name', 'Home site', 'Licence', 'Security shifts rostered after expiry']} />
          <tbody>
            {items.map((i) => (
              <tr key={i.staffId}>
                <td>
                  <button className="link-button" onClick={() => go('staff', i.staffId)}>
                    {i.name}
                  </button>
                  <div className="muted small">{i.employeeNumber}</div>
                </td>
                <td>{i.homeSite ?? '—'}</td>
                <td>
                  <LicenceBadge state={{ status: i.status, expires: i.expires, daysLeft: i.daysLeft }} />
                  {i.expires && <div className="muted small">Expiry {formatDateGB(i.expires)}</div>}
                </td>
                <td>
                  {i.shifts.length === 0 ? (
                    <span className="muted">None rostered</span>
                  ) : (
                    <>
                      <strong className="field-error" style={{ display: 'inline' }}>
                        {counted(i.shifts.length, 'shift')} at risk
                      </strong>
                      <ul className="shift-list small">
                        {i.shifts.slice(0, 5).map((s) => (
                          <li key={s.id}>
                            {formatDayShort(s.date)} · {s.site}
                          </li>
                        ))}
                        {i.shifts.length > 5 && <li>and {i.shifts.length - 5} more</li>}
                      </ul>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

/** Security staff whose SIA licence has lapsed or soon will, with the shifts that would then be unlicensed. */
export const LicenceWatchView = () => {
  const { licenceWatch, loadLicenceWatch } = useStoreFields('licenceWatch', 'loadLicenceWatch');
  useEffect(() => {
    void loadLicenceWatch();
  }, [loadLicenceWatch]);
  return (
    <section aria-labelledby="watch-title">
      <header className="page-head">
        <h1 id="watch-title">Licence watch</h1>
        {licenceWatch.status === 'ready' && <p className="muted">SIA licences as of {formatDateGB(licenceWatch.data.today)}</p>}
      </header>
      {licenceWatch.status === 'error' && <Banner tone="error">{licenceWatch.message}</Banner>}
      {licenceWatch.status === 'loading' && <p className="muted">Loading…</p>}
      {licenceWatch.status === 'ready' && (
        <>
          <p className="muted">A licence is valid through its expiry date. Renewals take weeks: chase anyone within 60 days now.</p>
          {SECTIONS.map((s) => (
            <Section key={s.key} title={s.title} items={licenceWatch.data[s.key]} empty={s.empty} />
          ))}
        </>
      )}
    </section>
  );
};

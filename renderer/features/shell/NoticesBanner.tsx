import { useEffect } from 'react';
import { formatWhenGB } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { useStoreFields } from '../../store/appStore';

/** Tells the user what the storage layer repaired on its own (a damaged file restored from backup), and when edits made here will be refused elsewhere. */
export const NoticesBanner = () => {
  const { system, loadSystem, dismissNotice, auth } = useStoreFields('system', 'loadSystem', 'dismissNotice', 'auth');
  useEffect(() => {
    void loadSystem();
  }, [loadSystem]);
  const notices = system?.notices ?? [];
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((n) =>
        n.kind === 'clock-ahead' ? (
          // Worked out from the clock on each load: dismissing it would change nothing, so there is no button.
          <Banner key={n.id} tone="warn">
            <strong>Edits made on this computer will be refused elsewhere.</strong> {n.message}
          </Banner>
        ) : (
          <Banner
            key={n.id}
            tone="warn"
            action={
              auth?.user?.role === 'manager' ? (
                <button className="btn btn-quiet" onClick={() => void dismissNotice(n.id)}>
                  Dismiss
                </button>
              ) : undefined
            }
          >
            <strong>
              {n.kind === 'dangling' ? 'Needs checking after a recovery' : 'Data recovered'} {formatWhenGB(n.at)}.
            </strong>{' '}
            {n.message}
          </Banner>
        ),
      )}
    </div>
  );
};

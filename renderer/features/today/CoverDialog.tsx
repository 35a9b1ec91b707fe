import { useEffect, useState } from 'react';
import type { CoverOptions } from '../../../shared/contract/today';
import { Banner } from '../../components/Banner';
import { PanelDialog } from '../../components/PanelDialog';
import { useStoreFields } from '../../store/appStore';

type State = { status: 'loading' } | { status: 'ready'; options: CoverOptions } | { status: 'error'; message: string };

/** The ranked people who can cover a shift from now; assigning one writes them onto the shift. */
export const CoverDialog = ({
  shiftId,
  title,
  onClose,
  onAssigned,
}: {
  shiftId: string;
  title: string;
  onClose: () => void;
  onAssigned: (name: string) => void;
}) => {
  const { coverOptions, assignCover } = useStoreFields('coverOptions', 'assignCover');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void coverOptions(shiftId).then(
      (r) => live && setState(r.ok ? { status: 'ready', options: r.data } : { status: 'error', message: r.message }),
    );
    return () => {
      live = false;
    };
  }, [coverOptions, shiftId]);

  const assign = async (staffId: string, name: string) => {
    setBusy(true);
    const failure = await assignCover(shiftId, staffId);
    setBusy(false);
    if (failure) setError(failure.message);
    else onAssigned(name);
  };

  const cover = state.status === 'ready' ? state.options.cover : null;
  return (
    <PanelDialog
      onOpenChange={(open) => !open && onClose()}
      className="dialog dialog-wide"
      title={`Find cover: ${title}`}
      description={`${cover ? `Cover from ${cover.start} to ${cover.end}. ` : ''}Best first: people who can be there in time and break no rota rule.`}
    >
      {error && <Banner tone="error">{error}</Banner>}
      {state.status === 'loading' && <p className="muted">Finding people…</p>}
      {state.status === 'error' && <Banner tone="error">{state.message}</Banner>}
      {state.status === 'ready' && !cover && <Banner tone="warn">Too little of this shift is left to cover.</Banner>}
      {state.status === 'ready' && cover && state.options.candidates.length === 0 && (
        <Banner tone="warn">Nobody can cover this without breaking a rule. Ask a manager.</Banner>
      )}
      {state.status === 'ready' && cover && state.options.candidates.length > 0 && (
        <ol className="candidates">
          {state.options.candidates.map((c, i) => (
            <li key={c.staffId} className="candidate">
              <div>
                <div className="person-name">
                  {i + 1}. {c.name}
                </div>
                {c.phone ? (
                  <p className="phone">
                    <span aria-hidden>☎ </span>Phone {c.phone}
                  </p>
                ) : (
                  <p className="muted small">No phone number on record</p>
                )}
                <ul className="reasons small">
                  {c.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                {c.warnings
                  .filter((w) => w.severity === 'warn')
                  .map((w) => (
                    <p key={w.message} className="small warn-text">
                      ⚠ Warning: {w.message}
                    </p>
                  ))}
              </div>
              <button className="btn btn-primary" disabled={busy} onClick={() => void assign(c.staffId, c.name)}>
                Assign<span className="visually-hidden"> {c.name}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </PanelDialog>
  );
};

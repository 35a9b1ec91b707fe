import { useEffect, useState } from 'react';
import { formatDayShort } from '../../../shared/domain/dates';
import type { Candidate } from '../../../shared/domain/rota';
import type { Shift } from '../../../shared/schemas/shift';
import { Banner } from '../../components/Banner';
import { PanelDialog } from '../../components/PanelDialog';
import { useStore, useStoreFields } from '../../store/appStore';
import { saveOf } from './commands';
import { FindingList } from './FindingList';
import { SERVICE_LABEL } from './labels';
import { isErr } from './rotaSlice';

/** Who could take an open shift, best first, with why each ranks there and what they would add. */
export const FillPanel = ({ shift, onClose }: { shift: Shift; onClose: () => void }) => {
  const { candidatesFor, saveShifts } = useStoreFields('candidatesFor', 'saveShifts');
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const [list, setList] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void candidatesFor(shift.id, shift.date).then((r) => (isErr(r) ? setError(r.message) : setList(r)));
  }, [candidatesFor, shift.id, shift.date]);

  const assign = async (c: Candidate) => {
    const failure = await saveShifts(`Assign ${c.name}`, [{ ...saveOf(shift), staffId: c.staffId }]);
    if (failure) setError(failure.message);
    else onClose();
  };

  return (
    <PanelDialog
      onOpenChange={(o) => !o && onClose()}
      className="dialog dialog-wide fill-panel"
      title="Fill open shift"
      description={
        <>
          {SERVICE_LABEL[shift.service]} at {shift.site}, {formatDayShort(shift.date)} {shift.start}–{shift.end}. People who would break a
          block rule are not listed.
        </>
      }
    >
      {error && <Banner tone="error">{error}</Banner>}
      {list === null && !error && <p className="muted">Ranking people…</p>}
      {list?.length === 0 && <Banner tone="warn">No one can take this shift without breaking a rule.</Banner>}
      <ol className="candidates" aria-label="Ranked people">
        {list?.map((c, i) => (
          <li key={c.staffId} className="candidate">
            <div className="candidate-head">
              <span className="rank" aria-hidden>
                {i + 1}
              </span>
              <strong>{c.name}</strong>
              {canPlan && (
                <button type="button" className="btn btn-primary btn-small" onClick={() => void assign(c)} aria-label={`Assign ${c.name}`}>
                  Assign
                </button>
              )}
            </div>
            <ul className="reasons">
              {c.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <FindingList findings={c.warnings} />
          </li>
        ))}
      </ol>
    </PanelDialog>
  );
};

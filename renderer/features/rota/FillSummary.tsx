import { CloseButton, PanelDialog } from '../../components/PanelDialog';
import { formatDayShort } from '../../../shared/domain/dates';
import type { FillWeekResult, WeekView } from '../../../shared/contract/rota';
import { nameOf, SERVICE_LABEL } from './labels';
import { TableHead } from '../../components/TableHead';

/** What "fill all open shifts" did: who went where, and why the rest stay open. */
export const FillSummary = ({ result, view, onClose }: { result: FillWeekResult; view: WeekView; onClose: () => void }) => {
  const staff = new Map(view.staff.map((s) => [s.id, s]));
  const shifts = new Map([...result.after, ...view.shifts].map((s) => [s.id, s]));
  const label = (id: string) => {
    const s = shifts.get(id);
    return s ? `${formatDayShort(s.date)} ${s.start}–${s.end} ${s.site}` : 'A shift';
  };
  const service = (id: string) => {
    const s = shifts.get(id);
    return s ? SERVICE_LABEL[s.service] : '';
  };
  const { before, after } = result.warnings;
  return (
    <PanelDialog
      onOpenChange={(o) => !o && onClose()}
      className="dialog dialog-wide"
      title={`Filled ${result.filled.length} of ${result.filled.length + result.unfilled.length} open shifts`}
      description="Each went to the best-ranked person who breaks no block rule. Undo with Ctrl+Z."
      actions={<CloseButton label="Done" primary />}
    >
      <p role="status" className={after > before ? 'strong' : undefined}>
        {after > before ? '⚠ ' : ''}Warnings this week went from {before} to {after}
        {after > before ? ': check the new ones in the planner before publishing.' : '.'}
      </p>
      {result.filled.length > 0 && (
        <>
          <h3>Filled</h3>
          <table className="table">
            <TableHead columns={['Shift', 'Service', 'Person']} />
            <tbody>
              {result.filled.map((f) => (
                <tr key={f.shiftId}>
                  <td>{label(f.shiftId)}</td>
                  <td>{service(f.shiftId)}</td>
                  <td className="strong">{nameOf(staff, f.staffId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result.unfilled.length > 0 && (
        <>
          <h3>Not filled</h3>
          <table className="table">
            <TableHead columns={['Shift', 'Service', 'Why it stays open']} />
            <tbody>
              {result.unfilled.map((u) => (
                <tr key={u.shiftId}>
                  <td>{label(u.shiftId)}</td>
                  <td>{service(u.shiftId)}</td>
                  <td>{u.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PanelDialog>
  );
};

import { AlertOctagon, AlertTriangle, CircleDashed, ShieldAlert } from 'lucide-react';
import type { DragEvent, MouseEvent } from 'react';
import type { Finding } from '../../../shared/domain/rota';
import type { Shift } from '../../../shared/schemas/shift';
import { worst } from './labels';

interface Props {
  shift: Shift;
  who: string;
  findings: readonly Finding[];
  selected: boolean;
  /** What else to show beside the time: the site and service in the person view. */
  context?: string;
  /** On the all-sites grid the cell shows the time once above the cards that share it; the card shows who. */
  timeShown?: boolean;
  onOpen: (shift: Shift) => void;
  onToggle: (shift: Shift, range: boolean) => void;
}

/**
 * One shift on the grid: its time, who is on it (or OPEN), and any warnings as icon and text. A draft
 * is drawn dashed and pale rather than labelled, so the card keeps its line for the name.
 */
export const ShiftCard = ({ shift, who, findings, selected, context, timeShown = true, onOpen, onToggle }: Props) => {
  const level = worst(findings);
  const blocks = findings.filter((f) => f.severity === 'block').length;
  const warns = findings.filter((f) => f.severity === 'warn').length;
  const open = shift.staffId === null;
  const tipId = `tip-${shift.id}`;
  const click = (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) {
      e.preventDefault();
      onToggle(shift, e.shiftKey);
    } else onOpen(shift);
  };
  const drag = (e: DragEvent) => {
    e.dataTransfer.setData('text/x-shift', shift.id);
    e.dataTransfer.effectAllowed = 'move';
  };
  const label = [
    `${shift.start}–${shift.end}`,
    who,
    context,
    shift.status === 'draft' ? 'draft' : 'published',
    blocks ? `${blocks} blocked` : '',
    warns ? `${warns} warning${warns > 1 ? 's' : ''}` : '',
    shift.override ? 'overridden' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <button
      type="button"
      className={`shift-card${timeShown ? '' : ' is-compact'}${open ? ' is-open' : ''}${selected ? ' is-selected' : ''}${level ? ` has-${level}` : ''}${shift.status === 'draft' ? ' is-draft' : ''}`}
      draggable
      onDragStart={drag}
      onClick={click}
      aria-pressed={selected}
      aria-label={label}
      aria-describedby={findings.length ? tipId : undefined}
      data-shift-id={shift.id}
    >
      {timeShown && (
        <span className="shift-time">
          {shift.start}–{shift.end}
        </span>
      )}
      <span className="shift-who">
        {open && <CircleDashed aria-hidden size={13} />}
        {who}
      </span>
      {context && <span className="shift-context">{context}</span>}
      {(blocks > 0 || warns > 0 || shift.override) && (
        <span className="shift-badges">
          {blocks > 0 && (
            <span className="badge badge-block">
              <AlertOctagon aria-hidden size={12} />
              {timeShown ? ` ${blocks} block` : blocks > 1 && blocks}
            </span>
          )}
          {warns > 0 && (
            <span className="badge badge-warn">
              <AlertTriangle aria-hidden size={12} />
              {timeShown ? ` ${warns} warn` : warns > 1 && warns}
            </span>
          )}
          {shift.override && (
            <span className="badge badge-override">
              <ShieldAlert aria-hidden size={12} />
              {timeShown && ' override'}
            </span>
          )}
        </span>
      )}
      {findings.length > 0 && (
        // The reasons show on keyboard focus as well as on hover, and are read out with the card.
        <span id={tipId} role="tooltip" className="shift-tip">
          {findings.map((f) => (
            <span key={`${f.rule}-${f.message}`} className={`shift-tip-line finding-${f.severity}`}>
              {f.message}
            </span>
          ))}
        </span>
      )}
    </button>
  );
};

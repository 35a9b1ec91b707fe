import { ChevronLeft, ChevronRight, Copy, FileDown, Printer, Redo2, Repeat, Send, Undo2, WandSparkles } from 'lucide-react';
import { formatDateGB, londonToday } from '../../../shared/domain/dates';
import type { WeekView } from '../../../shared/contract/rota';
import { useStore, useStoreFields } from '../../store/appStore';
import { SiteOptions } from '../../components/SiteOptions';

export type PlannerDialog = 'publish' | 'copy' | 'pattern' | 'fill-week';

/** Week, site and view choice, and the week-wide actions. */
export const PlannerToolbar = ({ view, onDialog }: { view: WeekView | null; onDialog: (d: PlannerDialog) => void }) => {
  const { rotaWeek, rotaSite, rotaMode, sites, loadWeek, moveWeek, setRotaMode, undo, redo, undoStack, redoStack, exportWeekCsv } =
    useStoreFields(
      'rotaWeek',
      'rotaSite',
      'rotaMode',
      'sites',
      'loadWeek',
      'moveWeek',
      'setRotaMode',
      'undo',
      'redo',
      'undoStack',
      'redoStack',
      'exportWeekCsv',
    );
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const siteList = sites.status === 'ready' ? sites.data : [];
  const drafts = view?.shifts.filter((s) => s.status === 'draft').length ?? 0;
  return (
    <div className="planner-toolbar" role="toolbar" aria-label="Week">
      <div className="week-nav">
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => void moveWeek(-1)}
          aria-label="Previous week"
          title="Previous week (← or Page Up)"
        >
          <ChevronLeft aria-hidden size={18} />
        </button>
        <h2 className="week-label" aria-live="polite">
          Week of {formatDateGB(rotaWeek)}
        </h2>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => void moveWeek(1)}
          aria-label="Next week"
          title="Next week (→ or Page Down)"
        >
          <ChevronRight aria-hidden size={18} />
        </button>
        <button type="button" className="btn" onClick={() => void loadWeek(londonToday(Date.now()))} title="This week (T)">
          This week
        </button>
      </div>
      <div className="field inline">
        <label htmlFor="planner-site">Site</label>
        <select id="planner-site" value={rotaSite ?? ''} onChange={(e) => void loadWeek(rotaWeek, e.target.value || null)}>
          <option value="">All sites</option>
          <SiteOptions sites={siteList} />
        </select>
      </div>
      <div role="group" aria-label="Rows" className="segmented">
        <button type="button" className="btn" aria-pressed={rotaMode === 'sites'} onClick={() => setRotaMode('sites')}>
          By site
        </button>
        <button type="button" className="btn" aria-pressed={rotaMode === 'people'} onClick={() => setRotaMode('people')}>
          By person
        </button>
      </div>
      {canPlan && (
        <div className="actions">
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => void undo()}
            disabled={undoStack.length === 0}
            aria-label={undoStack.length ? `Undo ${undoStack.at(-1)!.label}` : 'Undo'}
            title="Undo (Ctrl+Z)"
          >
            <Undo2 aria-hidden size={18} />
          </button>
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => void redo()}
            disabled={redoStack.length === 0}
            aria-label={redoStack.length ? `Redo ${redoStack.at(-1)!.label}` : 'Redo'}
            title="Redo (Ctrl+Shift+Z)"
          >
            <Redo2 aria-hidden size={18} />
          </button>
          <button type="button" className="btn" onClick={() => onDialog('pattern')}>
            <Repeat aria-hidden size={16} /> Pattern
          </button>
          <button type="button" className="btn" onClick={() => onDialog('copy')}>
            <Copy aria-hidden size={16} /> Copy week
          </button>
          <button type="button" className="btn" onClick={() => onDialog('fill-week')}>
            <WandSparkles aria-hidden size={16} /> Fill open shifts
          </button>
          <button type="button" className="btn btn-primary" onClick={() => onDialog('publish')}>
            <Send aria-hidden size={16} /> Publish{drafts ? ` (${drafts})` : ''}
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn btn-quiet" onClick={() => void exportWeekCsv()}>
          <FileDown aria-hidden size={16} /> CSV
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => window.print()}>
          <Printer aria-hidden size={16} /> Print
        </button>
      </div>
    </div>
  );
};

import {
  Blocks,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  Copy,
  FileDown,
  LocateFixed,
  Printer,
  Redo2,
  Repeat,
  Send,
  Sparkles,
  Undo2,
  WandSparkles,
} from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useRef } from 'react';
import { formatDateGB, londonToday } from '../../../shared/domain/dates';
import type { WeekView } from '../../../shared/contract/rota';
import { useStore, useStoreFields } from '../../store/appStore';
import { SiteOptions } from '../../components/SiteOptions';

export type PlannerDialog = 'publish' | 'copy' | 'pattern' | 'fill-week' | 'build' | 'autofill';

/** The week's primary action, beside the findings in the planner's header. */
export const PublishButton = ({ view, onDialog }: { view: WeekView | null; onDialog: (d: PlannerDialog) => void }) => {
  const drafts = view?.shifts.filter((s) => s.status === 'draft').length ?? 0;
  return (
    <button type="button" className="btn btn-small btn-primary" onClick={() => onDialog('publish')}>
      <Send aria-hidden size={16} /> Publish{drafts ? ` (${drafts})` : ''}
    </button>
  );
};

interface Props {
  view: WeekView | null;
  onDialog: (d: PlannerDialog) => void;
  /** Scroll the all-sites grid to a site and put the keyboard on its first row. */
  onJump: (site: string) => void;
}

/**
 * Week, site and view choice, and the week-wide actions, on one line at 1360 px: the actions used once a
 * week (pattern, copy, fill, CSV, print) sit in one menu, undo and redo stay in view (Publish is in the header).
 */
export const PlannerToolbar = ({ view, onDialog, onJump }: Props) => {
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
  // A site picked from the jump menu: its row takes the focus once the menu has closed.
  const jumpTo = useRef<string | null>(null);
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
      {rotaMode === 'sites' && rotaSite === null && view && view.sites.length > 1 && (
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="btn" aria-label="Jump to site" title="Jump to a site's rows">
              <LocateFixed aria-hidden size={16} /> Jump
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              className="menu menu-sites"
              align="start"
              sideOffset={4}
              onCloseAutoFocus={(e) => {
                if (jumpTo.current === null) return;
                e.preventDefault();
                onJump(jumpTo.current);
                jumpTo.current = null;
              }}
            >
              {view.sites.map((s) => (
                <DropdownMenu.Item key={s.code} className="menu-item" textValue={s.name} onSelect={() => (jumpTo.current = s.code)}>
                  <span className="code">{s.code}</span> {s.name}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      <div role="group" aria-label="Rows" className="segmented">
        <button type="button" className="btn" aria-pressed={rotaMode === 'sites'} onClick={() => setRotaMode('sites')}>
          By site
        </button>
        <button type="button" className="btn" aria-pressed={rotaMode === 'people'} onClick={() => setRotaMode('people')}>
          By person
        </button>
      </div>
      <div className="actions">
        {canPlan && (
          <>
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
          </>
        )}
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="btn">
              Week actions <ChevronDown aria-hidden size={16} />
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              {canPlan && (
                <>
                  <DropdownMenu.Item className="menu-item" onSelect={() => onDialog('pattern')}>
                    <Repeat aria-hidden size={16} /> Pattern
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => onDialog('copy')}>
                    <Copy aria-hidden size={16} /> Copy week
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => onDialog('build')}>
                    <Blocks aria-hidden size={16} /> Build from cover
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => onDialog('fill-week')}>
                    <WandSparkles aria-hidden size={16} /> Fill open shifts
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => onDialog('autofill')}>
                    <Sparkles aria-hidden size={16} /> Auto-fill
                  </DropdownMenu.Item>
                  <DropdownMenu.Separator className="menu-separator" />
                </>
              )}
              <DropdownMenu.Item className="menu-item" onSelect={() => void exportWeekCsv()}>
                <FileDown aria-hidden size={16} /> Export CSV
              </DropdownMenu.Item>
              {/* Printing waits for the menu to close, so the printed page has no menu on it. */}
              <DropdownMenu.Item className="menu-item" onSelect={() => setTimeout(() => window.print(), 0)}>
                <Printer aria-hidden size={16} /> Print
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </div>
  );
};

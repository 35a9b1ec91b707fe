import { Keyboard, ListChecks } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDateGB, londonToday } from '../../../shared/domain/dates';
import type { Finding } from '../../../shared/domain/rota';
import type { FillWeekResult } from '../../../shared/contract/rota';
import type { Shift } from '../../../shared/schemas/shift';
import { Banner } from '../../components/Banner';
import { useNow } from '../../components/useNow';
import { useStore, useStoreFields } from '../../store/appStore';
import { BulkBar } from './BulkBar';
import { saveOf } from './commands';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyWeekDialog } from './CopyWeekDialog';
import { AutofillPanel } from './AutofillPanel';
import { BuildFromCoverDialog } from './BuildFromCoverDialog';
import { FillPanel } from './FillPanel';
import { FillSummary } from './FillSummary';
import { FindingsPanel } from './FindingsPanel';
import { focusInGrid } from './locate';
import type { DropSpot } from './gridProps';
import { PatternDialog } from './PatternDialog';
import { PersonGrid } from './PersonGrid';
import { PersonPanel } from './PersonPanel';
import { PlannerToolbar, PublishButton, type PlannerDialog } from './PlannerToolbar';
import { isErr } from './rotaSlice';
import { ShiftDialog, type ShiftDraft } from './ShiftDialog';
import { usePlannerKeys } from './usePlannerKeys';
import { PrintWeek } from './PrintWeek';
import { WeekGrid, type WeekGridHandle } from './WeekGrid';
import './rota.css';
import { counted } from '../../../shared/domain/counted';

type Open =
  | { kind: 'none' }
  | { kind: 'shift'; shift: Shift | null; initial: ShiftDraft }
  | { kind: 'fill'; shift: Shift }
  | { kind: 'person'; staffId: string }
  | { kind: 'summary'; result: FillWeekResult }
  | { kind: Exclude<PlannerDialog, 'fill-week'> };

/** The rota planner: a week for one site or all, every finding and gap on the grid, and every action undoable. */
export const PlannerView = () => {
  const {
    rota,
    rotaMode,
    rotaWeek,
    rotaSite,
    selection,
    select,
    loadWeek,
    moveWeek,
    undo,
    redo,
    saveShifts,
    publishWeek,
    fillWeek,
    rotaNotice,
    dismissRotaNotice,
    loadSites,
    loadAccounts,
    loadSettings,
  } = useStoreFields(
    'rota',
    'rotaMode',
    'rotaWeek',
    'rotaSite',
    'selection',
    'select',
    'loadWeek',
    'moveWeek',
    'undo',
    'redo',
    'saveShifts',
    'publishWeek',
    'fillWeek',
    'rotaNotice',
    'dismissRotaNotice',
    'loadSites',
    'loadAccounts',
    'loadSettings',
  );
  const canPlan = useStore((s) => s.auth?.user?.role === 'manager');
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const gridWrap = useRef<HTMLDivElement>(null);
  const weekGrid = useRef<WeekGridHandle>(null);
  const [panel, setPanel] = useState(false);
  const today = londonToday(useNow());
  useEffect(() => {
    void loadSites();
    // Opening the planner shows the week held at once and always asks main for it anew: leave approved
    // or shifts covered on another screen (or by sync) in the last seconds must show here.
    void loadWeek(undefined, undefined, true);
    // The live rule check in the shift dialog uses the thresholds and bank holidays set in Settings.
    void loadSettings();
    if (canPlan) void loadAccounts();
  }, [loadSites, loadWeek, loadAccounts, loadSettings, canPlan]);

  const view = rota.status === 'ready' ? rota.data : null;
  const staff = useMemo(() => new Map((view?.staff ?? []).map((s) => [s.id, s])), [view]);
  const findings = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of view?.findings ?? []) for (const id of f.shiftIds) m.set(id, [...(m.get(id) ?? []), f]);
    return m;
  }, [view]);

  // N pressed while the week is still loading opens the dialog as soon as it has loaded, not never.
  const newWhenLoaded = useRef(false);
  const newShift = useCallback(
    (spot?: DropSpot) => {
      if (!canPlan) return;
      if (!view) {
        newWhenLoaded.current = !spot;
        return;
      }
      const site = view.sites.find((s) => s.code === spot?.site) ?? view.sites[0];
      if (!site) return;
      const date = spot?.date ?? (view.dates.includes(today) ? today : view.dates[0]);
      setOpen({
        kind: 'shift',
        shift: null,
        initial: {
          site: site.code,
          service: spot?.service ?? site.services[0],
          date,
          start: '07:00',
          end: '19:00',
          breakMinutes: 30,
          staffId: spot?.staffId ?? null,
          notes: '',
        },
      });
    },
    [view, canPlan, today],
  );
  useEffect(() => {
    if (!view || !newWhenLoaded.current) return;
    newWhenLoaded.current = false;
    newShift();
  }, [view, newShift]);
  const keys = useMemo(
    () => ({
      prevWeek: () => void moveWeek(-1),
      nextWeek: () => void moveWeek(1),
      thisWeek: () => void loadWeek(today),
      newShift: () => newShift(),
      undo: () => void undo(),
      redo: () => void redo(),
      deleteSelected: () => {
        const chosen = view?.shifts.filter((s) => selection.includes(s.id)) ?? [];
        if (canPlan && chosen.length)
          void saveShifts(
            `Delete ${chosen.length} shift${chosen.length > 1 ? 's' : ''}`,
            chosen.map((s) => ({ ...saveOf(s), deleted: true })),
          );
      },
      clearSelection: () => select([]),
    }),
    [moveWeek, loadWeek, today, newShift, undo, redo, view, selection, canPlan, saveShifts, select],
  );
  usePlannerKeys(keys);

  const onOpen = (shift: Shift) => setOpen({ kind: 'shift', shift, initial: saveOf(shift) as ShiftDraft });
  const onToggle = (shift: Shift) =>
    select(selection.includes(shift.id) ? selection.filter((id) => id !== shift.id) : [...selection, shift.id]);
  const onDrop = (shiftId: string, spot: DropSpot) => {
    const shift = view?.shifts.find((s) => s.id === shiftId);
    if (!shift || !canPlan) return;
    const moved = {
      ...saveOf(shift),
      date: spot.date,
      site: spot.site ?? shift.site,
      service: spot.service ?? shift.service,
      staffId: spot.staffId === undefined ? shift.staffId : spot.staffId,
    };
    const label = moved.staffId !== shift.staffId ? 'Reassign shift' : 'Move shift';
    if (JSON.stringify(moved) !== JSON.stringify(saveOf(shift)))
      void saveShifts(label, [moved]).then(
        (e) => e && useStore.setState({ rotaNotice: { tone: 'error', text: `${e.message} Open the shift to save it with an override.` } }),
      );
  };
  const close = () => setOpen({ kind: 'none' });
  const onDialog = (kind: PlannerDialog) => {
    if (kind !== 'fill-week') return setOpen({ kind });
    void fillWeek().then((r) =>
      isErr(r) ? useStore.setState({ rotaNotice: { tone: 'error', text: r.message } }) : setOpen({ kind: 'summary', result: r }),
    );
  };
  const grid = {
    dates: view?.dates ?? [],
    bankHolidays: view?.bankHolidays ?? [],
    shifts: view?.shifts ?? [],
    staff,
    findings,
    selection,
    today,
    onOpen,
    onToggle,
    onCreate: newShift,
    onDrop,
  };
  const revealSite = (site: string) => () => weekGrid.current?.scrollToSite(site);
  const jumpToSite = (site: string) =>
    focusInGrid(gridWrap.current, `[data-site-head="${site}"]`, { reveal: revealSite(site), jump: true });
  const focusShift = (shift: Shift) =>
    focusInGrid(gridWrap.current, `[data-shift-id="${shift.id}"]`, { reveal: revealSite(shift.site), mark: true });
  const blocks = view?.findings.filter((f) => f.severity === 'block').length ?? 0;
  const warns = view?.findings.filter((f) => f.severity === 'warn').length ?? 0;
  const openShifts = view?.shifts.filter((s) => s.staffId === null).length ?? 0;

  return (
    <section aria-labelledby="rota-title" className="planner" data-week={view?.weekStart} data-status={rota.status}>
      <header className="page-head">
        <h1 id="rota-title">Rota</h1>
        {view && (
          <p className="muted planner-summary" aria-live="polite">
            {counted(view.shifts.length, 'shift')} · {openShifts} open · {counted(view.gaps.length, 'cover gap')} · {blocks} blocked ·{' '}
            {counted(warns, 'warning')} · <span className="draft-key">dashed</span> = draft
          </p>
        )}
        {view && (
          <button
            type="button"
            className="btn btn-small findings-toggle"
            aria-expanded={panel}
            aria-controls={panel ? 'findings-panel' : undefined}
            onClick={() => setPanel(!panel)}
          >
            <ListChecks aria-hidden size={16} /> Findings ({view.findings.length + (rotaMode === 'sites' ? view.gaps.length : 0)})
          </button>
        )}
        {canPlan && (
          <details className="keys-hint">
            <summary className="btn btn-small btn-quiet">
              <Keyboard aria-hidden size={16} /> Keys
            </summary>
            <p className="keys-hint-text small">
              ← → weeks · T this week · N new shift · Ctrl+Z undo · Ctrl+Shift+Z redo · Ctrl+click selects · Delete removes the selection ·
              drag a card to move it · click an empty part of a day to add a shift there.
            </p>
          </details>
        )}
        {canPlan && <PublishButton view={view} onDialog={onDialog} />}
      </header>
      <PlannerToolbar view={view} onDialog={onDialog} onJump={jumpToSite} />
      {rotaNotice && (
        <Banner
          tone={rotaNotice.tone}
          action={
            <button type="button" className="btn btn-quiet" onClick={dismissRotaNotice}>
              Dismiss
            </button>
          }
        >
          {rotaNotice.text}
        </Banner>
      )}
      {rota.status === 'error' && <Banner tone="error">{rota.message}</Banner>}
      {rota.status === 'loading' && <p className="muted">Loading the week…</p>}
      {view && <BulkBar view={view} />}
      {view && (
        <div className="planner-body">
          <div className={rotaMode === 'sites' ? 'grid-wrap no-print' : 'grid-wrap'} ref={gridWrap}>
            {rotaMode === 'sites' ? (
              <WeekGrid {...grid} sites={view.sites} gaps={view.gaps} scrollRef={gridWrap} handle={weekGrid} />
            ) : (
              <PersonGrid {...grid} elsewhere={view.context} onPerson={(staffId) => setOpen({ kind: 'person', staffId })} />
            )}
          </div>
          {panel && (
            <FindingsPanel
              findings={view.findings}
              gaps={rotaMode === 'sites' ? view.gaps : []}
              shifts={view.shifts}
              staff={staff}
              onShift={focusShift}
              onSite={jumpToSite}
              onClose={() => setPanel(false)}
            />
          )}
        </div>
      )}
      {view && rotaMode === 'sites' && (
        <PrintWeek
          dates={grid.dates}
          bankHolidays={grid.bankHolidays}
          shifts={grid.shifts}
          staff={grid.staff}
          sites={view.sites}
          weekLabel={`Week of ${formatDateGB(view.weekStart)}`}
        />
      )}

      {view && open.kind === 'shift' && (
        <ShiftDialog
          view={view}
          shift={open.shift}
          initial={open.initial}
          onClose={close}
          onFindCover={(shift) => setOpen({ kind: 'fill', shift })}
        />
      )}
      {open.kind === 'fill' && <FillPanel shift={open.shift} onClose={close} />}
      {open.kind === 'person' && <PersonPanel staffId={open.staffId} weekStart={rotaWeek} onClose={close} />}
      {view && open.kind === 'pattern' && <PatternDialog view={view} onClose={close} />}
      {open.kind === 'copy' && <CopyWeekDialog onClose={close} />}
      {open.kind === 'build' && <BuildFromCoverDialog onClose={close} />}
      {open.kind === 'autofill' && <AutofillPanel onClose={close} />}
      {view && open.kind === 'summary' && <FillSummary result={open.result} view={view} onClose={close} />}
      {open.kind === 'publish' && (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && close()}
          title="Publish this week?"
          confirm="Publish"
          onConfirm={() => void publishWeek().then(close)}
        >
          {view?.shifts.filter((s) => s.status === 'draft').length ?? 0} draft shifts for {rotaSite ?? 'all sites'} become published. Staff
          can then be sent their rota; later changes are kept in each shift's history. Undo (Ctrl+Z) turns them back to drafts while none of
          them has changed.
          {blocks + warns > 0 && ` The week still has ${blocks} blocked and ${warns} warning findings.`}
        </ConfirmDialog>
      )}
    </section>
  );
};

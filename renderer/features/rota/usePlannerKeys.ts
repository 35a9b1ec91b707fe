import { useEffect } from 'react';

export interface PlannerKeys {
  prevWeek: () => void;
  nextWeek: () => void;
  thisWeek: () => void;
  newShift: () => void;
  undo: () => void;
  redo: () => void;
  deleteSelected: () => void;
  clearSelection: () => void;
}

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/** The planner's keys: ← → or PageUp/PageDown for weeks, T this week, N new shift, Ctrl+Z / Ctrl+Shift+Z, Delete. */
export const usePlannerKeys = (keys: PlannerKeys): void => {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const k = e.key;
      const mod = e.ctrlKey || e.metaKey;
      const run = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (mod && k.toLowerCase() === 'z') return run(e.shiftKey ? keys.redo : keys.undo);
      if (mod && k.toLowerCase() === 'y') return run(keys.redo);
      if (mod || e.altKey) return;
      if (k === 'ArrowLeft' || k === 'PageUp') return run(keys.prevWeek);
      if (k === 'ArrowRight' || k === 'PageDown') return run(keys.nextWeek);
      if (k === 't' || k === 'T') return run(keys.thisWeek);
      if (k === 'n' || k === 'N') return run(keys.newShift);
      if (k === 'Delete') return run(keys.deleteSelected);
      if (k === 'Escape') keys.clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
};

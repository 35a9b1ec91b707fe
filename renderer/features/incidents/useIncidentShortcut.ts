import { useEffect } from 'react';
import { useStore } from '../../store/appStore';

/** Ctrl+I (or Alt+N) opens "record an incident" from any screen, unless a dialog is already open. */
export const useIncidentShortcut = () => {
  const startNewIncident = useStore((s) => s.startNewIncident);
  const unlocked = useStore((s) => Boolean(s.auth?.user && !s.auth.locked));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlI = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'i';
      const altN = e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'n';
      if ((!ctrlI && !altN) || !unlocked) return;
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      startNewIncident();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNewIncident, unlocked]);
};

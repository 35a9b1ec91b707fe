import { useStore } from '../../store/appStore';

/**
 * Whether the desk is unlocked. Dialogs render in a portal outside the locked, hidden shell, so each
 * one is shown only while this is true: a public desk never shows an incident over the lock screen.
 */
export const useUnlocked = (): boolean => useStore((s) => !s.auth?.locked);

import { useEffect } from 'react';
import { call } from '../../api';
import { useStore } from '../../store/appStore';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove', 'touchstart'] as const;

/**
 * Locks the desk after the configured idle minutes. Activity is also reported to main at most once a
 * minute, since main enforces the same limit on its own and must not lock someone who is typing.
 */
export const useIdleLock = () => {
  const minutes = useStore((s) => s.auth?.idleLockMinutes ?? 5);
  const active = useStore((s) => Boolean(s.auth?.user && !s.auth.locked));
  const lock = useStore((s) => s.lock);

  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let reported = Date.now();
    const onActivity = () => {
      last = Date.now();
      if (last - reported > 60_000) {
        reported = last;
        void call('auth:touch', {});
      }
    };
    ACTIVITY.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void lock();
    }, 1000);
    return () => {
      ACTIVITY.forEach((e) => window.removeEventListener(e, onActivity));
      window.clearInterval(timer);
    };
  }, [active, minutes, lock]);
};

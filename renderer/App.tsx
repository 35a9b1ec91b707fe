import { Suspense, useCallback, useEffect, useState } from 'react';
import { onFailure } from './api';
import { FirstRun } from './features/auth/FirstRun';
import { SignIn } from './features/auth/SignIn';
import { useIdleLock } from './features/auth/useIdleLock';
import { Shell } from './features/shell/Shell';
import { VIEWS } from './features/views';
import { Banner } from './components/Banner';
import { useStore, useStoreFields } from './store/appStore';

/** Runs once its Suspense boundary has committed, i.e. once the screen's code has arrived and rendered. */
const Shown = ({ onShown }: { onShown: () => void }) => {
  useEffect(onShown, [onShown]);
  return null;
};

const Screen = ({ onShown }: { onShown: () => void }) => {
  const view = useStore((s) => s.view);
  const Component = (VIEWS.find((v) => v.id === view) ?? VIEWS[0]).component;
  return (
    <Suspense
      fallback={
        <p className="screen-loading" role="status">
          Opening…
        </p>
      }
    >
      <Component />
      <Shown onShown={onShown} />
    </Suspense>
  );
};

/** Fetches every screen's code while the user reads the first one, so moving between screens never waits. */
const prefetchScreens = () => {
  const later = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
  later(() => void Promise.all(VIEWS.map((v) => v.load())).catch(() => undefined));
};

/** Chooses the screen for the session's phase; marks the root `loaded` once the first screen is up. */
export const App = () => {
  const { phase, auth, startupError, refreshAuth, markLocked, markSignedOut, lock } = useStoreFields(
    'phase',
    'auth',
    'startupError',
    'refreshAuth',
    'markLocked',
    'markSignedOut',
    'lock',
  );
  useIdleLock();
  const go = useStore((s) => s.go);
  const [screenShown, setScreenShown] = useState(false);
  const markShown = useCallback(() => setScreenShown(true), []);
  const userId = auth?.user?.id;
  const role = auth?.user?.role;

  // Each role starts on its home screen when someone signs in (a supervisor on Today).
  useEffect(() => {
    const home = role && VIEWS.find((v) => v.homeFor?.includes(role));
    if (userId && home) go(home.id);
  }, [userId, role, go]);

  useEffect(() => {
    if (screenShown) prefetchScreens();
  }, [screenShown]);

  useEffect(() => {
    void refreshAuth();
    return onFailure((r) => {
      if (!r.ok && r.code === 'locked') markLocked();
      if (!r.ok && r.code === 'signed_out') markSignedOut();
    });
  }, [refreshAuth, markLocked, markSignedOut]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l' && auth?.user && !auth.locked) {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [auth, lock]);

  const locked = Boolean(auth?.user && auth.locked);
  return (
    <div id="app" data-app-state={phase === 'starting' || (phase === 'ready' && !screenShown) ? 'loading' : 'loaded'} data-phase={phase}>
      {phase === 'unreachable' && (
        <main className="auth-screen">
          <Banner tone="error">{startupError}</Banner>
        </main>
      )}
      {phase === 'setup' && <FirstRun />}
      {phase === 'signed-out' && <SignIn />}
      {phase === 'ready' && (
        <>
          {/* Under the lock the shell is hidden and inert and the screen is gone: the store's data is dropped on lock (renderer/store/reset.ts), and the screen mounts and loads afresh for whoever unlocks. */}
          <div inert={locked} hidden={locked}>
            <Shell>{!locked && <Screen onShown={markShown} />}</Shell>
          </div>
          {locked && <SignIn locked />}
        </>
      )}
    </div>
  );
};

import type { Handlers } from './types';

export const systemHandlers: Pick<Handlers, 'system:info' | 'system:dismiss-notice' | 'settings:get' | 'settings:update'> = {
  'system:info': (_req, { app }) => ({
    version: app.version,
    dataDir: app.dirs.root,
    schemaVersion: app.meta.schemaVersion,
    mode: app.mode,
    notices: app.ds.notices().map(({ id, at, kind, message }) => ({ id, at, kind, message })),
  }),
  'system:dismiss-notice': (req, { app }) => {
    app.ds.dismissNotice(req.id);
    return null;
  },
  'settings:get': (_req, { app }) => app.repos.settings.get(),
  'settings:update': (req, { app }) => {
    const next = { ...app.repos.settings.get(), ...req };
    app.repos.settings.set(next);
    return next;
  },
};

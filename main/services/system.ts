import type { Handlers } from './types';

export const systemHandlers: Pick<Handlers, 'system:info' | 'system:dismiss-notice' | 'settings:get' | 'settings:update'> = {
  'system:info': (_req, { app }) => {
    // Reading the staff list recovers a damaged one, and reports any shifts it no longer covers, before
    // the notices are listed (main/app.ts reads it after opening, in the background).
    app.repos.staff.all();
    return {
      version: app.version,
      dataDir: app.dirs.root,
      schemaVersion: app.meta.schemaVersion,
      mode: app.mode,
      notices: app.ds.notices().map(({ id, at, kind, message }) => ({ id, at, kind, message })),
    };
  },
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

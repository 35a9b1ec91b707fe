import type { NoticeView } from '../../shared/contract/system';
import { aheadInWords, stampDateGB, tooFarAhead } from '../../shared/domain/sync/hlc';
import type { AppCore, Handlers } from './types';

/**
 * A notice while this install's record clock stands more than STAMP_AHEAD_LIMIT_MS ahead of its time of day. A
 * hybrid clock never goes back, so after the date was wrong (years ahead) and put right every edit made here is
 * still stamped that far ahead, and every other install refuses it; nothing here can safely re-stamp them, so the
 * desk is told rather than finding out from the manager. Worked out on each call, so it goes when the clock is right.
 */
const clockAhead = (app: AppCore): NoticeView[] => {
  const stamp = app.clock.value;
  const now = app.now();
  if (!tooFarAhead(stamp, now)) return [];
  const day = stampDateGB(stamp);
  return [
    {
      id: 'clock-ahead',
      at: new Date(now).toISOString(),
      kind: 'clock-ahead',
      message: `This computer’s record clock is ${aheadInWords(stamp, now)} ahead of its date and time${day ? ` (it stands at ${day})` : ''}, so other computers will refuse the edits made here, by sync and in packs: they are kept on this computer only. Check this computer’s date and time. If they are right, ask IT support before making more edits here.`,
    },
  ];
};

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
      notices: [...clockAhead(app), ...app.ds.notices().map(({ id, at, kind, message }) => ({ id, at, kind, message }))],
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

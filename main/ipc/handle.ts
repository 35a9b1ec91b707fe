import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels } from '../../shared/contract';
import { err } from '../../shared/result';
import type { Session } from '../services/types';
import type { Dispatch } from './dispatch';
import { blankSession, Sessions } from './sessions';

/**
 * Registers one `ipcMain.handle` per channel of the contract. Each call is accepted only from the main
 * frame of the app's own page (Electron security checklist §17), then handed to the shared dispatch with
 * the session of the window that sent it.
 */
export const registerIpc = (dispatch: Dispatch, isTrustedUrl: (url: string) => boolean, now: () => number): void => {
  const sessions = new Sessions(now);
  // Each window has one session; its token never leaves main, but it lives and expires by the same table.
  const byContents = new Map<number, Session>();
  const sessionOf = (wc: WebContents) => {
    const held = byContents.get(wc.id);
    if (held && (!held.userId || sessions.get(held.id) === held)) return held;
    const s = blankSession(now());
    if (!held)
      wc.once('destroyed', () => {
        const last = byContents.get(wc.id);
        if (last) sessions.drop(last.id);
        byContents.delete(wc.id);
      });
    byContents.set(wc.id, s);
    return s;
  };
  const after = (wc: WebContents, s: Session) => {
    sessions.settle(s);
    if (wc.isDestroyed()) sessions.drop(s.id);
  };

  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url))
        return err('forbidden', 'Refused: the request did not come from SiteDesk.');
      const session = sessionOf(event.sender);
      const result = await dispatch(channel, payload, session);
      after(event.sender, session);
      return result;
    });
  }
};

import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels } from '../../shared/contract';
import { err } from '../../shared/result';
import type { Session } from '../services/types';
import type { Dispatch } from './dispatch';
import { Sessions } from './sessions';

/**
 * Registers one `ipcMain.handle` per channel of the contract. Each call is accepted only from the main
 * frame of the app's own page (Electron security checklist §17), then handed to the shared dispatch with
 * the session of the window that sent it.
 */
export const registerIpc = (dispatch: Dispatch, isTrustedUrl: (url: string) => boolean, now: () => number): void => {
  const sessions = new Sessions(now);
  const byContents = new Map<number, Session>();
  const sessionOf = (wc: WebContents) => {
    let s = byContents.get(wc.id);
    if (!s) {
      s = sessions.create();
      byContents.set(wc.id, s);
      wc.once('destroyed', () => {
        byContents.delete(wc.id);
        sessions.drop(s!.id);
      });
    }
    return s;
  };

  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url)) return err('forbidden', 'Refused: the request did not come from SiteDesk.');
      return dispatch(channel, payload, sessionOf(event.sender));
    });
  }
};

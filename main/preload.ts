import { contextBridge, ipcRenderer } from 'electron';

/** The contract's channel names, written in at build time (electron.vite.config.ts): no schemas, no zod. */
declare const __SITEDESK_CHANNELS__: string[];

// One function per channel; the page never gets ipcRenderer itself.
const api = Object.fromEntries(
  __SITEDESK_CHANNELS__.map((channel) => [channel, (payload: unknown) => ipcRenderer.invoke(channel, payload)]),
);

contextBridge.exposeInMainWorld('sitedesk', { api, mode: 'electron' });

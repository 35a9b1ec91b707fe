import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/contract';

// One function per channel; the page never gets ipcRenderer itself.
const api = Object.fromEntries(channels.map((channel) => [channel, (payload: unknown) => ipcRenderer.invoke(channel, payload)]));

contextBridge.exposeInMainWorld('sitedesk', { api, mode: 'electron' });

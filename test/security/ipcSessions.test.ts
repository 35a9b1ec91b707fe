/**
 * Issue 12 hole 5 under Electron: each window's session lives and expires by the same rules as browser
 * mode's (signed out 4 h after the last activity, 14 h after the password), through the real IPC
 * registration with Electron's ipcMain stood in for.
 */
import { describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
vi.mock('electron', () => {
  const e = {
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
  };
  return { default: e, ...e };
});

const { registerIpc } = await import('../../main/ipc/handle');
const { openTestApp, withManager } = await import('../support/app');

const HOUR = 3_600_000;

/** A stand-in for one BrowserWindow's webContents showing the app. */
const windowOf = (id: number) => {
  const frame = { url: 'app://sitedesk/index.html' };
  const listeners: (() => void)[] = [];
  let destroyed = false;
  const wc = {
    id,
    mainFrame: frame,
    once: (_event: string, fn: () => void) => listeners.push(fn),
    isDestroyed: () => destroyed,
  };
  return {
    call: (channel: string, payload: unknown = {}) =>
      handlers.get(channel)!({ sender: wc, senderFrame: frame }, payload) as Promise<{
        ok: boolean;
        code?: string;
        data?: { user: unknown; locked: boolean };
      }>,
    close: () => {
      destroyed = true;
      listeners.forEach((fn) => fn());
    },
  };
};

describe('Electron window sessions', () => {
  it('are separate per window, signed out after 4 h idle and 14 h after the password', async () => {
    const t = openTestApp();
    await withManager(t, 'maria', 'correct horse 1');
    handlers.clear();
    registerIpc(
      t.opened.dispatch,
      () => true,
      () => t.clock.now,
    );
    const a = windowOf(1);
    const b = windowOf(2);
    expect(await a.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' })).toMatchObject({ ok: true });
    expect(await b.call('auth:status')).toMatchObject({ ok: true, data: { user: null } });
    expect(await a.call('settings:update', { idleLockMinutes: 60 })).toMatchObject({ ok: true });

    // Idle: locked after an hour, signed out after four.
    t.clock.now += 3 * HOUR + 59 * 60_000;
    expect(await a.call('auth:status')).toMatchObject({ ok: true, data: { locked: true } });
    t.clock.now += 2 * 60_000;
    expect(await a.call('auth:status')).toMatchObject({ ok: true, data: { user: null } });

    // Absolute: active every 50 minutes, still signed out 14 h after the password.
    expect(await a.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' })).toMatchObject({ ok: true });
    const start = t.clock.now;
    for (let at = 50 * 60_000; at < 14 * HOUR; at += 50 * 60_000) {
      t.clock.now = start + at;
      expect(await a.call('auth:touch')).toMatchObject({ ok: true });
    }
    t.clock.now = start + 14 * HOUR + 60_000;
    expect(await a.call('auth:touch')).toMatchObject({ ok: false, code: 'signed_out' });

    // A closed window's session is gone; a new window with the same id starts signed out.
    expect(await a.call('auth:sign-in', { username: 'maria', password: 'correct horse 1' })).toMatchObject({ ok: true });
    a.close();
    expect(await windowOf(1).call('auth:status')).toMatchObject({ ok: true, data: { user: null } });
  });
});

import { openApp } from '../main/app';
import { StoreClassConf } from './data';
const opened = openApp({ dataDir: '/tmp/wdec', StoreClass: StoreClassConf, mode: 'browser', version: 'b', backupEveryMinutes: 0, startBackupDelayMs: 1e9, warmIndexDelayMs: 1e9 });
const s = { id: 'b', userId: null, locked: false, lastActive: Date.now() };
await opened.dispatch('auth:sign-in', { username: 'manager', password: 'sitedesk-demo' }, s);
const calls: [string, unknown][] = [
  ['auth:status', {}], ['sites:list', {}], ['staff:list', {}], ['today:board', { site: 'CH' }], ['rota:week', { week: '2026-11-23', site: null }], ['rota:week', { week: '2026-11-16', site: null }],
  ['log:day', { site: 'CH', date: '2026-11-25' }], ['staff:licence-watch', {}], ['staff:absence-calendar', { site: 'CH', month: '2026-11' }],
  ['attendance:report', { from: '2026-11-16', to: '2026-11-22', site: null }], ['reports:hours', { from: '2026-10-26', to: '2026-11-22', site: null }], ['reports:cover', { from: '2026-10-26', to: '2026-11-22', site: null }],
  ['reports:cost', { from: '2026-10-26', to: '2026-11-22', site: null }], ['reports:incidents', { from: '2025-11-01', to: '2026-11-22', site: null }], ['incidents:list', {}], ['incidents:riddor-queue', {}], ['backups:list', {}], ['exchange:status', {}],
];
for (const [c, p] of calls) {
  for (let i = 0; i < 2; i++) { const t = performance.now(); const r = await opened.dispatch(c as never, p as never, s); const ms = performance.now() - t; if (i === 1 || !r.ok) console.log(c.padEnd(26), i === 0 ? 'cold' : 'warm', ms.toFixed(0).padStart(6), 'ms', r.ok ? JSON.stringify(r.data).length : r.message); }
}
process.exit(0);
